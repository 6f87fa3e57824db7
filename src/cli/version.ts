/**
 * `gamma-webhook version [-o text|json|yaml]` (also `kubectl gamma version`): the version of the
 * package, read from its package.json, the one file that states it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

const PACKAGE_NAME = 'gamma-webhook';
const formats = ['text', 'json', 'yaml'] as const;
type Format = (typeof formats)[number];

/** The text of `gamma-webhook version --help`. */
export const versionUsage = `Usage: gamma-webhook version [-o text|json|yaml]

Prints the version of gamma-webhook.

Options:
  -o, --output FORMAT   text (default: "gamma-webhook VERSION"), json or yaml ({name, version})
  -h, --help            show this help
`;

/**
 * The package.json of gamma-webhook: the nearest one above this module named gamma-webhook
 * (src/cli/ in a clone, dist/src/cli/ in an installed package). Undefined when there is none.
 */
function packageVersion(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not JSON): look further up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

/** Prints the version in the asked format; returns the exit code: 0, or 2 with one line on stderr. */
export function runVersion(argv: readonly string[], io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } }): number {
  const fail = (message: string): number => {
    io.stderr.write(`gamma-webhook version: ${message}\n`);
    return 2;
  };
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    return fail(`${(error as Error).message}; run gamma-webhook version --help`);
  }
  if (values.help === true) {
    io.stdout.write(versionUsage);
    return 0;
  }
  const output = values.output ?? 'text';
  if (!isFormat(output)) return fail(`--output must be one of ${formats.join(', ')}; got ${JSON.stringify(output)}`);
  const version = packageVersion();
  if (version === undefined) return fail(`no package.json of ${PACKAGE_NAME} above ${fileURLToPath(import.meta.url)}; reinstall the package`);
  const body = { name: PACKAGE_NAME, version };
  if (output === 'json') io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  else if (output === 'yaml') io.stdout.write(stringify(body));
  else io.stdout.write(`${PACKAGE_NAME} ${version}\n`);
  return 0;
}
