#!/usr/bin/env node
import path from 'node:path';
import { configHelp, loadConfig } from '../config.ts';
import { GammaError } from '../errors.ts';
import { serve } from '../main.ts';
import { developmentSubjectAltNames, ensureDevelopmentCertificates } from '../server/certificates.ts';
import { runExplain } from './explain/index.ts';
import { runLint } from './lint/index.ts';
import { runVersion } from './version.ts';

const usage = `Usage: gamma-webhook <command> [options]

Commands:
  serve   run the admission webhook (HTTPS) and, with a cluster, the status reconciler
  lint    check route manifests with the webhook's rules (gamma-webhook lint --help)
  explain show the routing table the mesh builds for a Service (gamma-webhook explain --help)
  certs   generate development certificates into --certs-dir and print their paths
  version print the version (-o json|yaml too)

Options of serve and certs (flag, environment variable, meaning):
${configHelp()}
`;

/**
 * The program's edge: the only place, with src/config.ts, that reads process.env and argv.
 * Exit codes: 0 success, 1 lint denials or explain problems, 2 usage or configuration error.
 */
async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(loadConfig(rest, process.env));
      return undefined;
    case 'lint':
    case 'explain':
      return (command === 'lint' ? runLint : runExplain)(rest, {
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
        isTTY: process.stdout.isTTY === true,
        cwd: process.cwd(),
        noColor: Boolean(process.env.NO_COLOR),
      });
    case 'version':
      return runVersion(rest, process);
    case 'certs': {
      const config = loadConfig(rest, process.env);
      const names = developmentSubjectAltNames(config.serviceName, config.namespace);
      const certs = await ensureDevelopmentCertificates(config.certsDir, names);
      process.stdout.write(
        `${certs.generated ? 'generated' : 'reused'} in ${path.resolve(config.certsDir)}\n` +
          `  CA:          ${certs.caFile}   (trust it: curl --cacert ${certs.caFile}; caBundle: base64 -w0 ${certs.caFile})\n` +
          `  certificate: ${certs.certFile}   (${names.join(', ')})\n` +
          `  key:         ${certs.keyFile}\n`,
      );
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return 0;
    default:
      process.stderr.write(`unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof GammaError) {
      process.stderr.write(`gamma-webhook: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`gamma-webhook: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
