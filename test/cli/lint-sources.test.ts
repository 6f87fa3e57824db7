import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources, STDIN_NAME } from '../../src/cli/lint/sources.ts';

async function* chunks(...parts: (string | Uint8Array)[]) {
  for (const part of parts) yield part;
}

describe('readSources', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lint-sources-'));
    await mkdir(path.join(dir, 'tree', 'nested', 'deeper'), { recursive: true });
    await mkdir(path.join(dir, 'tree', '.hidden'), { recursive: true });
    await writeFile(path.join(dir, 'tree', 'b.yaml'), 'b: 1\n');
    await writeFile(path.join(dir, 'tree', 'a.yml'), 'a: 1\n');
    await writeFile(path.join(dir, 'tree', 'c.json'), '{"c": 1}\n');
    await writeFile(path.join(dir, 'tree', 'README.md'), '# not a manifest\n');
    await writeFile(path.join(dir, 'tree', 'nested', 'deeper', 'd.YAML'), 'd: 1\n');
    await writeFile(path.join(dir, 'tree', '.hidden', 'e.yaml'), 'e: 1\n');
    await writeFile(path.join(dir, 'tree', '.dotfile.yaml'), 'f: 1\n');
    await writeFile(path.join(dir, 'plain.txt'), 'g: 1\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walks directories recursively in name order, keeping .yaml/.yml/.json and skipping hidden entries', async () => {
    const sources = await readSources(['tree'], dir, chunks());
    expect(sources.map((s) => s.name)).toEqual([
      path.join('tree', 'a.yml'),
      path.join('tree', 'b.yaml'),
      path.join('tree', 'c.json'),
      path.join('tree', 'nested', 'deeper', 'd.YAML'),
    ]);
    expect(sources.map((s) => s.json)).toEqual([false, false, true, false]);
    expect(sources[0]?.file).toBe(path.join(dir, 'tree', 'a.yml'));
    expect(sources[0]?.text).toBe('a: 1\n');
  });

  it('reads a file named explicitly whatever its ending, and each path once', async () => {
    const sources = await readSources(['plain.txt', 'tree/b.yaml', 'tree', 'plain.txt'], dir, chunks());
    expect(sources.map((s) => s.name)).toEqual([
      'plain.txt',
      path.join('tree', 'b.yaml'),
      path.join('tree', 'a.yml'),
      path.join('tree', 'c.json'),
      path.join('tree', 'nested', 'deeper', 'd.YAML'),
    ]);
  });

  it('reads standard input for -, once, decoding UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('name: café\n');
    const sources = await readSources(['-', '-'], dir, chunks(bytes.slice(0, 9), bytes.slice(9)));
    expect(sources).toEqual([{ name: STDIN_NAME, file: undefined, text: 'name: café\n', json: false }]);
  });

  it('refuses a missing operand with GAMMA_ERR_LINT_INPUT naming it', async () => {
    await expect(readSources(['nope.yaml'], dir, chunks())).rejects.toMatchObject({
      code: 'GAMMA_ERR_LINT_INPUT',
      message: expect.stringContaining('nope.yaml'),
    });
  });

  it('yields nothing for a directory without manifests', async () => {
    await mkdir(path.join(dir, 'empty'), { recursive: true });
    expect(await readSources(['empty'], dir, chunks())).toEqual([]);
  });
});
