/**
 * The live ClusterView with the real @kubernetes/client-node against the loopback fake API server,
 * for what the real server of ../shared/envtest will not do on demand: readiness while lists
 * fail or discovery is refused, resilience (a watch dropped at a chosen moment, 5xx, 410 Gone
 * after a compaction, bookmarks sent at a chosen moment), live lookups while the watch is kept
 * away or the answer is slow, an API surface without ReferenceGrant v1 and GRPCRoute, and
 * ServiceImports (../shared holds no ServiceImport CRD). The happy paths run against the real
 * server in live-view.test.ts. Waits poll with a bound; nothing asserts on wall-clock time.
 */
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveClusterView, type LiveViewOptions } from '../../src/cluster/live-view.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { readSubmission, referencedServices } from '../../src/core/index.ts';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { judgeAll } from '../builders.ts';
import { startApiServer, type ApiServer, type ApiServerOptions, type KubeObject } from '../support/apiserver/index.ts';
import { grant, httpRoute, namespace, service } from './view-objects.ts';

const wait = { timeout: 10_000, interval: 20 };
const fastBackoff = { initialMs: 20, maxMs: 200 };
const gw = 'gateway.networking.k8s.io';

const baseObjects = [namespace('default', { team: 'a' }), namespace('store'), service('default', 'echo'), service('store', 'echo-v1')];

interface Harness {
  server: ApiServer;
  view: LiveClusterView;
  metrics: Metrics;
}

const running: Harness[] = [];

async function setup(serverOptions: ApiServerOptions = {}, viewOptions: Partial<LiveViewOptions> = {}, start = true): Promise<Harness> {
  const server = await startApiServer({ objects: baseObjects, ...serverOptions });
  const metrics = createMetrics(new Registry(), { processMetrics: false });
  const view = new LiveClusterView({
    kube: new KubeClient(server.kubeConfig()),
    metrics,
    logger: pino({ level: 'silent' }),
    backoff: fastBackoff,
    ...viewOptions,
  });
  const harness = { server, view, metrics };
  running.push(harness);
  if (start) {
    await view.start();
    await view.whenSynced();
  }
  return harness;
}

async function metricValue(metrics: Metrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return value?.value ?? 0;
}

afterEach(async () => {
  for (const { view, server } of running.splice(0)) {
    await view.stop();
    await server.close();
  }
});

describe('LiveClusterView: API versions', () => {



  it('falls back to ReferenceGrant v1beta1 when v1 is not served', async () => {
    const { view } = await setup({
      disabled: [`referencegrants.${gw}/v1`, `grpcroutes.${gw}/v1`],
      objects: [...baseObjects, grant('store', 'default')],
    });
    expect(view.servedVersions).toEqual({ httpRoute: 'v1', grpcRoute: undefined, referenceGrant: 'v1beta1' });
    expect(view.synced()).toBe(true);
    expect(view.referenceGrantAllows({ group: gw, kind: 'HTTPRoute', namespace: 'default' }, { group: '', kind: 'Service', namespace: 'store', name: 'x' })).toBe(true);
  });
});

describe('LiveClusterView: readiness', () => {
  it('is not synced until the first list of every kind has completed', async () => {
    const { view, server, metrics } = await setup({}, {}, false);
    server.inject({ verb: 'list', resource: 'services', status: 500, times: 3 });
    expect(view.synced()).toBe(false);
    await view.start();
    expect(view.synced()).toBe(false);
    await vi.waitFor(() => expect(view.synced()).toBe(true), wait);
    expect(view.service('default', 'echo')).toBeDefined();
    expect(server.count({ verb: 'list', resource: 'services' })).toBe(4);
    expect(await metricValue(metrics, 'gamma_watch_restarts_total', { kind: 'Service', cause: 'error' })).toBe(3);
  });

  it('rejects start() with a coded error when discovery fails', async () => {
    const { view, server } = await setup({}, {}, false);
    server.inject({ path: `/apis/${gw}/v1`, status: 403, times: Infinity });
    await expect(view.start()).rejects.toMatchObject({ code: 'GAMMA_ERR_CLUSTER_API' });
  });
});

describe('LiveClusterView: resilience', () => {
  it('reconnects after a dropped watch and resumes without re-listing', async () => {
    const { view, server, metrics } = await setup();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    expect(server.dropWatches({ resource: 'services' })).toBe(1);
    server.create(service('default', 'while-away'));
    await vi.waitFor(() => expect(view.service('default', 'while-away')).toBeDefined(), wait);
    expect(server.count({ verb: 'list', resource: 'services' })).toBe(1);
    expect(server.count({ verb: 'watch', resource: 'services' })).toBeGreaterThanOrEqual(2);
    expect(await metricValue(metrics, 'gamma_watch_restarts_total', { kind: 'Service', cause: 'error' })).toBe(1);
  });

  it('keeps retrying with backoff while the watch endpoint fails', async () => {
    const { view, server } = await setup();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    server.inject({ verb: 'watch', resource: 'services', status: 500, times: 4 });
    server.dropWatches({ resource: 'services' });
    server.create(service('default', 'after-outage'));
    await vi.waitFor(() => expect(view.service('default', 'after-outage')).toBeDefined(), wait);
    expect(server.count({ verb: 'watch', resource: 'services', method: 'GET' })).toBeGreaterThanOrEqual(6);
  });

  it('re-lists after 410 Gone and delivers deletions missed meanwhile', async () => {
    const { view, server, metrics } = await setup();
    const deleted: string[] = [];
    view.onServiceChanged((c) => {
      if (!c.service) deleted.push(c.name);
    });
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    server.inject({ verb: 'watch', resource: 'services', status: 500, times: 1 });
    server.dropWatches({ resource: 'services' });
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'echo' });
    server.create(service('default', 'fresh'));
    server.compact();
    await vi.waitFor(() => expect(view.service('default', 'fresh')).toBeDefined(), wait);
    expect(view.service('default', 'echo')).toBeUndefined();
    expect(deleted).toEqual(['echo']);
    expect(server.count({ verb: 'list', resource: 'services' })).toBe(2);
    expect(await metricValue(metrics, 'gamma_watch_restarts_total', { kind: 'Service', cause: 'gone' })).toBe(1);
  });

  it('resumes from a bookmark: a compaction older than the bookmark costs no re-list', async () => {
    const { view, server } = await setup({ bookmarkIntervalMs: 3_600_000 }, { namespaces: ['default'] });
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    // A Service in a namespace the view does not watch moves the Services' resourceVersion; only
    // a bookmark tells the watch (another kind's change would not move its bookmark at all).
    server.create(service('store', 'unrelated'));
    const before = server.count({ verb: 'watch', resource: 'services' });
    server.sendBookmarks();
    server.compact();
    server.endWatches({ resource: 'services' });
    await vi.waitFor(() => expect(server.count({ verb: 'watch', resource: 'services' })).toBeGreaterThan(before), wait);
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    server.create(service('default', 'after-bookmark'));
    await vi.waitFor(() => expect(view.service('default', 'after-bookmark')).toBeDefined(), wait);
    expect(server.count({ verb: 'list', resource: 'services' })).toBe(1);
  });

  it('re-lists when no bookmark covered the compaction (the control case)', async () => {
    const { view, server } = await setup({ bookmarkIntervalMs: 3_600_000 }, { namespaces: ['default'] });
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    server.create(service('store', 'unrelated'));
    server.compact();
    server.endWatches({ resource: 'services' });
    await vi.waitFor(() => expect(server.count({ verb: 'list', resource: 'services' })).toBe(2), wait);
    expect(view.service('default', 'echo')).toBeDefined();
  });
});

describe('LiveClusterView: live lookups', () => {
  it('GETs a Service the cache lacks once, keeps it until the watch reports it', async () => {
    const { view, server, metrics } = await setup();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    // Keep the Service watch away so the new Service exists only on the server.
    server.inject({ verb: 'watch', resource: 'services', status: 500, times: Infinity });
    server.dropWatches({ resource: 'services' });
    server.create(service('default', 'just-applied', [{ name: 'http', port: 8080 }]));
    expect(view.service('default', 'just-applied')).toBeUndefined();
    server.resetRequests();
    await view.resolveServices([{ namespace: 'default', name: 'just-applied' }, { namespace: 'default', name: 'echo' }]);
    expect(view.service('default', 'just-applied')?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    // Nothing to look up (one found by the lookup, one cached): answered at once, without a promise.
    expect(view.resolveServices([{ namespace: 'default', name: 'just-applied' }, { namespace: 'default', name: 'echo' }])).toBeUndefined();
    expect(server.count({ verb: 'get', resource: 'services' })).toBe(1);
    expect(await metricValue(metrics, 'gamma_live_lookups_total', { result: 'found' })).toBe(1);
    // Once the watch is back it is authoritative: a deletion is seen even though a lookup found the Service.
    server.clearInjections();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), wait);
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'just-applied' });
    await vi.waitFor(() => expect(view.service('default', 'just-applied')).toBeUndefined(), wait);
  });


  it('remembers a 404 briefly and does not remember a timeout', async () => {
    const { view, server, metrics } = await setup({}, { notFoundTtlMs: 60_000, lookupTimeoutMs: 100 });
    server.resetRequests();
    await view.resolveServices([{ namespace: 'default', name: 'nope' }]);
    await Promise.all([view.resolveServices([{ namespace: 'default', name: 'nope' }]), view.resolveServices([{ namespace: 'default', name: 'nope' }])]);
    expect(server.count({ verb: 'get', resource: 'services', name: 'nope' })).toBe(1);
    expect(await metricValue(metrics, 'gamma_live_lookups_total', { result: 'notfound' })).toBe(1);
    // A watch event for the key forgets the 404 at once.
    server.create(service('default', 'nope'));
    await vi.waitFor(() => expect(view.service('default', 'nope')).toBeDefined(), wait);

    server.inject({ verb: 'get', resource: 'services', name: 'slow', delayMs: 1000, times: 1 });
    await view.resolveServices([{ namespace: 'default', name: 'slow' }]);
    expect(await metricValue(metrics, 'gamma_live_lookups_total', { result: 'timeout' })).toBe(1);
    server.inject({ verb: 'get', resource: 'services', name: 'slow', status: 500, times: 1 });
    await view.resolveServices([{ namespace: 'default', name: 'slow' }]);
    expect(await metricValue(metrics, 'gamma_live_lookups_total', { result: 'error' })).toBe(1);
    expect(server.count({ verb: 'get', resource: 'services', name: 'slow' })).toBe(2);
  });
});

describe('LiveClusterView: ServiceImports', () => {
  const mc = 'multicluster.x-k8s.io';
  const serviceImports = [`serviceimports.${mc}/v1alpha1`];

  function serviceImport(ns: string, name: string, ports: { name?: string; port: number }[]): KubeObject {
    return { apiVersion: `${mc}/v1alpha1`, kind: 'ServiceImport', metadata: { name, namespace: ns }, spec: { type: 'ClusterSetIP', ports } };
  }

  /** A pino logger whose lines are kept, to count what the view says. */
  function capturingLogger(): { logger: Logger; messages: () => string[] } {
    const lines: string[] = [];
    const logger: Logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    return { logger, messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg) };
  }

  const importRoute = (name: string, port: number) => {
    const route = httpRoute('default', 'r', 'echo', []);
    (route.spec as { rules: unknown[] }).rules = [{ backendRefs: [{ group: mc, kind: 'ServiceImport', name, port }] }];
    return { kind: 'HTTPRoute' as const, operation: 'CREATE' as const, namespace: 'default', object: route };
  };
  const enabled = { ...defaultPolicy, features: ['ServiceImport'] };

  it('watches ServiceImports when the CRD is served, and MR201/MR203 follow the cache', async () => {
    const { logger, messages } = capturingLogger();
    const { view, server, metrics } = await setup(
      { enabled: serviceImports, objects: [...baseObjects, serviceImport('default', 'echo-east', [{ name: 'http', port: 8080 }])] },
      { logger },
    );
    expect(view.servedVersions.serviceImport).toBe('v1alpha1');
    expect(messages()).not.toContain('ServiceImport CRD not served; ServiceImport backends are not resolved');
    expect(view.serviceImport('default', 'echo-east')).toEqual({ namespace: 'default', name: 'echo-east', ports: [{ name: 'http', port: 8080 }] });
    expect(await metricValue(metrics, 'gamma_cache_objects', { kind: 'ServiceImport' })).toBe(1);
    const ids = (name: string, port: number) => judgeAll(importRoute(name, port), view, enabled).findings.map((f) => f.ruleId);
    expect(ids('echo-east', 8080)).toEqual([]);
    expect(ids('echo-east', 80)).toEqual(['MR203']);
    expect(ids('echo-west', 8080)).toEqual(['MR201']);
    const changed: string[] = [];
    view.onServiceImportChanged(({ namespace, name }) => changed.push(`${namespace}/${name}`));
    server.create(serviceImport('default', 'echo-west', [{ port: 8080 }]));
    await vi.waitFor(() => expect(view.serviceImport('default', 'echo-west')).toBeDefined(), wait);
    expect(changed).toEqual(['default/echo-west']);
    expect(ids('echo-west', 8080)).toEqual([]);
    server.remove({ apiVersion: `${mc}/v1alpha1`, kind: 'ServiceImport', namespace: 'default', name: 'echo-east' });
    await vi.waitFor(() => expect(view.serviceImport('default', 'echo-east')).toBeUndefined(), wait);
    expect(ids('echo-east', 8080)).toEqual(['MR201']);
    // The policy decides: with the feature off, the same route is MR205 whatever the cache holds.
    expect(judgeAll(importRoute('echo-west', 8080), view, defaultPolicy).findings.map((f) => f.ruleId)).toEqual(['MR205']);
  });

  it('judges an admission whose route names a ServiceImport that exists only on the server', async () => {
    const { view, server, metrics } = await setup({ enabled: serviceImports });
    await vi.waitFor(() => expect(server.openWatches({ resource: 'serviceimports' })).toBe(1), wait);
    // Keep the ServiceImport watch away so the new ServiceImport exists only on the server.
    server.inject({ verb: 'watch', resource: 'serviceimports', status: 500, times: Infinity });
    server.dropWatches({ resource: 'serviceimports' });
    server.create(serviceImport('default', 'just-imported', [{ name: 'http', port: 8080 }]));
    const request = importRoute('just-imported', 8080);
    const ids = () => judgeAll(request, view, enabled).findings.map((f) => f.ruleId);
    expect(ids()).toEqual(['MR201']);
    server.resetRequests();
    const refs = referencedServices(readSubmission(request).route);
    expect(refs).toContainEqual({ namespace: 'default', name: 'just-imported', kind: 'ServiceImport' });
    await view.resolveServices(refs);
    expect(view.serviceImport('default', 'just-imported')).toEqual({ namespace: 'default', name: 'just-imported', ports: [{ name: 'http', port: 8080 }] });
    expect(ids()).toEqual([]);
    // Remembered: nothing to look up, answered at once.
    expect(view.resolveServices(refs)).toBeUndefined();
    expect(server.count({ verb: 'get', resource: 'serviceimports' })).toBe(1);
    expect(server.count({ verb: 'get', resource: 'services' })).toBe(0);
    expect(await metricValue(metrics, 'gamma_live_lookups_total', { result: 'found' })).toBe(1);
    // Once the watch is back it is authoritative: a deletion is seen even though a lookup found it.
    server.clearInjections();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'serviceimports' })).toBe(1), wait);
    server.remove({ apiVersion: `${mc}/v1alpha1`, kind: 'ServiceImport', namespace: 'default', name: 'just-imported' });
    await vi.waitFor(() => expect(view.serviceImport('default', 'just-imported')).toBeUndefined(), wait);
    expect(ids()).toEqual(['MR201']);
  });

  it('watches ServiceImports in each configured namespace only', async () => {
    const { view, server } = await setup(
      { enabled: serviceImports, objects: [...baseObjects, serviceImport('default', 'a', [{ port: 80 }]), serviceImport('store', 'b', [{ port: 80 }])] },
      { namespaces: ['store'] },
    );
    expect(view.serviceImport('store', 'b')).toBeDefined();
    expect(view.serviceImport('default', 'a')).toBeUndefined();
    expect(server.requests.filter((r) => r.resource === 'serviceimports').every((r) => r.namespace === 'store')).toBe(true);
  });

  it('when the CRD is not served: says so once, syncs, watches nothing, and ServiceImport backends are not found', async () => {
    const { logger, messages } = capturingLogger();
    const { view, server } = await setup({}, { logger });
    expect(view.servedVersions.serviceImport).toBeUndefined();
    expect(view.synced()).toBe(true);
    expect(messages().filter((m) => m === 'ServiceImport CRD not served; ServiceImport backends are not resolved')).toHaveLength(1);
    // Nothing to look up either: the live lookup of a ServiceImport needs the CRD.
    expect(view.resolveServices([{ namespace: 'default', name: 'echo-east', kind: 'ServiceImport' }])).toBeUndefined();
    expect(server.requests.filter((r) => r.resource === 'serviceimports')).toEqual([]);
    expect(view.serviceImport('default', 'echo-east')).toBeUndefined();
    expect(judgeAll(importRoute('echo-east', 8080), view, enabled).findings.map((f) => f.ruleId)).toEqual(['MR201']);
  });
});
