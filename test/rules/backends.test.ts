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
