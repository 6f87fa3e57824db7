/**
 * The policy accepts overrides only for rule ids of the catalog. The list lives in
 * `core/policy-schema.ts` (the schema does not import the rules); these tests keep it equal to
 * docs/rules.md and to the rule registry, both ways.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse.ts';
import { policyRuleIds } from '../../src/core/policy-schema.ts';
import { ruleCatalog } from '../../src/rules/index.ts';
import { readRulesDoc } from '../support/rules-doc.ts';

describe('policy rule ids', () => {
  it('are the ids of the docs/rules.md index', () => {
    expect([...policyRuleIds]).toEqual(readRulesDoc().index.map((row) => row.id));
  });

  it('exclude the retired ids of docs/rules.md', () => {
    const retired = new Set(readRulesDoc().retired);
    expect(policyRuleIds.filter((id) => retired.has(id))).toEqual([]);
  });

  it('are the ids of the rule registry', () => {
    expect([...policyRuleIds]).toEqual(ruleCatalog.map((rule) => rule.id));
  });

  it('each can be overridden, and a neighbour outside the catalog cannot', () => {
    for (const id of policyRuleIds) {
      expect(parsePolicy(`rules: {${id}: {action: off}}\n`, 'test').ok, id).toBe(true);
    }
    for (const id of ['MR100', 'MR111', 'MR208', 'MR313', 'MR401']) {
      const result = parsePolicy(`rules: {${id}: {action: off}}\n`, 'test');
      expect(result.ok ? undefined : result.error.problems[0]?.path, id).toBe(`rules.${id}`);
    }
  });
});
