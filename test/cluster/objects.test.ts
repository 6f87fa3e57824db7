import { describe, expect, it } from 'vitest';
import { SharedValues, grantAllows, grantRules, namedServices, serviceInfo, slimRoute } from '../../src/cluster/objects.ts';

const grant = (to: Record<string, unknown>) => grantRules({
  spec: {
    from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }],
    to: [{ group: '', kind: 'Service', ...to }],
  },
});
const from = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' };
const to = { group: '', kind: 'Service', namespace: 'payments', name: 'billing' };

describe('grantAllows (one rule for the live and the static view)', () => {
  it.each([
    ['every Service (no name)', grant({}), from, true],
    ['every Service (empty name)', grant({ name: '' }), from, true],
    ['the named Service', grant({ name: 'billing' }), from, true],
    ['another Service', grant({ name: 'ledger' }), from, false],
    ['another referrer namespace', grant({}), { ...from, namespace: 'blog' }, false],
    ['another referrer kind', grant({}), { ...from, kind: 'GRPCRoute' }, false],
  ])('%s', (_, rules, referrer, allowed) => {
    expect(grantAllows(rules, referrer, to)).toBe(allowed);
  });

  it('reads nothing from a malformed grant', () => {
    expect(grantRules({ spec: { from: 'all', to: 7 } })).toEqual({ from: [], to: [] });
  });
});

describe('serviceInfo', () => {
  it('keeps the fields the core reads and the default namespace for manifests without one', () => {
    const service = serviceInfo({
      metadata: { name: 'web', labels: { a: 'b' } },
      spec: { clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }, { name: 'bad' }] },
    }, 'default');
    expect(service).toEqual({ namespace: 'default', name: 'web', type: 'ClusterIP', clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] });
  });

  it('keeps clusterIP only for a headless Service, the one value a rule reads', () => {
    expect(serviceInfo({ metadata: { name: 'a', namespace: 'n' }, spec: { clusterIP: '10.96.0.7' } })).not.toHaveProperty('clusterIP');
  });

  it('shares one frozen port list between Services with the same ports', () => {
    const service = (name: string, ports: unknown[]) => ({ metadata: { name, namespace: `team-${'x'.repeat(20)}` }, spec: { type: 'ClusterIP', ports } });
    // Parsed from JSON, as the watch delivers them: equal values, distinct objects and strings.
    const [a, b, c] = JSON.parse(JSON.stringify([
      service('a', [{ name: 'http', port: 80, protocol: 'TCP' }]),
      service('b', [{ name: 'http', port: 80, protocol: 'TCP' }]),
      service('c', [{ name: 'http', port: 8080, protocol: 'TCP' }]),
    ])) as unknown[];
    const shared = new SharedValues();
    const [infoA, infoB, infoC] = [a, b, c].map((s) => serviceInfo(s, '', shared));
    expect(infoA?.ports).toBe(infoB?.ports);
    expect(infoA?.ports).not.toBe(infoC?.ports);
    expect(infoC?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(Object.isFrozen(infoA?.ports) && Object.isFrozen(infoA?.ports[0])).toBe(true);
  });
});

describe('slimRoute', () => {
  it('keeps the route, drops managedFields and kubectl\'s last-applied copy, keeps other annotations', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: {
        name: 'r', namespace: 'default', resourceVersion: '7', generation: 2,
        annotations: { team: 'a', 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"gateway.networking.k8s.io/v1"}' },
        managedFields: [{ manager: 'kubectl', operation: 'Update' }],
      },
      spec: { parentRefs: [{ group: '', kind: 'Service', name: 'echo' }] },
      status: { parents: [] },
    };
    expect(slimRoute(route)).toEqual({
      apiVersion: route.apiVersion,
      kind: route.kind,
      metadata: { name: 'r', namespace: 'default', resourceVersion: '7', generation: 2, annotations: { team: 'a' } },
      spec: route.spec,
      status: route.status,
    });
  });

  it('reads a route without metadata or with odd annotations without throwing', () => {
    expect(slimRoute({ spec: {} })).toEqual({ spec: {}, metadata: { name: '' } });
    expect(slimRoute({ metadata: { name: 'r', annotations: 'x' } }).metadata).toEqual({ name: 'r', annotations: 'x' });
  });
});

describe('namedServices', () => {
  it('names the core Services of a route, group: core backendRefs included, and no other kind', () => {
    const route = {
      metadata: { namespace: 'shop' },
      spec: {
        parentRefs: [{ group: 'core', kind: 'Service', name: 'parent' }],
        rules: [{ backendRefs: [{ group: 'core', kind: 'Service', name: 'a' }, { name: 'b' }, { group: 'core', kind: 'Secret', name: 'c' }, { group: 'example.com', kind: 'Service', name: 'd' }] }],
      },
    };
    expect([...namedServices(route)].sort()).toEqual(['shop/a', 'shop/b', 'shop/parent']);
  });
});
