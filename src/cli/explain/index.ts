import path from 'node:path';
import { buildRoutingTable } from '../../core/index.ts';
import { GammaError } from '../../errors.ts';
import type { LintIo } from '../lint/index.ts';
import { explainUsage, parseExplainArgs, type ExplainOptions } from './args.ts';
import { openClusterInput } from './cluster.ts';
import { explainTables, type Explanation } from './explanation.ts';
import type { RoutingInput } from './input.ts';
import { readManifestInput } from './manifests.ts';
import { formatExplanationText } from './text.ts';

/** The outside world of `explain`: lint's, and how long the cluster may take to list (tests shorten it). */
export interface ExplainIo extends LintIo {
  readonly clusterSyncTimeoutMs?: number;
}

/**
 * `gamma-webhook explain service/NAME [options]`: prints the effective routing table of each port
 * of the Service (text, or `-o json` in the shape of docs/explain.md) and returns the exit code:
 * 0 no problem, 1 at least one problem note (a shadowed entry, an unresolved backend, a rule
 * whose weights are all 0, a conflicted port), 2 a usage or input error (reported on stderr as
 * one line with its error code): bad arguments, no such Service or port, unreadable or invalid
 * manifests, a cluster that cannot be read. Never throws.
 */
export async function runExplain(argv: readonly string[], io: ExplainIo): Promise<number> {
  try {
    const options = parseExplainArgs(argv);
    if (options.help) {
      io.stdout.write(explainUsage);
      return 0;
    }
    const explanation = await explain(options, io);
    io.stdout.write(options.output === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanationText(explanation, io.isTTY && !io.noColor));
    return explanation.problems > 0 ? 1 : 0;
  } catch (error) {
    const known = error instanceof GammaError;
    const code = known ? error.code : 'GAMMA_ERR_INTERNAL';
    io.stderr.write(`gamma-webhook explain: ${error instanceof Error ? error.message : String(error)} [${code}]\n`);
    if (known && code === 'GAMMA_ERR_EXPLAIN_USAGE') io.stderr.write('Run gamma-webhook explain --help for usage.\n');
    return 2;
  }
}

async function explain(options: ExplainOptions, io: ExplainIo): Promise<Explanation> {
  const input: RoutingInput =
    options.files.length > 0
      ? await readManifestInput(options.files, options.namespace, io.cwd, io.stdin)
      : await openClusterInput({
          kubeconfig: options.kubeconfig && path.resolve(io.cwd, options.kubeconfig),
          context: options.context,
          syncTimeoutMs: io.clusterSyncTimeoutMs,
        });
  try {
    const { namespace, service: name } = options;
    const where = options.files.length > 0 ? 'the manifests read' : 'the cluster';
    const service = input.view.service(namespace, name);
    if (service === undefined) {
      throw new GammaError('GAMMA_ERR_EXPLAIN_NOT_FOUND', `no Service ${namespace}/${name} in ${where}; name its namespace with -n`);
    }
    const ports = service.ports.filter((p) => options.port === undefined || p.port === options.port);
    if (ports.length === 0 && options.port !== undefined) {
      const known = service.ports.map((p) => p.port).join(', ') || 'none';
      throw new GammaError('GAMMA_ERR_EXPLAIN_NOT_FOUND', `Service ${namespace}/${name} has no port ${options.port} (its ports: ${known})`);
    }
    const tables = ports.map((port) =>
      buildRoutingTable({
        service: { namespace, name },
        port: port.port,
        ...(port.name === undefined ? {} : { portName: port.name }),
        routes: input.view.attachedRoutes(namespace, name, port.port),
        ...(options.from === undefined ? {} : { from: options.from }),
      }),
    );
    return explainTables(service, ports, tables, options.from, input);
  } finally {
    await input.close();
  }
}
