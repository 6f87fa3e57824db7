/**
 * The Node.js and V8 flags the container image starts the server with, read from the Dockerfile's
 * ENTRYPOINT (exec form: the node binary, its flags, the script, `serve`). The bench and the load
 * run start the server with the same flags, so that what they measure is what ships; reading them
 * from the Dockerfile keeps one source of truth. Throws when the ENTRYPOINT is missing or not in
 * exec form (a test checks the Dockerfile).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dockerfile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'Dockerfile');

/** The flags between the node binary and the script of the Dockerfile's last ENTRYPOINT. */
export function imageNodeFlags(text = readFileSync(dockerfile, 'utf8')): string[] {
  const entries = text.split('\n').filter((line) => /^ENTRYPOINT\s/i.test(line.trim()));
  const last = entries.at(-1);
  if (last === undefined) throw new Error('the Dockerfile has no ENTRYPOINT');
  const argv = JSON.parse(last.trim().replace(/^ENTRYPOINT\s+/i, '')) as unknown;
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) throw new Error('the ENTRYPOINT is not in exec form');
  const flags: string[] = [];
  for (const arg of argv.slice(1)) {
    if (!arg.startsWith('--')) break;
    flags.push(arg);
  }
  return flags;
}
