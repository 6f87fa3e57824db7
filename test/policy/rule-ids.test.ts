/**
 * The policy accepts overrides only for rule ids of the catalog. The list lives in
 * `policy/schema.ts` (policy depends on nothing of the core); these tests keep it equal to
 * RULES.md and to the rule registry, both ways.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse.ts';
import { policyRuleIds } from '../../src/core/policy-schema.ts';
import { ruleCatalog } from '../../src/rules/index.ts';
import { sharedPath } from '../support/shared.ts';

const rulesMd = sharedPath('RULES.md');

describe('policy rule ids', () => {
  it.skipIf(rulesMd.missing)('are the ids of RULES.md tables', () => {
    const text = readFileSync(rulesMd.path, 'utf8');
    const ids = [...text.matchAll(/^\| (MR[0-9]{3})( R)? \|/gm)].map((m) => m[1]);
    expect([...policyRuleIds]).toEqual(ids);
  });

  it('are the ids of the rule registry', () => {
    expect([...policyRuleIds]).toEqual(ruleCatalog.map((rule) => rule.id));
  });

  it('each can be overridden, and a neighbour outside the catalog cannot', () => {
    for (const id of policyRuleIds) {
      expect(parsePolicy(`rules: {${id}: {action: off}}\n`, 'test').ok, id).toBe(true);
    }
    for (const id of ['MR100', 'MR110', 'MR208', 'MR311', 'MR401']) {
      const result = parsePolicy(`rules: {${id}: {action: off}}\n`, 'test');
      expect(result.ok ? undefined : result.error.problems[0]?.path, id).toBe(`rules.${id}`);
    }
  });
});
