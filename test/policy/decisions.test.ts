/**
 * Each policy field changes a door's decision as the README's policy reference says. Policies come from YAML
 * through `parsePolicy`, as an admin writes them; routes are judged by the real core against a
 * static view.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { decide } from '../../src/core/index.ts';
import type { Door, EvaluationRequest } from '../../src/core/types.ts';
import { parsePolicy } from '../../src/policy/parse.ts';
import type { Policy } from '../../src/core/policy.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import { backend, create, httpRoute, meshParent, service, services, judgeAll } from '../builders.ts';
import { captureLogger, testMetrics } from './helpers.ts';

const view = staticView([
  ...services,
  service('echo', { namespace: 'legacy' }),
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'legacy', labels: { 'mesh.example.com/unchecked': 'true' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: {} } },
]);

/** The decision in one line: `allow`/`deny`, the rule ids denied and warned, the patch paths. */
function summary(policyYaml: string, request: EvaluationRequest, door: Door): string {
  const parsed = parsePolicy(policyYaml, 'test');
  if (!parsed.ok) throw parsed.error;
  const decision = decide(judgeAll(request, view, parsed.policy), door, parsed.policy);
  const ids = (lines: readonly string[]) => [...new Set(lines.map((l) => l.slice(0, 5)))].join(',');
  return [
    decision.allowed ? 'allow' : 'deny',
    `denied[${ids(decision.denials)}]`,
    `warned[${ids(decision.warnings)}]`,
    `patch[${decision.patch.map((p) => p.path).join(',')}]`,
  ].join(' ');
}

const externalNameParent = create(httpRoute({ parentRefs: [meshParent('ext')] }));
const externalNameBackend = create(httpRoute({ rules: [{ backendRefs: [backend('ext')] }] }));
const missingParent = create(httpRoute({ parentRefs: [meshParent('nowhere')] }));
const withHostnames = create(httpRoute({ hostnames: ['web.example.com'] }));
const legacyRoute = create(httpRoute({ parentRefs: [meshParent('echo')], hostnames: ['a.example.com'], rules: [{ backendRefs: [backend('echo')] }] }, 'legacy'), 'legacy');
const consumerRoute = create(httpRoute({ parentRefs: [meshParent('echo', { namespace: 'other' })] }));
const crossNamespaceBackend = create(httpRoute({ rules: [{ backendRefs: [backend('echo', { namespace: 'other' })] }] }));
const misgroupedParent = create(httpRoute({ parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Service', name: 'echo' }] }));
const portlessBackend = create(httpRoute({ rules: [{ backendRefs: [{ name: 'single' }] }] }));
const queryParamMatch = create(httpRoute({
  rules: [{ matches: [{ queryParams: [{ name: 'v', value: '2' }] }], backendRefs: [backend()] }],
}));
const longRegex = create(httpRoute({
  rules: [{ matches: [{ path: { type: 'RegularExpression', value: `/${'a'.repeat(99)}` } }], backendRefs: [backend()] }],
}));

describe('each policy field changes a decision as documented', () => {
  it.each<[string, string, EvaluationRequest, Door, string, string]>([
    // [field, policy, request, door, decision under the built-in defaults, decision under the policy]
    ['mode: warn turns denials into warnings', 'mode: warn', externalNameBackend, 'validate',
      'deny denied[MR202] warned[] patch[]', 'allow denied[] warned[MR202] patch[]'],
    ['mode: audit allows without warnings', 'mode: audit', externalNameBackend, 'validate',
      'deny denied[MR202] warned[] patch[]', 'allow denied[] warned[] patch[]'],
    ['strict: true makes referential warnings denials', 'strict: true', missingParent, 'validate',
      'allow denied[] warned[MR102] patch[]', 'deny denied[MR102] warned[] patch[]'],
    ['strict: true makes MR103 (ExternalName parent) deny', 'strict: true', externalNameParent, 'validate',
      'allow denied[] warned[MR103] patch[]', 'deny denied[MR103] warned[] patch[]'],
    ['rules: an override raises a rule to deny', 'rules: {MR108: {action: deny}}', withHostnames, 'validate',
      'allow denied[] warned[MR108] patch[]', 'deny denied[MR108] warned[] patch[]'],
    ['rules: an override turns a rule off', 'rules: {MR202: {action: off}}', externalNameBackend, 'validate',
      'deny denied[MR202] warned[] patch[]', 'allow denied[] warned[] patch[]'],
    ['exemptions.namespaces', 'exemptions: {namespaces: [legacy]}', legacyRoute, 'validate',
      'allow denied[] warned[MR108] patch[]', 'allow denied[] warned[] patch[]'],
    ['exemptions.namespaceSelector', 'exemptions: {namespaceSelector: {matchLabels: {mesh.example.com/unchecked: "true"}}}', legacyRoute, 'validate',
      'allow denied[] warned[MR108] patch[]', 'allow denied[] warned[] patch[]'],
    ['consumerRoutes: deny', 'consumerRoutes: deny', consumerRoute, 'validate',
      'allow denied[] warned[] patch[]', 'deny denied[MR107] warned[] patch[]'],
    ['crossNamespaceBackends: requireReferenceGrant', 'crossNamespaceBackends: requireReferenceGrant', crossNamespaceBackend, 'validate',
      'allow denied[] warned[] patch[]', 'deny denied[MR206] warned[] patch[]'],
    ['mutations.fixServiceParentGroup: false', 'mutations: {fixServiceParentGroup: false}', misgroupedParent, 'mutate',
      'allow denied[] warned[MR101] patch[/spec/parentRefs/0/group]', 'allow denied[] warned[] patch[]'],
    ['mutations.defaultBackendPort: false', 'mutations: {defaultBackendPort: false}', portlessBackend, 'mutate',
      'allow denied[] warned[MR204] patch[/spec/rules/0/backendRefs/0/port]', 'allow denied[] warned[] patch[]'],
    ['mutations.defaultTimeouts', 'mutations: {defaultTimeouts: {request: 10s}}', create(httpRoute()), 'mutate',
      'allow denied[] warned[] patch[]', 'allow denied[] warned[MR308] patch[/spec/rules/0/timeouts]'],
    ['features: a list without the feature used', 'features: [HTTPRouteRetry]', queryParamMatch, 'validate',
      'allow denied[] warned[] patch[]', 'allow denied[] warned[MR309] patch[]'],
    ['regexMaxLength', 'regexMaxLength: 50', longRegex, 'validate',
      'allow denied[] warned[] patch[]', 'deny denied[MR307] warned[] patch[]'],
  ])('%s', (_, policyYaml, request, door, underDefaults, underPolicy) => {
    expect(summary('', request, door)).toBe(underDefaults);
    expect(summary(policyYaml, request, door)).toBe(underPolicy);
  });

  it('features: a list with the feature used has no MR309', () => {
    expect(summary('features: [MeshHTTPRouteQueryParamMatching]', queryParamMatch, 'validate')).toBe('allow denied[] warned[] patch[]');
  });

  it('mode: audit still reports the findings for logs and metrics', () => {
    const parsed = parsePolicy('mode: audit', 'test');
    if (!parsed.ok) throw parsed.error;
    const decision = decide(judgeAll(externalNameBackend, view, parsed.policy), 'validate', parsed.policy);
    expect(decision.findings.map((f) => `${f.ruleId} ${f.action}`)).toEqual(['MR202 deny']);
  });
});

describe('a reload during a burst of concurrent admissions', () => {
  // A: enforce, not strict. B: audit, strict. A route with a missing parent Service (MR102, R):
  // under A it is allowed with a warning, under B allowed silently; judged by B's strictness and
  // decided by A's mode, it would be denied: a response no single policy gives.
  const texts = ['mode: enforce\nstrict: false\n', 'mode: audit\nstrict: true\n'];

  async function admissions(readPolicy: (store: PolicyStore) => () => Policy) {
    const store = new PolicyStore({ logger: captureLogger().logger, metrics: testMetrics() });
    const single = new Set<string>();
    for (const text of texts) {
      store.load(text, { kind: 'configmap', name: 'gamma-system/policy' });
      single.add(JSON.stringify(decide(judgeAll(missingParent, view, store.current), 'validate', store.current)));
    }
    let running = true;
    let reloads = 0;
    const reloader = (async () => {
      while (running) {
        store.load(texts[reloads++ % 2] ?? '', { kind: 'configmap', name: 'gamma-system/policy' });
        await nextTurn();
      }
    })();
    const responses = await Promise.all(Array.from({ length: 300 }, async (_, i) => {
      for (let k = 0; k < i % 5; k++) await nextTurn();
      const policy = readPolicy(store);
      const evaluation = judgeAll(missingParent, view, policy());
      await nextTurn(); // a door awaits between judging and answering (logging, a live lookup)
      return JSON.stringify(decide(evaluation, 'validate', policy()));
    }));
    running = false;
    await reloader;
    return { single, responses: new Set(responses) };
  }

  it('every response is the one a single policy gives (the door reads store.current once)', async () => {
    const { single, responses } = await admissions((store) => {
      const policy = store.current;
      return () => policy;
    });
    expect(single.size).toBe(2);
    expect(responses.size).toBe(2); // both policies served some requests
    for (const response of responses) expect(single).toContain(response);
  });

  it('(control) reading store.current twice would mix them, so the test above can fail', async () => {
    const { single, responses } = await admissions((store) => () => store.current);
    expect([...responses].some((r) => !single.has(r))).toBe(true);
  });
});
