import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/rules/index.ts';
import { sharedPath } from '../support/shared.ts';

const rulesMd = sharedPath('RULES.md');

describe('rule catalog', () => {
  it.skipIf(rulesMd.missing !== undefined)('lists exactly the ids of RULES.md, in its order', () => {
    const documented = [...readFileSync(rulesMd.path, 'utf8').matchAll(/^\| (MR\d{3})\b/gm)].map((m) => m[1]);
    expect(ruleCatalog.map((r) => r.id)).toEqual(documented);
  });

  it.skipIf(rulesMd.missing !== undefined)('marks referential exactly the rules RULES.md marks R', () => {
    const referential = [...readFileSync(rulesMd.path, 'utf8').matchAll(/^\| (MR\d{3}) R \|/gm)].map((m) => m[1]);
    expect(ruleCatalog.filter((r) => r.referential).map((r) => r.id)).toEqual(referential);
  });

  it('has unique ids', () => {
    expect(new Set(ruleCatalog.map((r) => r.id)).size).toBe(ruleCatalog.length);
  });
});
