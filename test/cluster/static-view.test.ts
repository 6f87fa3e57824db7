import { describe, expect, it } from 'vitest';
import { staticView, staticViewFromYaml } from '../../src/cluster/static-view.ts';

const yaml = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: a}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  ports: [{name: http, port: 80, appProtocol: http}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata: {name: allow, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}]
  to: [{group: "", kind: Service, name: web}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: web, port: 80}, {name: gw}]
---
not: [valid
`;

describe('staticView', () => {
  const view = staticViewFromYaml(yaml);

  it('reads Services with defaults', () => {
    expect(view.service('shop', 'web')).toEqual({ namespace: 'shop', name: 'web', type: 'ClusterIP', ports: [{ name: 'http', port: 80, appProtocol: 'http' }] });
    expect(view.service('shop', 'db')?.type).toBe('ExternalName');
    expect(view.service('shop', 'nope')).toBeUndefined();
  });

  it('answers ReferenceGrant questions by from, to and name', () => {
    const from = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'front' };
    expect(view.referenceGrantAllows(from, { group: '', kind: 'Service', namespace: 'shop', name: 'web' })).toBe(true);
    expect(view.referenceGrantAllows(from, { group: '', kind: 'Service', namespace: 'shop', name: 'db' })).toBe(false);
    expect(view.referenceGrantAllows({ ...from, kind: 'GRPCRoute' }, { group: '', kind: 'Service', namespace: 'shop', name: 'web' })).toBe(false);
  });

  it('lists routes attached to a Service and port (no port covers all)', () => {
    expect(view.routesAttachedTo('shop', 'web', 80)).toEqual([{ kind: 'GRPCRoute', namespace: 'shop', name: 'g' }]);
    expect(view.routesAttachedTo('shop', 'web')).toHaveLength(1);
    expect(view.routesAttachedTo('shop', 'web', 8080)).toEqual([]);
    expect(view.routesAttachedTo('shop', 'gw')).toEqual([]);
    const [attached] = view.attachedRoutes('shop', 'web', 80);
    expect(attached).toMatchObject({ kind: 'GRPCRoute', namespace: 'shop', name: 'g', object: { kind: 'GRPCRoute', spec: expect.any(Object) } });
    expect(view.attachedRoutes('shop', 'web', 8080)).toEqual([]);
  });

  it('reads ServiceImports (multicluster.x-k8s.io, any version) with their ports', () => {
    const imports = staticViewFromYaml(`
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata: {name: web, namespace: shop}
spec:
  type: ClusterSetIP
  ports: [{name: http, port: 80, protocol: TCP}, {port: 9090}]
---
apiVersion: multicluster.x-k8s.io/v1beta1
kind: ServiceImport
metadata: {name: api}
spec: {}
---
apiVersion: example.com/v1
kind: ServiceImport
metadata: {name: other}
spec: {ports: [{port: 80}]}
`);
    expect(imports.serviceImport('shop', 'web')).toEqual({ namespace: 'shop', name: 'web', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { port: 9090 }] });
    expect(imports.serviceImport('default', 'api')).toEqual({ namespace: 'default', name: 'api', ports: [] });
    expect(imports.serviceImport('default', 'other')).toBeUndefined();
    expect(imports.service('shop', 'web')).toBeUndefined();
    expect(view.serviceImport('shop', 'web')).toBeUndefined();
  });

  it('knows namespace labels, flattens Lists and ignores junk', () => {
    expect(view.namespaceLabels('shop')).toEqual({ team: 'a' });
    expect(view.namespaceLabels('other')).toBeUndefined();
    const listed = staticView([{ kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: {} }] }, null, 7, 'x']);
    expect(listed.service('default', 'x')?.ports).toEqual([]);
  });
});
