import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const logger = fileURLToPath(new URL('../src/logger.ts', import.meta.url));

/** Runs `script` in a fresh Node process (the logger writes to fd 1) and returns its stdout lines. */
function linesOf(script: string): string[] {
  const source = `import { createLogger } from ${JSON.stringify(logger)};\n${script}`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line !== '');
}

describe('createLogger', () => {
  it('writes one JSON line per call, in order, at the level asked for', () => {
    const lines = linesOf(`const log = createLogger('info'); for (let i = 0; i < 500; i++) log.info({ i }, 'admission'); log.debug('hidden');`);
    expect(lines).toHaveLength(500);
    expect(lines.map((line) => (JSON.parse(line) as { i: number }).i)).toEqual([...Array(500).keys()]);
  });

  it('loses no line written just before process.exit (the asynchronous buffer is flushed)', () => {
    const lines = linesOf(`const log = createLogger('info'); for (let i = 0; i < 2000; i++) log.info({ i }, 'x'.repeat(200)); process.exit(0);`);
    expect(lines).toHaveLength(2000);
    expect((JSON.parse(lines.at(-1) ?? '{}') as { i: number }).i).toBe(1999);
  });
});
