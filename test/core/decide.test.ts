import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/index.ts';
import { create, defaultPolicy, httpRoute, meshParent, policy, view, judgeAll } from '../builders.ts';

const route = httpRoute({ hostnames: ['a.example'], parentRefs: [{ ...meshParent('ext'), group: 'gateway.networking.k8s.io' }, meshParent('ext')] });
const evaluation = judgeAll(create(route), view, defaultPolicy);

describe('decide', () => {
  it('validate/enforce: denies with the deny findings, warns with the rest', () => {
    const decision = decide(evaluation, 'validate', defaultPolicy);
    expect(decision.allowed).toBe(false);
    expect(decision.denials.map((d) => d.slice(0, 5))).toEqual(['MR101']);
    expect(decision.warnings.map((d) => d.slice(0, 5))).toEqual(['MR103']);
    expect(decision.ruleIds).toEqual(['MR101', 'MR103']);
    expect(decision.patch).toEqual([]);
  });

  it('validate/warn mode turns denials into warnings; audit mode keeps findings only', () => {
    expect(decide(evaluation, 'validate', policy({ mode: 'warn' }))).toMatchObject({ allowed: true, denials: [], warnings: [expect.stringMatching(/^MR101/), expect.stringMatching(/^MR103/)] });
    const audit = decide(evaluation, 'validate', policy({ mode: 'audit' }));
    expect(audit).toMatchObject({ allowed: true, denials: [], warnings: [] });
    expect(audit.findings).toHaveLength(2);
  });

  it('mutate: never denies, returns the patch and only the mutation warnings', () => {
    const decision = decide(evaluation, 'mutate', defaultPolicy);
    expect(decision).toMatchObject({ allowed: true, denials: [], ruleIds: ['MR101'] });
    expect(decision.patch).toEqual([{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
    expect(decision.warnings).toEqual([expect.stringMatching(/^MR101 spec\.parentRefs\[0\]: set group ""/)]);
  });
});
