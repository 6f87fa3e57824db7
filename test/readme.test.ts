import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { options } from '../src/config.ts';
import { errorDefinitions } from '../src/errors.ts';
import { createMetrics } from '../src/metrics.ts';
import { ruleCatalog } from '../src/rules/index.ts';

/** The README stays true: its tables are checked against the code both ways. */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const level = heading.split(' ')[0] ?? '##';
  const next = readme.slice(start + heading.length + 2).search(new RegExp(`\\n#{2,${level.length}} `));
  return next === -1 ? readme.slice(start) : readme.slice(start, start + heading.length + 2 + next);
}

describe('README', () => {
  it('documents every serve option with its variable and default, and no other', () => {
    const rows = [...section('## Configuration').matchAll(/^\| `--([a-z-]+)` \| `([A-Z_]+)` \| ([^|]+) \|/gm)];
    expect(rows.map((r) => r[1])).toEqual(Object.keys(options));
    for (const [, name, env, value] of rows) {
      const option = options[name as keyof typeof options];
      expect(env).toBe(option.env);
      const shown = value?.trim();
      expect(shown, name).toBe(option.default === undefined ? 'none' : option.default === '' ? 'empty' : `\`${option.default}\``);
    }
  });

  it('lists every error code, and no retired or unknown one', () => {
    const listed = [...section('### Error codes').matchAll(/^\| `(GAMMA_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(errorDefinitions).sort());
  });

  it('has the rule catalog in catalog order, with the referential marks', () => {
    const rows = [...section('## Rule catalog').matchAll(/^\| (MR\d{3}) \| (R?) ?\|/gm)];
    expect(rows.map((r) => r[1])).toEqual(ruleCatalog.map((rule) => rule.id));
    for (const [, id, mark] of rows) {
      expect(mark === 'R', id).toBe(ruleCatalog.find((rule) => rule.id === id)?.referential);
    }
  });

  it('gives each rule an example message that starts with its id', () => {
    for (const rule of ruleCatalog) {
      expect(readme).toMatch(new RegExp(`^\\| ${rule.id} .*\\| \`${rule.id} spec\\.`, 'm'));
    }
  });

  it('lists every gamma_ metric and no other', async () => {
    const documented = [...section('## Metrics').matchAll(/`(gamma_[a-z_]+)`/g)].map((m) => m[1]);
    const metrics = createMetrics(undefined, { processMetrics: false });
    const exported = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
    expect([...new Set(documented)].sort()).toEqual(exported.sort());
  });
});
