import { describe, expect, it } from 'vitest';
import { grantAllows, grantRules, serviceInfo } from '../../src/cluster/objects.ts';

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
});
