import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDescriptions } from '../src/cli/lint/rule-descriptions.ts';
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

  it('has the rule catalog in catalog order, with the referential marks, default actions and summaries', () => {
    const rows = [...section('## Rule catalog').matchAll(/^\| \[(MR\d{3})\]\(docs\/rules\.md#(mr\d{3})\) \| (R?) ?\| (\w+) \| (.+) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual(ruleCatalog.map((rule) => rule.id));
    for (const [, id = '', anchor, mark, action, summary] of rows) {
      const rule = ruleCatalog.find((r) => r.id === id);
      expect(anchor, id).toBe(id.toLowerCase());
      expect(mark === 'R', id).toBe(rule?.referential);
      expect(action, id).toBe(rule?.defaultAction);
      expect(summary, id).toBe(ruleDescriptions[id]);
    }
  });

  it('links the catalog, docs/rules.md, which has a section for each rule', () => {
    expect(section('## Rule catalog')).toContain('[docs/rules.md](docs/rules.md)');
    const rulesDoc = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
    for (const rule of ruleCatalog) expect(rulesDoc, rule.id).toContain(`\n### ${rule.id}\n`);
  });

  it('lists every gamma_ metric and no other', async () => {
    const documented = [...section('## Metrics').matchAll(/`(gamma_[a-z_]+)`/g)].map((m) => m[1]);
    const metrics = createMetrics(undefined, { processMetrics: false });
    const exported = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
    expect([...new Set(documented)].sort()).toEqual(exported.sort());
  });
});
