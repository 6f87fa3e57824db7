import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { formatPath, formatProblem, maxPolicyBytes, parsePolicy, policyHash, PolicyError, validatePolicyDocument } from '../../src/policy/parse.ts';

function refused(text: string) {
  const result = parsePolicy(text, 'test');
  if (result.ok) throw new Error(`expected a refusal for:\n${text}`);
  return result.error;
}

function accepted(text: string) {
  const result = parsePolicy(text, 'test');
  if (!result.ok) throw new Error(`expected acceptance, got ${result.error.message}`);
  return result;
}

describe('parsePolicy refuses', () => {
  // [mistake, document, code, the field the message must name]
  it.each([
    ['unknown mode', 'mode: enforced\n', 'GAMMA_ERR_POLICY_INVALID', 'mode', 'must be one of enforce, warn, audit'],
    ['strict as a string', 'strict: "true"\n', 'GAMMA_ERR_POLICY_INVALID', 'strict', 'must be boolean'],
    ['YAML 1.1 boolean', 'strict: yes\n', 'GAMMA_ERR_POLICY_INVALID', 'strict', 'must be boolean; got "yes"'],
    ['misspelt top-level field', 'stirct: true\n', 'GAMMA_ERR_POLICY_INVALID', 'stirct', 'did you mean strict?'],
    ['unknown rule id', 'rules:\n  MR999: {action: deny}\n', 'GAMMA_ERR_POLICY_INVALID', 'rules.MR999', 'unknown rule id'],
    ['rule id in lower case', 'rules:\n  mr108: {action: deny}\n', 'GAMMA_ERR_POLICY_INVALID', 'rules.mr108', 'unknown rule id'],
    ['unknown action', 'rules:\n  MR108: {action: block}\n', 'GAMMA_ERR_POLICY_INVALID', 'rules.MR108.action', 'must be one of deny, warn, off'],
    ['off read as false by a YAML 1.1 tool', 'rules:\n  MR108: {action: false}\n', 'GAMMA_ERR_POLICY_INVALID', 'rules.MR108.action', 'write "off" in quotes'],
    ['override without action', 'rules:\n  MR108: {}\n', 'GAMMA_ERR_POLICY_INVALID', 'rules.MR108.action', 'is required'],
    ['override as a bare string', 'rules:\n  MR108: deny\n', 'GAMMA_ERR_POLICY_INVALID', 'rules.MR108', 'must be object'],
    ['exempt namespace not a DNS label', 'exemptions:\n  namespaces: [Kube_System]\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaces[0]', 'must match pattern'],
    ['namespaces as a string', 'exemptions:\n  namespaces: kube-system\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaces', 'must be array'],
    ['duplicate exempt namespace', 'exemptions:\n  namespaces: [a, a]\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaces', 'duplicate'],
    ['label value not a string', 'exemptions:\n  namespaceSelector:\n    matchLabels: {mesh.example.com/unchecked: true}\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaceSelector.matchLabels["mesh.example.com/unchecked"]', 'must be string'],
    ['invalid label key', 'exemptions:\n  namespaceSelector:\n    matchLabels: {"bad key": "x"}\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaceSelector.matchLabels["bad key"]', 'name must match pattern'],
    ['unknown selector operator', 'exemptions:\n  namespaceSelector:\n    matchExpressions: [{key: team, operator: Equals, values: [a]}]\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaceSelector.matchExpressions[0].operator', 'must be one of In, NotIn, Exists, DoesNotExist'],
    ['In without values', 'exemptions:\n  namespaceSelector:\n    matchExpressions: [{key: team, operator: In}]\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaceSelector.matchExpressions[0].values', 'at least one value'],
    ['Exists with values', 'exemptions:\n  namespaceSelector:\n    matchExpressions: [{key: team, operator: Exists, values: [a]}]\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaceSelector.matchExpressions[0].values', 'must be empty'],
    ['empty selector (would exempt everything)', 'exemptions:\n  namespaceSelector: {}\n', 'GAMMA_ERR_POLICY_INVALID', 'exemptions.namespaceSelector', 'matches every namespace'],
    ['consumerRoutes as a boolean', 'consumerRoutes: false\n', 'GAMMA_ERR_POLICY_INVALID', 'consumerRoutes', 'must be one of allow, deny; got false'],
    ['unknown crossNamespaceBackends', 'crossNamespaceBackends: require\n', 'GAMMA_ERR_POLICY_INVALID', 'crossNamespaceBackends', 'must be one of allow, requireReferenceGrant'],
    ['unknown mutation', 'mutations:\n  fixParentGroup: true\n', 'GAMMA_ERR_POLICY_INVALID', 'mutations.fixParentGroup', 'did you mean fixServiceParentGroup?'],
    ['invalid default timeout', 'mutations:\n  defaultTimeouts: {request: 10 seconds}\n', 'GAMMA_ERR_POLICY_INVALID', 'mutations.defaultTimeouts.request', 'must match pattern'],
    ['backendRequest longer than request', 'mutations:\n  defaultTimeouts: {request: 10s, backendRequest: 1m}\n', 'GAMMA_ERR_POLICY_INVALID', 'mutations.defaultTimeouts.backendRequest', 'must not be longer than request'],
    ['unknown timeout', 'mutations:\n  defaultTimeouts: {idle: 10s}\n', 'GAMMA_ERR_POLICY_INVALID', 'mutations.defaultTimeouts.idle', 'unknown field'],
    ['features as a string', 'features: HTTPRouteRetry\n', 'GAMMA_ERR_POLICY_INVALID', 'features', 'must be array'],
    ['feature name with a space', 'features: ["HTTPRoute Retry"]\n', 'GAMMA_ERR_POLICY_INVALID', 'features[0]', 'must match pattern'],
    ['regexMaxLength zero', 'regexMaxLength: 0\n', 'GAMMA_ERR_POLICY_INVALID', 'regexMaxLength', 'must be >= 1'],
    ['regexMaxLength fractional', 'regexMaxLength: 10.5\n', 'GAMMA_ERR_POLICY_INVALID', 'regexMaxLength', 'must be integer'],
    ['regexMaxLength too large', 'regexMaxLength: 100000\n', 'GAMMA_ERR_POLICY_INVALID', 'regexMaxLength', 'must be <= 32768'],
    ['controllerName without a domain', 'status:\n  controllerName: mesh-route-status\n', 'GAMMA_ERR_POLICY_INVALID', 'status.controllerName', 'must match pattern'],
    ['status.enabled as a string', 'status:\n  enabled: "false"\n', 'GAMMA_ERR_POLICY_INVALID', 'status.enabled', 'must be boolean'],
    ['a list instead of a mapping', '- mode: warn\n', 'GAMMA_ERR_POLICY_INVALID', '(document)', 'must be object'],
    ['a scalar instead of a mapping', 'enforce\n', 'GAMMA_ERR_POLICY_INVALID', '(document)', 'must be object'],
    ['YAML syntax error', 'mode: [enforce\n', 'GAMMA_ERR_POLICY_YAML', '(document)', ''],
    ['duplicate key', 'mode: warn\nmode: audit\n', 'GAMMA_ERR_POLICY_YAML', '(document)', 'unique'],
    ['two YAML documents', 'mode: warn\n---\nmode: audit\n', 'GAMMA_ERR_POLICY_YAML', '(document)', 'more than one YAML document'],
    ['tab indentation', 'status:\n\tenabled: true\n', 'GAMMA_ERR_POLICY_YAML', '(document)', ''],
  ])('%s', (_, text, code, path, message) => {
    const error = refused(text);
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.code).toBe(code);
    const problem = error.problems.find((p) => p.path === path);
    expect(problem, `problems: ${JSON.stringify(error.problems)}`).toBeDefined();
    expect(problem?.message).toContain(message);
    // The one-line message names the field too, for logs and Events.
    expect(error.message).toContain(`${path}: `);
  });

  it('a text larger than a ConfigMap can hold', () => {
    const error = refused(`# ${'x'.repeat(maxPolicyBytes)}\nmode: warn\n`);
    expect(error.code).toBe('GAMMA_ERR_POLICY_INVALID');
    expect(error.problems[0]?.message).toContain('larger than');
  });

  it('an alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const error = refused(`${lines.join('\n')}\n`);
    expect(['GAMMA_ERR_POLICY_YAML', 'GAMMA_ERR_POLICY_INVALID']).toContain(error.code);
  });

  it('lists every problem of a document at once, each with its schema path and line', () => {
    const error = refused(['mode: enforced', 'strict: 1', 'rules:', '  MR999: {action: deny}', '  MR108: {action: block}', 'regexMaxLength: -1', ''].join('\n'));
    expect(error.problems.map((p) => [p.path, p.line])).toEqual([
      ['mode', 1],
      ['strict', 2],
      ['rules.MR999', 4],
      ['rules.MR108.action', 5],
      ['regexMaxLength', 6],
    ]);
    expect(error.problems.map((p) => p.schemaPath)).toEqual([
      '#/properties/mode/enum',
      '#/properties/strict/type',
      '#/properties/rules/propertyNames/enum',
      '#/properties/rules/additionalProperties/properties/action/enum',
      '#/properties/regexMaxLength/minimum',
    ]);
    expect(formatProblem(error.problems[0]!)).toBe('line 1: mode: must be one of enforce, warn, audit; got "enforced"');
  });

  it('places a YAML syntax error on its line', () => {
    const error = refused('mode: warn\nstrict: true\nrules: {MR108: {action: deny}\n');
    expect(error.code).toBe('GAMMA_ERR_POLICY_YAML');
    expect(error.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('names the source in the message', () => {
    const result = parsePolicy('mode: x\n', 'configmap gamma-system/gamma-webhook-policy');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('configmap gamma-system/gamma-webhook-policy: line 1: mode:');
  });
});

describe('parsePolicy accepts', () => {
  it.each([
    ['an empty text', ''],
    ['only comments', '# nothing to change\n'],
    ['null', 'null\n'],
    ['an empty mapping', '{}\n'],
    ['defaults spelled out', 'mode: enforce\nstrict: false\nconsumerRoutes: allow\ncrossNamespaceBackends: allow\nregexMaxLength: 1024\nfeatures: []\n'],
  ])('%s as the built-in defaults', (_, text) => {
    const { policy, hash } = accepted(text);
    expect(policy).toEqual(defaultPolicy);
    expect(hash).toBe(policyHash(defaultPolicy));
  });

  it('the document of DESIGN.md "The policy document"', () => {
    const { policy } = accepted(`
mode: enforce
strict: false
rules:
  MR108: {action: deny}
exemptions:
  namespaces: [kube-system]
  namespaceSelector: {matchLabels: {mesh.example.com/unchecked: "true"}}
consumerRoutes: allow
crossNamespaceBackends: allow
mutations:
  fixServiceParentGroup: true
  defaultBackendPort: true
  defaultTimeouts: {}
features: []
regexMaxLength: 1024
status:
  enabled: true
  controllerName: gamma-webhook.io/mesh-route-status
`);
    expect(policy.rules).toEqual({ MR108: { action: 'deny' } });
    expect(policy.exemptions).toEqual({ namespaces: ['kube-system'], namespaceSelector: { matchLabels: { 'mesh.example.com/unchecked': 'true' } } });
  });

  it('JSON, which is YAML', () => {
    expect(accepted('{"mode": "audit", "rules": {"MR201": {"action": "off"}}}').policy.mode).toBe('audit');
  });

  it('a zero request timeout with any backendRequest (zero disables the request timeout)', () => {
    expect(accepted('mutations: {defaultTimeouts: {request: 0s, backendRequest: 1h}}\n').policy.mutations.defaultTimeouts).toEqual({ request: '0s', backendRequest: '1h' });
  });

  it('hashes by meaning: comments and key order do not change the hash, a value does', () => {
    const a = accepted('mode: warn\nstrict: true\n').hash;
    const b = accepted('# reordered\nstrict: true\nmode: warn\n').hash;
    const c = accepted('mode: warn\nstrict: false\n').hash;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('validatePolicyDocument', () => {
  it('accepts the built-in defaults (they satisfy their own schema)', () => {
    expect(validatePolicyDocument(structuredClone(defaultPolicy))).toEqual([]);
  });

  it('never throws on values no YAML produces', () => {
    for (const value of [undefined, null, 42, 'x', [], { rules: null }, { exemptions: { namespaceSelector: { matchExpressions: [null, 1] } } }]) {
      expect(() => validatePolicyDocument(value)).not.toThrow();
    }
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(document)'],
    [['mode'], 'mode'],
    [['exemptions', 'namespaces', 0], 'exemptions.namespaces[0]'],
    [['exemptions', 'namespaceSelector', 'matchLabels', 'a.b/c'], 'exemptions.namespaceSelector.matchLabels["a.b/c"]'],
  ] as const)('%j', (segments, expected) => {
    expect(formatPath(segments)).toBe(expected);
  });
});
