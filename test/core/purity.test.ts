import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const forbidden = /from\s+['"](node:[^'"]+|fastify[^'"]*|@kubernetes\/client-node|pino[^'"]*)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the core is pure', () => {
  it.each(['src/core', 'src/rules', 'src/gateway'])('%s imports nothing from node:*, fastify, client-node or pino', (dir) => {
    const offenders = sources(dir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(forbidden)].map((m) => `${path.relative(root, file)}: ${m[1]}`),
    );
    expect(offenders).toEqual([]);
  });
});
