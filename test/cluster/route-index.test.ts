import { describe, expect, it } from 'vitest';
import type { CachedRoute } from '../../src/cluster/objects.ts';
import { RouteIndex } from '../../src/cluster/route-index.ts';

function route(name: string, parents: { name: string; port?: number; namespace?: string }[], backends: string[] = []): CachedRoute {
  return {
    metadata: { name, namespace: 'default' },
    spec: {
      parentRefs: parents.map((p) => ({ group: '', kind: 'Service', ...p })),
      rules: [{ backendRefs: backends.map((b) => ({ name: b, port: 80 })) }],
    },
  };
}

describe('RouteIndex', () => {
  it('indexes routes by the Services they attach to and name, and follows updates and deletes', () => {
    const index = new RouteIndex();
    const added = index.update('HTTPRoute', route('r', [{ name: 'echo', port: 80 }], ['v1']), false);
    expect(added.route).toEqual({ kind: 'HTTPRoute', namespace: 'default', name: 'r' });
    expect([...added.services].sort()).toEqual(['default/echo', 'default/v1']);
    expect(index.attachedTo('default', 'echo', 80)).toEqual([added.route]);
    expect(index.attachedTo('default', 'echo', 81)).toEqual([]);
    expect(index.attachedTo('default', 'echo', undefined)).toEqual([added.route]);
    expect(index.attachedRoutes('default', 'echo', 80)).toEqual([{ ...added.route, object: added.object }]);
    expect(index.attachedRoutes('default', 'echo', 81)).toEqual([]);
    // A backend is named, not attached to.
    expect(index.attachedTo('default', 'v1', undefined)).toEqual([]);
    expect(index.naming('default', 'v1')).toEqual([added.route]);

    // The update names both the Services it names now and those it named before; the RouteInfo is kept.
    const updated = index.update('HTTPRoute', route('r', [{ name: 'echo' }], ['v2']), false);
    expect(updated.route).toBe(added.route);
    expect([...updated.services].sort()).toEqual(['default/echo', 'default/v1', 'default/v2']);
    expect(index.naming('default', 'v1')).toEqual([]);
    expect(index.attachedTo('default', 'echo', 81)).toEqual([added.route]);
    expect(index.attachedRoutes('default', 'echo', 81)[0]?.object).toBe(updated.object);

    const deleted = index.update('HTTPRoute', route('r', [{ name: 'echo' }], ['v2']), true);
    expect(deleted.object).toBeUndefined();
    expect([...deleted.services].sort()).toEqual(['default/echo', 'default/v2']);
    expect(index.all()).toEqual([]);
    expect(index.naming('default', 'echo')).toEqual([]);
  });

  it('keeps routes of both kinds with the same name apart', () => {
    const index = new RouteIndex();
    index.update('HTTPRoute', route('r', [{ name: 'echo' }]), false);
    index.update('GRPCRoute', route('r', [{ name: 'echo' }]), false);
    expect(index.attachedTo('default', 'echo', 80).map((r) => r.kind).sort()).toEqual(['GRPCRoute', 'HTTPRoute']);
    expect(index.all()).toHaveLength(2);
  });

  it('reads a parentRef in another namespace as attaching there', () => {
    const index = new RouteIndex();
    const { route: info } = index.update('HTTPRoute', route('r', [{ name: 'echo', namespace: 'store' }]), false);
    expect(index.attachedTo('store', 'echo', undefined)).toEqual([info]);
    expect(index.attachedTo('default', 'echo', undefined)).toEqual([]);
  });

  it('indexes the ServiceImports a route names apart from Services of the same name', () => {
    const index = new RouteIndex();
    const object: CachedRoute = {
      metadata: { name: 'r', namespace: 'default' },
      spec: {
        parentRefs: [{ group: '', kind: 'Service', name: 'echo' }],
        rules: [{ backendRefs: [{ group: 'multicluster.x-k8s.io', kind: 'ServiceImport', name: 'echo-east', port: 80 }] }],
      },
    };
    const added = index.update('HTTPRoute', object, false);
    expect(index.namingServiceImport('default', 'echo-east')).toEqual([added.route]);
    expect(index.naming('default', 'echo-east')).toEqual([]);
    expect(index.namingServiceImport('default', 'echo')).toEqual([]);
    index.update('HTTPRoute', object, true);
    expect(index.namingServiceImport('default', 'echo-east')).toEqual([]);
  });

  it('attaches a route whose parent is written group: core, as the core Service it means (MR109 sees it)', () => {
    const index = new RouteIndex();
    const object: CachedRoute = { metadata: { name: 'r', namespace: 'default' }, spec: { parentRefs: [{ group: 'core', kind: 'Service', name: 'echo', port: 80 }] } };
    const added = index.update('HTTPRoute', object, false);
    expect(index.attachedTo('default', 'echo', 80)).toEqual([added.route]);
  });

  it('attaches a parentRef with only a sectionName to the Service port of that name, and to none while the Service is unknown', () => {
    const index = new RouteIndex();
    const object: CachedRoute = { metadata: { name: 'r', namespace: 'default' }, spec: { parentRefs: [{ group: '', kind: 'Service', name: 'echo', sectionName: 'grpc' }] } };
    const added = index.update('GRPCRoute', object, false);
    const echo = { namespace: 'default', name: 'echo', type: 'ClusterIP', ports: [{ name: 'http', port: 80 }, { name: 'grpc', port: 9090 }] };
    expect(index.attachedTo('default', 'echo', 9090, echo)).toEqual([added.route]);
    expect(index.attachedTo('default', 'echo', 80, echo)).toEqual([]);
    expect(index.attachedTo('default', 'echo', 9090, undefined)).toEqual([]);
    expect(index.attachedTo('default', 'echo', undefined, undefined)).toEqual([added.route]);
  });
});
