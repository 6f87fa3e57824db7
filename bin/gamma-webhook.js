#!/usr/bin/env node
// The package's bin: plain JavaScript that any Node.js can load, so that `npx gamma-webhook ...`
// works whatever `node` is on PATH. gamma-webhook itself needs Node.js 24 (package.json engines),
// and this launcher finds one:
//
// 1. In a clone (src/cli/main.ts present, no build needed): the TypeScript entry, run by the
//    pinned Node.js 24 of the `node` devDependency that `npm ci` installed, else by the current
//    node when it is 24 (Node.js 24 runs TypeScript without a build).
// 2. In an installed package (dist/src/cli/main.js): the compiled entry, in this very process
//    when the current node is 24, else by the pinned Node.js 24 when one is installed.
// 3. Otherwise one line on stderr naming the Node.js version needed, and exit status 2.
//
// A child gets the same arguments, standard streams and environment; its exit status is passed
// on, and SIGINT/SIGTERM/SIGHUP are forwarded to it so that `serve` shuts down as it would alone.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REQUIRED_MAJOR = 24;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceEntry = path.join(root, 'src', 'cli', 'main.ts');
const compiledEntry = path.join(root, 'dist', 'src', 'cli', 'main.js');
const currentMajor = Number(process.versions.node.split('.')[0]);
const currentFits = currentMajor === REQUIRED_MAJOR;

/** The binary of the `node` devDependency (Node.js 24), resolved as Node resolves packages; undefined when not installed. */
function pinnedNode() {
  try {
    const binary = createRequire(path.join(root, 'package.json')).resolve('node/bin/node');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function runChild(binary, entry) {
  const child = spawn(binary, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`gamma-webhook: cannot start ${binary}: ${error.message}\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(name, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}

const pinned = pinnedNode();
if (existsSync(sourceEntry) && (pinned || currentFits)) {
  runChild(pinned ?? process.execPath, sourceEntry);
} else if (existsSync(compiledEntry) && currentFits) {
  await import(pathToFileURL(compiledEntry).href);
} else if (existsSync(compiledEntry) && pinned) {
  runChild(pinned, compiledEntry);
} else {
  const what = existsSync(sourceEntry) || existsSync(compiledEntry)
    ? `gamma-webhook needs Node.js ${REQUIRED_MAJOR}, and this is Node.js ${process.versions.node} (${process.execPath}). ` +
      `Run it with Node.js ${REQUIRED_MAJOR}, or run \`npm ci\` in ${root} to install the pinned Node.js ${REQUIRED_MAJOR}.`
    : `gamma-webhook: neither ${sourceEntry} nor ${compiledEntry} exists; reinstall the package.`;
  process.stderr.write(`${what}\n`);
  process.exitCode = 2;
}
