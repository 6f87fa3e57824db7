import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/rules/index.ts';
import { readRulesDoc } from '../support/rules-doc.ts';

const doc = readRulesDoc();

describe('rule catalog', () => {
  it('lists exactly the ids of docs/rules.md, in its order', () => {
    expect(ruleCatalog.map((r) => r.id)).toEqual(doc.index.map((row) => row.id));
  });

  it('marks referential exactly the rules docs/rules.md marks R', () => {
    expect(ruleCatalog.filter((r) => r.referential).map((r) => r.id)).toEqual(doc.index.filter((row) => row.referential).map((row) => row.id));
  });

  it('has unique ids', () => {
    expect(new Set(ruleCatalog.map((r) => r.id)).size).toBe(ruleCatalog.length);
  });
});
