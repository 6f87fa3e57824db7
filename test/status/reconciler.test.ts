/**
 * The reconciler's wiring with fakes passed in (no API server): what is queued on which event,
 * leadership gating, and the policy's status switch. Integration with the real client and the
 * loopback API server is in test/integration/status-*.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Registry } from 'prom-client';
import { staticView } from '../../src/cluster/static-view.ts';
import type { RouteInfo } from '../../src/core/view.ts';
import { createMetrics } from '../../src/metrics.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import type { LeadershipListener } from '../../src/status/leader.ts';
import { StatusReconciler, type RouteChangeEvent, type StatusSource } from '../../src/status/reconciler.ts';
import type { PatchResult, RouteKey, RouteStatusApi } from '../../src/status/writer.ts';
import { backend, grpcRoute, httpRoute, meshParent, service } from '../builders.ts';
import { until } from './harness.ts';

const logger = pino({ level: 'silent' });

/** Routes and Services in memory, with the view's events fired by hand. */
function fakeSource(initial: Record<string, unknown>[]) {
  const objects = new Map<string, Record<string, unknown>>();
  const keyOf = (o: Record<string, unknown>) => {
    const meta = o.metadata as { namespace: string; name: string };
    return `${String(o.kind)}/${meta.namespace}/${meta.name}`;
  };
  for (const object of initial) objects.set(keyOf(object), structuredClone(object));
  const listeners = { route: new Set<(c: RouteChangeEvent) => void>(), service: new Set<(c: { namespace: string; name: string }) => void>() };
  const info = (key: string): RouteInfo => {
    const [kind, namespace, name] = key.split('/') as ['HTTPRoute' | 'GRPCRoute', string, string];
    return { kind, namespace, name };
  };
  const view = () => staticView([...objects.values()]);
  const routeKeys = () => [...objects.keys()].filter((k) => k.startsWith('HTTPRoute/') || k.startsWith('GRPCRoute/'));
  const source: StatusSource = {
    service: (ns, name) => view().service(ns, name),
    serviceImport: (ns, name) => view().serviceImport(ns, name),
    referenceGrantAllows: (from, to) => view().referenceGrantAllows(from, to),
    routesAttachedTo: (ns, name, port) => view().routesAttachedTo(ns, name, port),
    attachedRoutes: (ns, name, port) => view().attachedRoutes(ns, name, port),
    namespaceLabels: () => undefined,
    route: (kind, namespace, name) => objects.get(`${kind}/${namespace}/${name}`),
    allRoutes: () => routeKeys().map(info),
    routesNaming: (ns, name) => routeKeys().filter((k) => JSON.stringify(objects.get(k)).includes(`"name":"${name}"`) && k.split('/')[1] === ns).map(info),
    onRouteChanged: (l) => (listeners.route.add(l), () => listeners.route.delete(l)),
    onServiceChanged: (l) => (listeners.service.add(l), () => listeners.service.delete(l)),
    routesNamingServiceImport: () => [],
    onServiceImportChanged: () => () => undefined,
    onReferenceGrantChanged: () => () => undefined,
    onNamespaceChanged: () => () => undefined,
    whenSynced: async () => undefined,
  };
  return {
    source,
    objects,
    put(object: Record<string, unknown>) {
      const key = keyOf(object);
      objects.set(key, { ...structuredClone(object), metadata: { ...(object.metadata as object), resourceVersion: String(Math.random()) } });
      for (const l of listeners.route) l({ route: info(key), services: new Set(['default/echo']) });
    },
    addService(object: Record<string, unknown>) {
      objects.set(`Service/default/${(object.metadata as { name: string }).name}`, object);
      for (const l of listeners.service) l({ namespace: 'default', name: (object.metadata as { name: string }).name });
    },
  };
}

/** Stores status back into the fake source's objects, as the API server plus the watch would. */
function fakeApi(fake: ReturnType<typeof fakeSource>): RouteStatusApi & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    async get(key: RouteKey) {
      return fake.objects.get(`${key.kind}/${key.namespace}/${key.name}`);
    },
    async patchStatus(key: RouteKey, _rv: string, parents: readonly unknown[]): Promise<PatchResult> {
      const k = `${key.kind}/${key.namespace}/${key.name}`;
      writes.push(k);
      const current = fake.objects.get(k);
      if (!current) return { outcome: 'gone' };
      fake.objects.set(k, { ...current, status: { parents } });
      return { outcome: 'written', route: current };
    },
  };
}

function leadership(initial: boolean) {
  let leading = initial;
  const listeners = new Set<LeadershipListener>();
  return {
    isLeader: () => leading,
    onChange: (l: LeadershipListener) => (listeners.add(l), () => listeners.delete(l)),
    set(value: boolean) {
      leading = value;
      for (const l of listeners) l(value);
    },
  };
}

/** The route as stored: with resourceVersion and generation. */
function withMeta(route: { metadata?: object }): Record<string, unknown> {
  return { ...route, metadata: { ...route.metadata, resourceVersion: '1', generation: 1 } };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function start(fake: ReturnType<typeof fakeSource>, leader: ReturnType<typeof leadership>, policy = new PolicyStore({ logger, metrics: createMetrics(new Registry(), { processMetrics: false }) })) {
  const api = fakeApi(fake);
  const reconciler = new StatusReconciler({
    source: fake.source,
    api,
    leadership: leader,
    policy,
    metrics: createMetrics(new Registry(), { processMetrics: false }),
    logger,
    now: () => new Date('2026-11-22T09:00:00Z'),
  });
  reconciler.start();
  stops.push(() => reconciler.stop());
  return { api, reconciler, policy };
}

describe('StatusReconciler', () => {
  it('writes nothing while not leader, and everything once it leads', async () => {
    const fake = fakeSource([service('echo'), service('echo-v1'), withMeta(httpRoute())]);
    const leader = leadership(false);
    const { api, reconciler } = start(fake, leader);
    await until('idle', () => reconciler.idle());
    expect(api.writes).toEqual([]);
    leader.set(true);
    await until('the write', () => api.writes.length === 1);
    expect(api.writes).toEqual(['HTTPRoute/default/web']);
  });

  it('writes nothing with status disabled by policy, and catches up when enabled', async () => {
    const fake = fakeSource([service('echo'), service('echo-v1'), withMeta(httpRoute())]);
    const policy = new PolicyStore({ logger, metrics: createMetrics(new Registry(), { processMetrics: false }) });
    policy.load('status: {enabled: false}\n', { kind: 'file', name: 'p.yaml' });
    const { api, reconciler } = start(fake, leadership(true), policy);
    await until('idle', () => reconciler.idle());
    expect(api.writes).toEqual([]);
    policy.load('status: {enabled: true}\n', { kind: 'file', name: 'p.yaml' });
    await until('the write', () => api.writes.length === 1);
  });

  it('re-queues the HTTPRoutes on a Service when a GRPCRoute there changes (MR109)', async () => {
    const fake = fakeSource([service('echo'), service('echo-v1'), withMeta(httpRoute({ parentRefs: [meshParent('echo', { port: 80 })] }))]);
    const { api, reconciler } = start(fake, leadership(true));
    await until('the first write', () => api.writes.length === 1);
    await until('idle', () => reconciler.idle());
    fake.put(withMeta(grpcRoute({ parentRefs: [meshParent('echo', { port: 80 })], rules: [{ backendRefs: [backend()] }] })));
    await until('both routes written', () => api.writes.length === 3);
    expect(api.writes.slice(1).sort()).toEqual(['GRPCRoute/default/grpc', 'HTTPRoute/default/web']);
    expect(JSON.stringify(fake.objects.get('HTTPRoute/default/web'))).toContain('Conflicted');
  });

  it('writes Accepted=True naming the lost port when a GRPCRoute takes one port of a portless parent, Conflicted when it takes them all (MR109)', async () => {
    const http = withMeta(httpRoute({ parentRefs: [meshParent('echo')] }));
    const fake = fakeSource([service('echo'), service('echo-v1'), http, withMeta(grpcRoute({ parentRefs: [meshParent('echo', { port: 8080 })] }))]);
    const { api, reconciler } = start(fake, leadership(true));
    await until('both routes written', () => api.writes.length === 2);
    await until('idle', () => reconciler.idle());
    const accepted = () => (fake.objects.get('HTTPRoute/default/web') as { status: { parents: { conditions: { type: string; status: string; reason: string; message: string }[] }[] } })
      .status.parents[0]?.conditions.find((c) => c.type === 'Accepted');
    expect(accepted()).toMatchObject({ status: 'True', reason: 'Accepted', message: expect.stringContaining('echo port 8080 and wins there; this route keeps port 80') });
    fake.put(withMeta(grpcRoute({ parentRefs: [meshParent('echo')] })));
    await until('the HTTPRoute rewritten', () => accepted()?.status === 'False');
    expect(accepted()).toMatchObject({ reason: 'Conflicted', message: 'MR109 spec.parentRefs[0]: GRPCRoute default/grpc also attaches to echo ports 80, 8080 and wins' });
  });

  it('re-queues the routes naming a Service when it appears', async () => {
    const fake = fakeSource([service('echo'), withMeta(httpRoute())]);
    const { api, reconciler } = start(fake, leadership(true));
    await until('the first write', () => api.writes.length === 1);
    await until('idle', () => reconciler.idle());
    expect(JSON.stringify(fake.objects.get('HTTPRoute/default/web'))).toContain('BackendNotFound');
    fake.addService(service('echo-v1'));
    await until('the second write', () => api.writes.length === 2);
    expect(JSON.stringify(fake.objects.get('HTTPRoute/default/web'))).not.toContain('BackendNotFound');
  });
});
