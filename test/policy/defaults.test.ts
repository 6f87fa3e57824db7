import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultPolicy, resolvePolicy } from '../../src/policy/defaults.ts';
import { parsePolicy, validatePolicyDocument } from '../../src/policy/parse.ts';
import type { Policy } from '../../src/core/policy.ts';
import { policySchema, type PolicyDocument } from '../../src/core/policy-schema.ts';
import { readRulesDoc } from '../support/rules-doc.ts';
import { sharedPath } from '../support/shared.ts';

const designMd = sharedPath('DESIGN.md');

/** The built-in value at a dotted field path (`mutations.defaultBackendPort`). */
function defaultAt(field: string): unknown {
  return field.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], defaultPolicy);
}

describe('defaultPolicy', () => {
  it('satisfies the policy schema', () => {
    expect(validatePolicyDocument(structuredClone(defaultPolicy))).toEqual([]);
  });

  it('sets every field the schema knows, so the core never sees a gap', () => {
    expect(Object.keys(defaultPolicy).sort()).toEqual(Object.keys(policySchema.properties).sort());
    expect(Object.keys(defaultPolicy.mutations).sort()).toEqual(Object.keys(policySchema.properties.mutations.properties).sort());
    expect(Object.keys(defaultPolicy.status).sort()).toEqual(Object.keys(policySchema.properties.status.properties).sort());
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(defaultPolicy)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.rules)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.exemptions.namespaces)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.mutations.defaultTimeouts)).toBe(true);
    expect(() => {
      (defaultPolicy.features).push('HTTPRouteRetry');
    }).toThrow(TypeError);
  });

  it("equals docs/rules.md's defaults where they are policy-level", () => {
    const doc = readRulesDoc();
    // No overrides: every rule keeps the default action of its docs/rules.md index row.
    expect(defaultPolicy.rules).toEqual({});
    // Each `field` (default `value`) of the catalog is the built-in value; these fields at least
    // are named there: mode and strict (ground rules), the rules' policy switches, the mutations.
    expect(doc.policyDefaults.map(([field]) => field)).toEqual(
      expect.arrayContaining([
        'mode',
        'strict',
        'consumerRoutes',
        'crossNamespaceBackends',
        'regexMaxLength',
        'features',
        'mutations.fixServiceParentGroup',
        'mutations.defaultBackendPort',
        'mutations.defaultTimeouts',
      ]),
    );
    for (const [field, value] of doc.policyDefaults) expect(parse(value), field).toEqual(defaultAt(field));
    // "Referential rules (R) ... At admission they default to `warn`": strict is off.
    expect(doc.text).toMatch(/Referential rules \(R\)\.\*\*[^.]*\.[^.]*At admission they default to `warn`/);
    // Timeouts are defaulted only when the policy asks (mutations.defaultTimeouts, empty above).
    expect(doc.text).toContain('`timeouts` unless the policy asks');
  });

  it.skipIf(designMd.missing)('accepts the document of DESIGN.md "The policy document", whose non-example values are the defaults', () => {
    const text = readFileSync(designMd.path, 'utf8');
    const section = text.slice(text.indexOf('## The policy document'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const result = parsePolicy(yaml ?? '', 'DESIGN.md');
    if (!result.ok) throw result.error;
    const { rules: _r, exemptions: _e, ...documented } = result.policy;
    const { rules: _dr, exemptions: _de, ...defaults } = defaultPolicy;
    expect(documented).toEqual(defaults);
  });
});

describe('resolvePolicy', () => {
  // Each field of a document changes the resolved policy, and only that field.
  it.each<[string, PolicyDocument, (p: Policy) => unknown, unknown]>([
    ['mode', { mode: 'audit' }, (p) => p.mode, 'audit'],
    ['strict', { strict: true }, (p) => p.strict, true],
    ['rules', { rules: { MR108: { action: 'deny' } } }, (p) => p.rules, { MR108: { action: 'deny' } }],
    ['exemptions.namespaces', { exemptions: { namespaces: ['kube-system'] } }, (p) => p.exemptions, { namespaces: ['kube-system'] }],
    ['exemptions.namespaceSelector', { exemptions: { namespaceSelector: { matchLabels: { a: 'b' } } } }, (p) => p.exemptions, { namespaces: [], namespaceSelector: { matchLabels: { a: 'b' } } }],
    ['consumerRoutes', { consumerRoutes: 'deny' }, (p) => p.consumerRoutes, 'deny'],
    ['crossNamespaceBackends', { crossNamespaceBackends: 'requireReferenceGrant' }, (p) => p.crossNamespaceBackends, 'requireReferenceGrant'],
    ['mutations.fixServiceParentGroup', { mutations: { fixServiceParentGroup: false } }, (p) => p.mutations, { fixServiceParentGroup: false, defaultBackendPort: true, defaultTimeouts: {} }],
    ['mutations.defaultBackendPort', { mutations: { defaultBackendPort: false } }, (p) => p.mutations, { fixServiceParentGroup: true, defaultBackendPort: false, defaultTimeouts: {} }],
    ['mutations.defaultTimeouts', { mutations: { defaultTimeouts: { request: '10s' } } }, (p) => p.mutations, { fixServiceParentGroup: true, defaultBackendPort: true, defaultTimeouts: { request: '10s' } }],
    ['features', { features: ['HTTPRouteRetry'] }, (p) => p.features, ['HTTPRouteRetry']],
    ['regexMaxLength', { regexMaxLength: 64 }, (p) => p.regexMaxLength, 64],
    ['status.enabled', { status: { enabled: false } }, (p) => p.status, { enabled: false, controllerName: 'gamma-webhook.io/mesh-route-status' }],
    ['status.controllerName', { status: { controllerName: 'example.com/mesh' } }, (p) => p.status, { enabled: true, controllerName: 'example.com/mesh' }],
  ])('%s', (field, document, read, expected) => {
    const policy = resolvePolicy(document);
    expect(read(policy)).toEqual(expected);
    expect(read(defaultPolicy)).not.toEqual(expected);
    // Everything else stays at the default.
    const top = field.split('.')[0] as keyof Policy;
    expect({ ...policy, [top]: undefined }).toEqual({ ...defaultPolicy, [top]: undefined });
  });

  it('copies the document: changing it later does not change the policy', () => {
    const document = { exemptions: { namespaces: ['a'] }, features: ['HTTPRouteRetry'] };
    const policy = resolvePolicy(document);
    document.exemptions.namespaces.push('b');
    document.features.push('HTTPRouteCORS');
    expect(policy.exemptions.namespaces).toEqual(['a']);
    expect(policy.features).toEqual(['HTTPRouteRetry']);
    expect(Object.isFrozen(policy.exemptions.namespaces)).toBe(true);
  });

  it('resolves an empty document to the built-in defaults', () => {
    expect(resolvePolicy({})).toEqual(defaultPolicy);
  });
});
