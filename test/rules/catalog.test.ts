/**
 * docs/rules.md is the rule catalog; these tests keep it and the registry equal both ways (ids
 * and referential marks are in index.test.ts), keep SARIF's short descriptions equal to its
 * summaries, and run every example through `gamma-webhook lint` expecting exactly the finding
 * lines it shows.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleDescriptions } from '../../src/cli/lint/rule-descriptions.ts';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import type { Rule } from '../../src/core/rule.ts';
import { ruleCatalog } from '../../src/rules/index.ts';
import { lintRun } from '../cli/lint-io.ts';
import { readRulesDoc, type RuleExample } from '../support/rules-doc.ts';

const doc = readRulesDoc();

/** The status column's text for a rule's `status`. */
function statusText(rule: Rule): string {
  if (rule.status === undefined) return 'none';
  if (rule.status.condition === 'DropsRule') return 'drops the rule';
  return `${rule.status.condition}=False, ${rule.status.reason}`;
}

describe('docs/rules.md', () => {
  it('has one section per rule, in registry order', () => {
    expect(doc.sections.map((s) => s.id)).toEqual(ruleCatalog.map((r) => r.id));
  });

  it.each(ruleCatalog.map((rule) => [rule.id, rule] as const))('%s: index row agrees with the registry', (id, rule) => {
    const row = doc.index.find((r) => r.id === id);
    expect(row).toBeDefined();
    expect(row?.kinds).toEqual(rule.kinds);
    expect(row?.defaultAction).toBe(rule.defaultAction);
    expect(row?.status).toBe(statusText(rule));
    if (rule.mutate === undefined) {
      expect(row?.mutation).toBe('none');
    } else {
      const mutationSwitch = /^`mutations\.([a-zA-Z]+)` \(default `[^`]*`\)$/.exec(row?.mutation ?? '')?.[1];
      expect(Object.keys(defaultPolicy.mutations)).toContain(mutationSwitch);
    }
  });

  it('gives SARIF the summary of each rule as its short description, and no other', () => {
    expect(Object.keys(ruleDescriptions)).toEqual(doc.sections.map((s) => s.id));
    for (const { id, summary } of doc.sections) expect(ruleDescriptions[id], id).toBe(summary);
  });

  it('retires ids only once, and never one in use', () => {
    const inUse = new Set<string>(ruleCatalog.map((r) => r.id));
    expect(new Set(doc.retired).size).toBe(doc.retired.length);
    expect(doc.retired.filter((id) => inUse.has(id))).toEqual([]);
  });
});

describe('docs/rules.md examples, linted', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gamma-rules-doc-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Lints the example's manifests with the examples' cluster, and returns the finding lines. */
  async function lintExample(example: RuleExample, name: string): Promise<string[]> {
    const argv = ['--output', 'json', '-'];
    if (example.policy !== undefined) {
      const file = path.join(dir, `${name}.policy.yaml`);
      await writeFile(file, example.policy, 'utf8');
      argv.push('--policy', file);
    }
    const run = await lintRun(argv, { cwd: dir, stdin: `${doc.cluster}---\n${example.manifests}` });
    expect(run.stderr, name).toBe('');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; path: string; message: string }[] };
    // The one message form of a finding (src/core/format.ts).
    return report.findings.map((f) => (f.path === '' ? `${f.ruleId} ${f.message}` : `${f.ruleId} ${f.path}: ${f.message}`));
  }

  it.each(doc.sections.map((s) => [s.id, s] as const))('%s: each example reports exactly the lines shown', async (id, section) => {
    expect(section.examples.length, `${id} has no example`).toBeGreaterThan(0);
    for (const [i, example] of section.examples.entries()) {
      expect(example.findings.length, `${id} example ${i + 1} shows no finding`).toBeGreaterThan(0);
      expect(example.findings.every((line) => line.startsWith(`${id} `)), `${id} example ${i + 1} shows another rule`).toBe(true);
      expect(await lintExample(example, `${id}-${i + 1}`), `${id} example ${i + 1}`).toEqual(example.findings);
    }
  });
});
