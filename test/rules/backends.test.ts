import { describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, policy, services, summarize, view, judgeAll } from '../builders.ts';

type Rules = NonNullable<ReturnType<typeof httpRoute>['spec']['rules']>;

const mirror = (backendRef: Record<string, unknown>): Rules[number] => ({
  filters: [{ type: 'RequestMirror', requestMirror: { backendRef: backendRef as { name: string } } }],
  backendRefs: [backend()],
});

describe('backend rules', () => {
  it.each<[string, string, Rules, string[]]>([
    ['MR201', 'existing backend', [{ backendRefs: [backend('echo-v2')] }], []],
    ['MR201', 'missing backend', [{ backendRefs: [backend('echo-v3')] }], ['MR201 warn spec.rules[0].backendRefs[0]']],
    ['MR201', 'missing backend with weight 0', [{ backendRefs: [backend('echo-v1'), backend('echo-v3', { weight: 0 })] }], []],
    ['MR201', 'missing mirror backend', [mirror({ name: 'gone', port: 80 })], ['MR201 warn spec.rules[0].filters[0].requestMirror.backendRef']],
    ['MR202', 'ExternalName backend', [{ backendRefs: [backend('ext')] }], ['MR202 deny spec.rules[0].backendRefs[0]']],
    ['MR202', 'ClusterIP backend', [{ backendRefs: [backend('echo')] }], []],
    ['MR203', 'existing port', [{ backendRefs: [backend('echo', { port: 8080 })] }], []],
    ['MR203', 'unknown port', [{ backendRefs: [backend('echo', { port: 9999 })] }], ['MR203 warn spec.rules[0].backendRefs[0].port']],
    ['MR203', 'out-of-range port', [{ backendRefs: [backend('echo', { port: 800080 })] }], ['MR203 warn spec.rules[0].backendRefs[0].port']],
    ['MR203', 'out-of-range port of a missing Service', [{ backendRefs: [backend('nope', { port: 0 })] }], ['MR203 warn spec.rules[0].backendRefs[0].port']],
    ['MR203', 'port in group: core (a core Service)', [{ backendRefs: [backend('echo', { group: 'core', kind: 'Service', port: 9999 })] }], ['MR203 warn spec.rules[0].backendRefs[0].port']],
    ['MR101', 'backend in group: core', [{ backendRefs: [backend('echo', { group: 'core', kind: 'Service' })] }], ['MR101 deny spec.rules[0].backendRefs[0]']],
    ['MR101', 'mirror backend in group: core', [mirror({ group: 'core', kind: 'Service', name: 'echo', port: 80 })], ['MR101 deny spec.rules[0].filters[0].requestMirror.backendRef']],
    ['MR101', 'backend in group ""', [{ backendRefs: [backend('echo', { group: '', kind: 'Service' })] }], []],
    ['MR205', 'Service in group: core', [{ backendRefs: [backend('echo', { group: 'core', kind: 'Service' })] }], []],
    ['MR205', 'another kind in group: core', [{ backendRefs: [backend('echo', { group: 'core', kind: 'Secret' })] }], ['MR205 warn spec.rules[0].backendRefs[0]']],
    ['MR204', 'no port, one-port Service', [{ backendRefs: [{ name: 'single' }] }], ['MR204 warn spec.rules[0].backendRefs[0]']],
    ['MR204', 'no port, two-port Service', [{ backendRefs: [{ name: 'echo' }] }], []],
    ['MR205', 'core Service', [{ backendRefs: [backend('echo', { group: '', kind: 'Service' })] }], []],
    ['MR205', 'unknown kind', [{ backendRefs: [backend('x', { group: 'example.com', kind: 'Thing' })] }], ['MR205 warn spec.rules[0].backendRefs[0]']],
    ['MR207', 'rule with a backend', [{ backendRefs: [backend()] }], []],
    ['MR207', 'rule with nothing', [{}], ['MR207 warn spec.rules[0]']],
    ['MR207', 'redirect-only rule', [{ filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'a.example' } }] }], []],
  ])('%s: %s', (id, _, rules, expected) => {
    expect(summarize(judgeAll(create(httpRoute({ rules })), view, defaultPolicy), id)).toEqual(expected);
  });

  it('MR203 says an out-of-range port is out of range, not that the Service lacks it', () => {
    const route = httpRoute({ rules: [{ backendRefs: [backend('echo', { port: 800080 })] }] });
    expect(judgeAll(create(route), view, defaultPolicy).findings.map((f) => f.message)).toEqual(['port 800080 is out of range; a Service port is 1 to 65535']);
  });

  it('MR101 at a group: core backendRef says to use group "", and /mutate rewrites it; no message prints core/', () => {
    const route = create(httpRoute({ rules: [{ backendRefs: [backend('echo', { group: 'core', kind: 'Service' })] }] }));
    const evaluation = judgeAll(route, view, defaultPolicy);
    expect(evaluation.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(['MR101 the core group is written group: "", not core; use group ""']);
    expect(evaluation.patch).toEqual([{ op: 'replace', path: '/spec/rules/0/backendRefs/0/group', value: '' }]);
    expect(judgeAll(route, view, policy({ mutations: { fixServiceParentGroup: false } })).patch).toEqual([]);
    const kinds = httpRoute({ rules: [{ backendRefs: [backend('x', { group: 'core', kind: 'Secret' }), backend('y', { group: '', kind: 'ConfigMap' }), backend('z', { group: 'example.com', kind: 'Thing' })] }] });
    expect(judgeAll(create(kinds), view, defaultPolicy).findings.map((f) => f.message)).toEqual([
      'backend kind Secret is not supported',
      'backend kind ConfigMap is not supported',
      'backend kind example.com/Thing is not supported',
    ]);
  });

  it('MR205: ServiceImport is accepted only when the policy lists the ServiceImport feature', () => {
    const route = httpRoute({ rules: [{ backendRefs: [backend('echo', { group: 'multicluster.x-k8s.io', kind: 'ServiceImport' })] }] });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR205')).toEqual(['MR205 warn spec.rules[0].backendRefs[0]']);
    expect(summarize(judgeAll(create(route), view, policy({ features: ['ServiceImport'] })), 'MR205')).toEqual([]);
  });

  it('MR206: off by default; with requireReferenceGrant, a grant allows the reference', () => {
    const route = httpRoute({ rules: [{ backendRefs: [backend('echo', { namespace: 'other' })] }] });
    const requiring = policy({ crossNamespaceBackends: 'requireReferenceGrant' });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR206')).toEqual([]);
    expect(summarize(judgeAll(create(route), view, requiring), 'MR206')).toEqual(['MR206 deny spec.rules[0].backendRefs[0]']);
    const grant = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'g', namespace: 'other' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] },
    };
    expect(summarize(judgeAll(create(route), staticView([...services, grant]), requiring), 'MR206')).toEqual([]);
  });

  it('applies to GRPCRoute backends too', () => {
    const route = grpcRoute({ rules: [{ backendRefs: [backend('echo-v3')] }] });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR201')).toEqual(['MR201 warn spec.rules[0].backendRefs[0]']);
  });
});
