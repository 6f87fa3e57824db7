import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainRun } from './lint-io.ts';

/**
 * The explain examples of the README ("Effective routing") and of docs/explain.md (the JSON
 * contract) are real: each is run from the repository root and must print exactly what the page
 * shows, with the exit status shown after it.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Example {
  readonly argv: string[];
  readonly stdout: string;
  readonly code: number | undefined;
}

/** The `$ npx gamma-webhook explain ...` sessions of a page's console blocks. */
function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const found: Example[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    lines.forEach((line, i) => {
      const command = /^\$ npx gamma-webhook explain (.*)$/.exec(line);
      if (!command) return;
      const end = lines.findIndex((l, j) => j > i && l.startsWith('$ '));
      const output = lines.slice(i + 1, end === -1 ? lines.length - 1 : end);
      const status = end !== -1 && lines[end] === '$ echo $?' ? Number(lines[end + 1]) : undefined;
      found.push({ argv: (command[1] ?? '').split(' '), stdout: `${output.join('\n')}\n`, code: status });
    });
  }
  return found;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = markdown.indexOf('\n## ', start + heading.length);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('the explain examples in the docs', () => {
  const readme = section(readFileSync(`${root}README.md`, 'utf8'), '## Effective routing: `gamma-webhook explain`');
  const contract = readFileSync(`${root}docs/explain.md`, 'utf8');

  it('has a text example in the README, with its exit status, and a JSON one in docs/explain.md', () => {
    expect(examples(readme).map((e) => [e.argv.includes('json'), e.code])).toEqual([[false, 1]]);
    expect(examples(contract).map((e) => e.argv.slice(-2))).toEqual([['-o', 'json']]);
    expect(readme).toContain('[docs/explain.md](docs/explain.md)');
  });

  it.each([...examples(readme), ...examples(contract)].map((e) => [e.argv.join(' '), e] as const))('%s prints what the page shows', async (_, example) => {
    const result = await explainRun(example.argv, { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(example.stdout);
    if (example.code !== undefined) expect(result.code).toBe(example.code);
  });

  it('documents every field of the JSON it prints', async () => {
    const result = await explainRun(['service/web', '-n', 'shop', '-f', 'examples/routing', '-o', 'json'], { cwd: root });
    const keys = new Set<string>();
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) value.forEach((item) => walk(item, `${at}[]`));
      else if (typeof value === 'object' && value !== null && !at.endsWith('.filters[]')) {
        for (const [key, child] of Object.entries(value)) {
          keys.add(key);
          walk(child, `${at}.${key}`);
        }
      }
    };
    walk(JSON.parse(result.stdout), '');
    const fields = section(contract, '## Fields');
    const documented = new Set([...fields.matchAll(/`([^`]+)`/g)].flatMap((m) => (m[1] ?? '').match(/[A-Za-z]+/g) ?? []));
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter((key) => !documented.has(key))).toEqual([]);
  });
});
