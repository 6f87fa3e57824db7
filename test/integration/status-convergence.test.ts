/**
 * The status reconciler against the real kube-apiserver of ../shared/envtest (the worker's
 * server, one namespace per test), through the real client-node: a mixed set of routes converges to
 * the exact expected status; a resync of a converged set writes nothing; references that appear
 * later, and parentRefs that leave the spec, are followed. Request counts come from the server's
 * /metrics. The ServiceImport case is in status-serviceimport.test.ts (../shared has no
 * ServiceImport CRD).
 */
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../support/apiserver/index.ts';
import { servedRequests } from '../support/apiserver-requests.ts';
import { realCluster } from '../support/real-cluster.ts';
import { CONTROLLER, GW, grpcRoute, httpRoute, meshRef, service, startReplica, until, type Replica } from '../status/harness.ts';

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

const real = realCluster();
const running: Replica[] = [];


afterEach(async () => {
  for (const replica of running.splice(0)) await replica.stop();
});


/** `status.parents` of a route as the server stores it, or undefined. */
async function storedParents(ns: string, kind: 'HTTPRoute' | 'GRPCRoute', name: string): Promise<unknown> {
  const route = await real.objects.read({ apiVersion: `${GW}/v1`, kind, namespace: ns, name });
  return (route?.status as { parents?: unknown } | undefined)?.parents;
}

/**
 * A fresh namespace holding `objects` (a route's `status` is written through /status after
 * creation, as the server drops it on create), and one replica watching only that namespace,
 * with its Lease there.
 */
async function setup(build: (ns: string) => KubeObject[], clock: { now: string } = { now: T1 }, alsoWatched: readonly string[] = []) {
  const ns = await real.cluster.namespace('status-');
  const objects = build(ns);
  for (const object of objects) {
    const { status, ...rest } = object;
    const created = await real.objects.create(rest);
    if (status !== undefined) await real.objects.replace({ ...created, status }, { subresource: 'status' });
  }
  const replica = await startReplica(real.cluster.kubeConfig, { now: () => new Date(clock.now), namespaces: [ns, ...alsoWatched], lease: { namespace: ns, name: 'gamma-webhook-status' } });
  running.push(replica);
  await until('the replica to lead', () => replica.elector.isLeader());
  return { ns, replica };
}

function idleAndCaughtUp(ns: string, replica: Replica): () => Promise<boolean> {
  // Idle, and the view has seen the server's latest state (so no event is still on its way).
  return async () => {
    if (!replica.reconciler.idle()) return false;
    const routes = [...(await real.objects.list(`${GW}/v1`, 'HTTPRoute', ns)), ...(await real.objects.list(`${GW}/v1`, 'GRPCRoute', ns))];
    return routes.every((route) => {
      const cached = replica.view.route(route.kind as 'HTTPRoute' | 'GRPCRoute', ns, route.metadata.name ?? '');
      return cached?.metadata.resourceVersion === route.metadata.resourceVersion;
    });
  };
}

describe.skipIf(real.missing)('status convergence', () => {
  const mixed = (ns: string): KubeObject[] => [
    service('echo', undefined, ns),
    service('echo-v1', undefined, ns),
    service('grpc-svc', [{ name: 'grpc', port: 9000 }], ns),
    httpRoute('valid', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }], ns),
    httpRoute('no-parent', [meshRef('nope')], [{ name: 'echo-v1', port: 80 }], ns),
    httpRoute('no-backend', [meshRef('echo')], [{ name: 'echo-v3', port: 80 }], ns),
    httpRoute('conflicted', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'echo-v1', port: 80 }], ns),
    grpcRoute('grpc', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'grpc-svc', port: 9000 }], ns),
    {
      ...httpRoute('mixed', [{ group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' }, meshRef('echo', { port: 80 })], [{ name: 'echo-v1', port: 80 }], ns),
      status: { parents: [gatewayEntry] },
    },
    httpRoute('gateway-only', [{ group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' }], [{ name: 'echo-v1', port: 80 }], ns),
  ];

  const expected = (ns: string): [kind: 'HTTPRoute' | 'GRPCRoute', name: string, parents: unknown][] => [
    ['HTTPRoute', 'valid', [ours(meshRef('echo'), [condition(accepted, T1), condition(resolved, T1)])]],
    [
      'HTTPRoute',
      'no-parent',
      [
        ours(meshRef('nope'), [
          condition({ type: 'Accepted', status: 'False', reason: 'NoMatchingParent', message: `MR102 spec.parentRefs[0]: parent Service ${ns}/nope not found; create it or fix the name` }, T1),
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
          condition({ type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: `MR201 spec.rules[0].backendRefs[0]: backend Service ${ns}/echo-v3 not found; create it or fix the name` }, T1),
        ]),
      ],
    ],
    [
      'HTTPRoute',
      'conflicted',
      [
        ours(meshRef('grpc-svc', { port: 9000 }), [
          condition({ type: 'Accepted', status: 'False', reason: 'Conflicted', message: `MR109 spec.parentRefs[0]: GRPCRoute ${ns}/grpc also attaches to grpc-svc port 9000 and wins` }, T1),
          condition(resolved, T1),
        ]),
      ],
    ],
    ['GRPCRoute', 'grpc', [ours(meshRef('grpc-svc', { port: 9000 }), [condition(accepted, T1), condition(resolved, T1)])]],
    ['HTTPRoute', 'mixed', [gatewayEntry, ours(meshRef('echo', { port: 80 }), [condition(accepted, T1), condition(resolved, T1)])]],
    ['HTTPRoute', 'gateway-only', undefined],
  ];

  it('converges a mixed set to the exact expected status, then a resync writes nothing', async () => {
    const before = await servedRequests(real.kube);
    const { ns, replica } = await setup(mixed);
    const want = expected(ns);
    const all = async () => Promise.all(want.map(async ([kind, name, parents]) => isDeepStrictEqual(await storedParents(ns, kind, name), parents)));
    await until('every route to converge', async () => (await all()).every(Boolean));
    for (const [kind, name, parents] of want) expect(await storedParents(ns, kind, name), `${kind} ${name}`).toEqual(parents);
    // One write per route that needs status, none for the Gateway-only route.
    await until('the writes to be counted', async () => (await replica.writes()).written === 6);
    const converged = await servedRequests(real.kube);
    expect(converged.since(before, { verb: 'PATCH', subresource: 'status', code: 200 })).toBe(6);

    await until('the reconciler to be idle', idleAndCaughtUp(ns, replica));
    const beforeResync = await servedRequests(real.kube);
    replica.reconciler.resync('test');
    expect(replica.reconciler.idle()).toBe(false);
    await until('the resync to finish', () => replica.reconciler.idle());
    const afterResync = await servedRequests(real.kube);
    expect(afterResync.since(beforeResync, { verb: 'PATCH', subresource: 'status' })).toBe(0);
    expect(afterResync.since(beforeResync, { verb: 'GET', resource: 'httproutes' })).toBe(0);
    for (const [kind, name, parents] of want) expect(await storedParents(ns, kind, name), `${kind} ${name}`).toEqual(parents);
  });

  it('flips ResolvedRefs when the backend Service is created after its route, and keeps the other times', async () => {
    const clock = { now: T1 };
    const { ns } = await setup((n) => [service('echo', undefined, n), httpRoute('late', [meshRef('echo')], [{ name: 'late-backend', port: 80 }], n)], clock);
    await until('ResolvedRefs=False', async () => textOf(await storedParents(ns, 'HTTPRoute', 'late')).includes('BackendNotFound'));
    clock.now = T2;
    await real.objects.create(service('late-backend', undefined, ns));
    const flipped = [ours(meshRef('echo'), [condition(accepted, T1), condition(resolved, T2)])];
    await until('ResolvedRefs=True', async () => isDeepStrictEqual(await storedParents(ns, 'HTTPRoute', 'late'), flipped));
    expect(await storedParents(ns, 'HTTPRoute', 'late')).toEqual(flipped);
  });

  it('flips Accepted when the parent Service is created after its route', async () => {
    const clock = { now: T1 };
    const { ns } = await setup((n) => [service('echo-v1', undefined, n), httpRoute('early', [meshRef('frontend')], [{ name: 'echo-v1', port: 80 }], n)], clock);
    await until('Accepted=False', async () => textOf(await storedParents(ns, 'HTTPRoute', 'early')).includes('NoMatchingParent'));
    clock.now = T2;
    await real.objects.create(service('frontend', undefined, ns));
    const flipped = [ours(meshRef('frontend'), [condition(accepted, T2), condition(resolved, T1)])];
    await until('Accepted=True', async () => isDeepStrictEqual(await storedParents(ns, 'HTTPRoute', 'early'), flipped));
  });

  it('lifts Conflicted from the HTTPRoute when the GRPCRoute goes away', async () => {
    const { ns } = await setup((n) => [
      service('grpc-svc', [{ name: 'grpc', port: 9000 }], n),
      httpRoute('conflicted', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'grpc-svc', port: 9000 }], n),
      grpcRoute('grpc', [meshRef('grpc-svc', { port: 9000 })], [{ name: 'grpc-svc', port: 9000 }], n),
    ]);
    await until('Conflicted', async () => textOf(await storedParents(ns, 'HTTPRoute', 'conflicted')).includes('Conflicted'));
    await real.objects.remove({ apiVersion: `${GW}/v1`, kind: 'GRPCRoute', namespace: ns, name: 'grpc' });
    await until('Accepted', async () => {
      const text = textOf(await storedParents(ns, 'HTTPRoute', 'conflicted'));
      return text.includes('"reason":"Accepted"') && !text.includes('Conflicted');
    });
  });

  it('removes the entry of a parentRef that left the spec and raises observedGeneration', async () => {
    const { ns } = await setup((n) => [
      service('echo', undefined, n),
      service('other', undefined, n),
      service('echo-v1', undefined, n),
      { ...httpRoute('moving', [meshRef('echo'), meshRef('other')], [{ name: 'echo-v1', port: 80 }], n), status: { parents: [gatewayEntry] } },
    ]);
    await until('two entries of ours', async () => ((await storedParents(ns, 'HTTPRoute', 'moving')) as unknown[] | undefined)?.length === 3);
    await real.objects.patch({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: ns, name: 'moving' }, { spec: { parentRefs: [meshRef('other')] } });
    const expectedParents = [gatewayEntry, ours(meshRef('other'), [condition(accepted, T1, 2), condition(resolved, T1, 2)])];
    await until('the stale entry to go', async () => isDeepStrictEqual(await storedParents(ns, 'HTTPRoute', 'moving'), expectedParents));
  });

  it('follows a policy change and a ReferenceGrant created later (MR206 RefNotPermitted, then ResolvedRefs)', async () => {
    const other = await real.cluster.namespace('status-');
    await real.objects.create(service('db', [{ name: 'http', port: 80 }], other));
    const { ns, replica } = await setup((n) => [
      service('echo', undefined, n),
      httpRoute('cross', [meshRef('echo')], [{ name: 'db', port: 80, namespace: other } as { name: string; port: number }], n),
    ], { now: T1 }, [other]);
    await until('ResolvedRefs=True under the default policy', async () => textOf(await storedParents(ns, 'HTTPRoute', 'cross')).includes('"reason":"ResolvedRefs"'));
    const load = replica.policy.load('crossNamespaceBackends: requireReferenceGrant\n', { kind: 'file', name: 'test-policy.yaml' });
    expect(load.outcome).toBe('applied');
    await until('RefNotPermitted after the policy change', async () => textOf(await storedParents(ns, 'HTTPRoute', 'cross')).includes('RefNotPermitted'));
    await real.objects.create({
      apiVersion: `${GW}/v1beta1`,
      kind: 'ReferenceGrant',
      metadata: { name: 'allow-route', namespace: other },
      spec: { from: [{ group: GW, kind: 'HTTPRoute', namespace: ns }], to: [{ group: '', kind: 'Service' }] },
    });
    await until('ResolvedRefs=True after the grant', async () => {
      const text = textOf(await storedParents(ns, 'HTTPRoute', 'cross'));
      return text.includes('"reason":"ResolvedRefs"') && !text.includes('RefNotPermitted');
    });
  });

  it('converges under churn of 1,000 routes (creates, spec changes, deletes while it works)', async () => {
    const { ns, replica } = await setup((n) => [service('echo', undefined, n), service('echo-v1', undefined, n)]);
    const names = Array.from({ length: 1000 }, (_, i) => `churn-${i}`);
    await real.objects.createAll(names.map((name) => httpRoute(name, [meshRef('echo')], [{ name: 'echo-v1', port: 80 }], ns)));
    // While the first writes are under way: break a third of the routes, delete a tenth.
    await until('some writes', async () => ((await replica.writes()).written ?? 0) > 50);
    const ref = (name: string) => ({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: ns, name });
    const changes = names.map((name, i) => {
      if (i % 10 === 0) return () => real.objects.remove(ref(name));
      if (i % 3 === 0) return () => real.objects.patch(ref(name), { spec: { rules: [{ backendRefs: [{ name: 'missing', port: 80 }] }] } });
      return undefined;
    }).filter((change) => change !== undefined);
    for (let i = 0; i < changes.length; i += 16) await Promise.all(changes.slice(i, i + 16).map((change) => change()));
    const want = (i: number): string => (i % 3 === 0 ? 'BackendNotFound' : '"reason":"ResolvedRefs"');
    await until(
      'every route to converge',
      async () => {
        if (!replica.reconciler.idle()) return false;
        const stored = new Map((await real.objects.list(`${GW}/v1`, 'HTTPRoute', ns)).map((r) => [r.metadata.name, r]));
        return names.every((name, i) => {
          if (i % 10 === 0) return !stored.has(name);
          const parents = (stored.get(name)?.status as { parents?: unknown[] } | undefined)?.parents;
          const text = textOf(parents);
          const generation = i % 3 === 0 ? 2 : 1;
          return text.includes(want(i)) && text.includes(`"observedGeneration":${generation}`) && parents?.length === 1;
        });
      },
      90_000,
      250,
    );
    await until('the reconciler to be idle', idleAndCaughtUp(ns, replica), 30_000);
    expect(await replica.writes()).not.toHaveProperty('error');
  }, 120_000);
});
