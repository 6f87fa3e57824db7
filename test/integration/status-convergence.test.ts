/**
 * The status reconciler against the loopback API server, through the real client-node: a mixed
 * set of routes converges to the exact expected status; a resync of a converged set writes
 * nothing; references that appear later, and parentRefs that leave the spec, are followed.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import {
  CONTROLLER, GW, grpcRoute, httpRoute, meshRef, service, startReplica, statusWrites, storedParents, until, type Replica,
} from '../status/harness.ts';

const T1 = '2026-11-22T09:00:00Z';
const T2 = '2026-11-22T09:05:00Z';

const accepted = { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'the parent Service accepts the route' };
const resolved = { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'every backend reference resolves' };

function condition(c: Record<string, string>, time: string, generation = 1): Record<string, unknown> {
  return { ...c, observedGeneration: generation, lastTransitionTime: time };
}

function ours(parentRef: Record<string, unknown>, conditions: Record<string, unknown>[]): Record<string, unknown> {
  return { parentRef, controllerName: CONTROLLER, conditions };
}

const gatewayEntry = {
  parentRef: { group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' },
  controllerName: 'example.com/gateway-controller',
  conditions: [
    { type: 'Accepted', status: 'True', observedGeneration: 1, lastTransitionTime: '2025-06-01T00:00:00Z', reason: 'Accepted', message: 'Accepted by edge' },
    { type: 'ResolvedRefs', status: 'True', observedGeneration: 1, lastTransitionTime: '2025-06-01T00:00:00Z', reason: 'ResolvedRefs', message: 'ok' },
  ],
};

/** The JSON text of a value, '' for undefined: for `includes` checks while polling. */
function textOf(value: unknown): string {
  return JSON.stringify(value) ?? '';
}

const running: { replicas: Replica[]; server: ApiServer }[] = [];

afterEach(async () => {
  for (const { replicas, server } of running.splice(0)) {
    for (const replica of replicas) await replica.stop();
    await server.close();
  }
});

/** Starts a server with `objects` (a route's `status` is written through /status after creation, as a real server drops it on create) and one replica. */
async function setup(objects: KubeObject[], clock: { now: string } = { now: T1 }, enabled: readonly string[] = []) {
  const server = await startApiServer({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, ...objects], enabled });
  for (const object of objects) {
    if (object.status === undefined) continue;
    const stored = server.read({ apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace ?? 'default', name: object.metadata.name ?? '' });
    if (stored) server.replace({ ...stored, status: object.status }, { subresource: 'status' });
  }
  const replica = await startReplica(server, { now: () => new Date(clock.now) });
  running.push({ replicas: [replica], server });
  await until('the replica to lead', () => replica.elector.isLeader());
  return { server, replica };
}

function idleAndCaughtUp(server: ApiServer, replica: Replica): () => boolean {
  // Idle, and the view has seen the server's latest state (so no event is still on its way).
  return () => {
    if (!replica.reconciler.idle()) return false;
    return server.list(`${GW}/v1`, 'HTTPRoute').concat(server.list(`${GW}/v1`, 'GRPCRoute')).every((route) => {
      const cached = replica.view.route(route.kind as 'HTTPRoute' | 'GRPCRoute', route.metadata.namespace ?? '', route.metadata.name ?? '');
      return cached?.metadata.resourceVersion === route.metadata.resourceVersion;
    });
  };
}

describe('status convergence', () => {
  const mixed = (): KubeObject[] => [
    service('echo'),
    service('echo-v1'),
    service('grpc-svc', [{ name: 'grpc', port: 9000 }]),
    httpRoute('valid', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }]),
    httpRoute('no-parent', [meshRef('nope')], [{ name: 'echo-v1', port: 80 }]),
    httpRoute('no-backend', [meshRef('echo')], [{ name: 'echo-v3', port: 80 }]),
    httpRoute('conflicted', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'echo-v1', port: 80 }]),
    grpcRoute('grpc', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'grpc-svc', port: 9000 }]),
    {
      ...httpRoute('mixed', [{ group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' }, meshRef('echo', { port: 80 })], [{ name: 'echo-v1', port: 80 }]),
      status: { parents: [gatewayEntry] },
    },
    httpRoute('gateway-only', [{ group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' }], [{ name: 'echo-v1', port: 80 }]),
  ];

  const expected: [kind: 'HTTPRoute' | 'GRPCRoute', name: string, parents: unknown][] = [
    ['HTTPRoute', 'valid', [ours(meshRef('echo'), [condition(accepted, T1), condition(resolved, T1)])]],
    [
      'HTTPRoute',
      'no-parent',
      [
        ours(meshRef('nope'), [
          condition({ type: 'Accepted', status: 'False', reason: 'NoMatchingParent', message: 'MR102 spec.parentRefs[0]: parent Service default/nope not found; create it or fix the name' }, T1),
          condition(resolved, T1),
        ]),
      ],
    ],
    [
      'HTTPRoute',
      'no-backend',
      [
        ours(meshRef('echo'), [
          condition(accepted, T1),
          condition({ type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: 'MR201 spec.rules[0].backendRefs[0]: backend Service default/echo-v3 not found; create it or fix the name' }, T1),
        ]),
      ],
    ],
    [
      'HTTPRoute',
      'conflicted',
      [
        ours(meshRef('grpc-svc', { port: 9000 }), [
          condition({ type: 'Accepted', status: 'False', reason: 'Conflicted', message: 'MR109 spec.parentRefs[0]: GRPCRoute default/grpc also attaches to grpc-svc port 9000 and wins' }, T1),
          condition(resolved, T1),
        ]),
      ],
    ],
    ['GRPCRoute', 'grpc', [ours(meshRef('grpc-svc', { port: 9000 }), [condition(accepted, T1), condition(resolved, T1)])]],
    ['HTTPRoute', 'mixed', [gatewayEntry, ours(meshRef('echo', { port: 80 }), [condition(accepted, T1), condition(resolved, T1)])]],
    ['HTTPRoute', 'gateway-only', undefined],
  ];

  it('converges a mixed set to the exact expected status, then a resync writes nothing', async () => {
    const { server, replica } = await setup(mixed());
    await until('every route to converge', () => expected.every(([kind, name, parents]) => isDeepStrictEqual(storedParents(server, kind, name), parents)));
    for (const [kind, name, parents] of expected) expect(storedParents(server, kind, name), `${kind} ${name}`).toEqual(parents);
    // One write per route that needs status, none for the Gateway-only route.
    expect(statusWrites(server)).toBe(6);

    await until('the reconciler to be idle', idleAndCaughtUp(server, replica));
    server.resetRequests();
    replica.reconciler.resync('test');
    expect(replica.reconciler.idle()).toBe(false);
    await until('the resync to finish', () => replica.reconciler.idle());
    expect(server.count({ verb: 'patch', subresource: 'status' })).toBe(0);
    expect(server.count({ verb: 'get', resource: 'httproutes' })).toBe(0);
    for (const [kind, name, parents] of expected) expect(storedParents(server, kind, name), `${kind} ${name}`).toEqual(parents);
  });

  it('flips ResolvedRefs when the backend Service is created after its route, and keeps the other times', async () => {
    const clock = { now: T1 };
    const { server } = await setup([service('echo'), httpRoute('late', [meshRef('echo')], [{ name: 'late-backend', port: 80 }])], clock);
    await until('ResolvedRefs=False', () => textOf(storedParents(server, 'HTTPRoute', 'late')).includes('BackendNotFound'));
    clock.now = T2;
    server.create(service('late-backend'));
    const flipped = [ours(meshRef('echo'), [condition(accepted, T1), condition(resolved, T2)])];
    await until('ResolvedRefs=True', () => isDeepStrictEqual(storedParents(server, 'HTTPRoute', 'late'), flipped));
    expect(storedParents(server, 'HTTPRoute', 'late')).toEqual(flipped);
  });

  it('flips ResolvedRefs when a ServiceImport backend is created after its route', async () => {
    const mc = 'multicluster.x-k8s.io';
    const route = httpRoute('imported', [meshRef('echo')], [{ group: mc, kind: 'ServiceImport', name: 'echo-east', port: 80 } as { name: string; port: number }]);
    const { server, replica } = await setup([service('echo'), route], { now: T1 }, [`serviceimports.${mc}/v1alpha1`]);
    expect(replica.policy.load('features: [ServiceImport]\n', { kind: 'file', name: 'test-policy.yaml' }).outcome).toBe('applied');
    await until('ResolvedRefs=False', () => textOf(storedParents(server, 'HTTPRoute', 'imported')).includes('BackendNotFound'));
    server.create({ apiVersion: `${mc}/v1alpha1`, kind: 'ServiceImport', metadata: { name: 'echo-east', namespace: 'default' }, spec: { type: 'ClusterSetIP', ports: [{ port: 80 }] } });
    await until('ResolvedRefs=True', () => textOf(storedParents(server, 'HTTPRoute', 'imported')).includes('"reason":"ResolvedRefs"'));
  });

  it('flips Accepted when the parent Service is created after its route', async () => {
    const clock = { now: T1 };
    const { server } = await setup([service('echo-v1'), httpRoute('early', [meshRef('frontend')], [{ name: 'echo-v1', port: 80 }])], clock);
    await until('Accepted=False', () => textOf(storedParents(server, 'HTTPRoute', 'early')).includes('NoMatchingParent'));
    clock.now = T2;
    server.create(service('frontend'));
    const flipped = [ours(meshRef('frontend'), [condition(accepted, T2), condition(resolved, T1)])];
    await until('Accepted=True', () => isDeepStrictEqual(storedParents(server, 'HTTPRoute', 'early'), flipped));
  });

  it('lifts Conflicted from the HTTPRoute when the GRPCRoute goes away', async () => {
    const { server } = await setup([
      service('grpc-svc', [{ name: 'grpc', port: 9000 }]),
      httpRoute('conflicted', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'grpc-svc', port: 9000 }]),
      grpcRoute('grpc', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'grpc-svc', port: 9000 }]),
    ]);
    await until('Conflicted', () => textOf(storedParents(server, 'HTTPRoute', 'conflicted')).includes('Conflicted'));
    server.remove({ apiVersion: `${GW}/v1`, kind: 'GRPCRoute', namespace: 'default', name: 'grpc' });
    await until('Accepted', () => {
      const text = textOf(storedParents(server, 'HTTPRoute', 'conflicted'));
      return text.includes('"reason":"Accepted"') && !text.includes('Conflicted');
    });
  });

  it('removes the entry of a parentRef that left the spec and raises observedGeneration', async () => {
    const { server } = await setup([
      service('echo'),
      service('other'),
      service('echo-v1'),
      { ...httpRoute('moving', [meshRef('echo'), meshRef('other')], [{ name: 'echo-v1', port: 80 }]), status: { parents: [gatewayEntry] } },
    ]);
    await until('two entries of ours', () => (storedParents(server, 'HTTPRoute', 'moving') as unknown[] | undefined)?.length === 3);
    const stored = server.read({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: 'default', name: 'moving' });
    if (!stored) throw new Error('route missing');
    server.replace({ ...stored, spec: { ...(stored.spec as object), parentRefs: [meshRef('other')] } });
    const expectedParents = [gatewayEntry, ours(meshRef('other'), [condition(accepted, T1, 2), condition(resolved, T1, 2)])];
    await until('the stale entry to go', () => isDeepStrictEqual(storedParents(server, 'HTTPRoute', 'moving'), expectedParents));
  });

  it('follows a policy change and a ReferenceGrant created later (MR206 RefNotPermitted, then ResolvedRefs)', async () => {
    const { server, replica } = await setup([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'store' } },
      service('echo'),
      service('db', [{ name: 'http', port: 80 }], 'store'),
      httpRoute('cross', [meshRef('echo')], [{ name: 'db', port: 80, namespace: 'store' } as { name: string; port: number }]),
    ]);
    await until('ResolvedRefs=True under the default policy', () => textOf(storedParents(server, 'HTTPRoute', 'cross')).includes('"reason":"ResolvedRefs"'));
    const load = replica.policy.load('crossNamespaceBackends: requireReferenceGrant\n', { kind: 'file', name: 'test-policy.yaml' });
    expect(load.outcome).toBe('applied');
    await until('RefNotPermitted after the policy change', () => textOf(storedParents(server, 'HTTPRoute', 'cross')).includes('RefNotPermitted'));
    server.create({
      apiVersion: `${GW}/v1beta1`,
      kind: 'ReferenceGrant',
      metadata: { name: 'allow-default', namespace: 'store' },
      spec: { from: [{ group: GW, kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] },
    });
    await until('ResolvedRefs=True after the grant', () => {
      const text = textOf(storedParents(server, 'HTTPRoute', 'cross'));
      return text.includes('"reason":"ResolvedRefs"') && !text.includes('RefNotPermitted');
    });
  });

  it('converges under churn of 1,000 routes (creates, spec changes, deletes while it works)', async () => {
    const { server, replica } = await setup([service('echo'), service('echo-v1')]);
    const names = Array.from({ length: 1000 }, (_, i) => `churn-${i}`);
    for (const name of names) server.create(httpRoute(name, [meshRef('echo')], [{ name: 'echo-v1', port: 80 }]));
    // While the first writes are under way: break a third of the routes, delete a tenth.
    await until('some writes', () => statusWrites(server) > 50);
    for (const [i, name] of names.entries()) {
      const ref = { apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: 'default', name };
      if (i % 10 === 0) server.remove(ref);
      else if (i % 3 === 0) {
        const stored = server.read(ref);
        if (stored) server.replace({ ...stored, spec: { ...(stored.spec as object), rules: [{ backendRefs: [{ name: 'missing', port: 80 }] }] } });
      }
    }
    const want = (i: number): string => (i % 3 === 0 ? 'BackendNotFound' : '"reason":"ResolvedRefs"');
    await until(
      'every route to converge',
      () => names.every((name, i) => {
        if (i % 10 === 0) return true;
        const parents = storedParents(server, 'HTTPRoute', name);
        const text = textOf(parents);
        const generation = i % 3 === 0 ? 2 : 1;
        return text.includes(want(i)) && text.includes(`"observedGeneration":${generation}`) && (parents as unknown[]).length === 1;
      }),
      60_000,
      100,
    );
    await until('the reconciler to be idle', idleAndCaughtUp(server, replica), 30_000);
    expect(await replica.writes()).not.toHaveProperty('error');
  });
});
