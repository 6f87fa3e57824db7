/** The README's policy reference stays true to the schema, the defaults and the codes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorDefinitions } from '../../src/errors.ts';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { parsePolicy } from '../../src/policy/parse.ts';
import { policySchema } from '../../src/core/policy-schema.ts';
import { ruleCatalog } from '../../src/rules/index.ts';

const docs = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The field table: field path -> default cell, in table order. */
function fieldTable(): Map<string, string> {
  const section = docs.slice(docs.indexOf('### Policy fields'), docs.indexOf('### Example policy ConfigMap'));
  const rows = new Map<string, string>();
  for (const [, field, value] of section.matchAll(/^\| `([^`]+)` \| (.+?) \|/gm)) rows.set(field ?? '', value ?? '');
  return rows;
}

/** Documented fields: top-level ones, and one level down for objects with named properties. */
function schemaFields(): string[] {
  return Object.entries(policySchema.properties).flatMap(([name, schema]) => {
    const nested = name === 'rules' ? undefined : (schema as { properties?: object }).properties;
    return nested ? Object.keys(nested).map((child) => `${name}.${child}`) : [name];
  });
}

function valueAt(path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], defaultPolicy);
}

describe('README: the policy reference', () => {
  it('documents every field of the schema, and no other', () => {
    expect([...fieldTable().keys()].sort()).toEqual(schemaFields().sort());
  });

  it('gives each field its built-in default', () => {
    for (const [field, cell] of fieldTable()) {
      const documented = cell === 'none' ? undefined : parse(cell.replaceAll('`', ''));
      expect(documented, field).toEqual(valueAt(field));
    }
  });

  it('has an example ConfigMap whose policy is valid and sets what the text says', () => {
    const yaml = /### Example policy ConfigMap\n\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
    const configMap = parse(yaml) as { kind: string; metadata: { name: string }; data: Record<string, string> };
    expect(configMap.kind).toBe('ConfigMap');
    expect(configMap.metadata.name).toBe('gamma-webhook-policy');
    const result = parsePolicy(configMap.data['policy.yaml'] ?? '', 'docs');
    if (!result.ok) throw result.error;
    expect(result.policy.rules).toEqual({ MR108: { action: 'deny' }, MR310: { action: 'off' } });
    expect(result.policy.consumerRoutes).toBe('deny');
  });

  it('lists the referential rules of the catalog under strict', () => {
    const row = fieldTable().has('strict') ? docs.split('\n').find((l) => l.startsWith('| `strict` |')) ?? '' : '';
    const listed = [...row.matchAll(/MR[0-9]{3}/g)].map((m) => m[0]);
    expect(listed).toEqual(ruleCatalog.filter((r) => r.referential).map((r) => r.id));
  });

  it('lists every policy error code', () => {
    const codes = Object.keys(errorDefinitions).filter((code) => code.startsWith('GAMMA_ERR_POLICY_'));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(docs, code).toContain(`\`${code}\``);
  });
});
