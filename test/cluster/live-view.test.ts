/**
 * The live ClusterView with the real @kubernetes/client-node against the real kube-apiserver of
 * ../shared/envtest (the worker's server; each test makes its namespaces and the view watches
 * only those): sync, change propagation, indexes, namespace scoping, live lookups. Request counts
 * come from the server's /metrics. The cases that need the API server to misbehave (or an API
 * surface it does not have) are in live-view-faults.test.ts.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveClusterView, type RouteChange, type ServiceChange } from '../../src/cluster/live-view.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { dig } from '../../src/gateway/untrusted.ts';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { judgeAll } from '../builders.ts';
import type { KubeObject } from '../support/apiserver/index.ts';
import { servedRequests } from '../support/apiserver-requests.ts';
import { realCluster } from '../support/real-cluster.ts';
import { grant, httpRoute, service } from './view-objects.ts';

const wait = { timeout: 10_000, interval: 20 };
const gw = 'gateway.networking.k8s.io';

const real = realCluster();
const running: { view: LiveClusterView; client: KubeClient }[] = [];


afterEach(async () => {
  for (const { view, client } of running.splice(0)) {
    await view.stop();
    await client.close();
  }
});


/**
 * Two fresh namespaces, `app` (labelled team=a) with Service echo and `store` with Service
 * echo-v1, plus `extra` objects built for them; then a view of `watched` (default: both), synced.
 */
async function setup(extra: (app: string, other: string) => KubeObject[] = () => [], watched?: (app: string, other: string) => string[]) {
  const app = await real.cluster.namespace('view-', { team: 'a' });
  const other = await real.cluster.namespace('view-store-');
  await real.objects.createAll([service(app, 'echo'), service(other, 'echo-v1'), ...extra(app, other)]);
  const metrics = createMetrics(new Registry(), { processMetrics: false });
  const client = new KubeClient(real.cluster.kubeConfig);
  const before = await servedRequests(real.kube);
  const view = new LiveClusterView({ kube: client, metrics, logger: pino({ level: 'silent' }), namespaces: watched ? watched(app, other) : [app, other] });
  running.push({ view, client });
  await view.start();
  await view.whenSynced();
  return { app, other, view, metrics, before };
}

async function metricValue(metrics: Metrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return value?.value ?? 0;
}

describe.skipIf(real.missing)('LiveClusterView on a real API server: sync and change propagation', () => {
  it('lists every kind, becomes synced, and answers from memory', async () => {
    const { app, other, view, metrics, before } = await setup((a, o) => [
      service(a, 'grpc', [{ name: 'grpc', port: 8080, appProtocol: 'kubernetes.io/h2c' }]),
      httpRoute(a, 'r1', 'echo', ['echo']),
      grant(o, a),
    ]);
    expect(view.synced()).toBe(true);
    expect(view.servedVersions).toEqual({ httpRoute: 'v1', grpcRoute: 'v1', referenceGrant: 'v1' });
    expect(view.service(app, 'grpc')).toEqual({
      namespace: app, name: 'grpc', type: 'ClusterIP',
      ports: [{ name: 'grpc', port: 8080, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }],
    });
    expect(view.service(app, 'missing')).toBeUndefined();
    expect(view.namespaceLabels(app)).toEqual({ team: 'a', 'kubernetes.io/metadata.name': app });
    expect(view.routesAttachedTo(app, 'echo', 80)).toEqual([{ kind: 'HTTPRoute', namespace: app, name: 'r1' }]);
    // The routing table reads the attached routes' objects: rules and creationTimestamp are kept.
    const [attached] = view.attachedRoutes(app, 'echo', 80);
    expect(attached).toMatchObject({ kind: 'HTTPRoute', namespace: app, name: 'r1' });
    const from = { group: gw, kind: 'HTTPRoute', namespace: app };
    expect(view.referenceGrantAllows(from, { group: '', kind: 'Service', namespace: other, name: 'echo-v1' })).toBe(true);
    expect(view.referenceGrantAllows({ ...from, namespace: 'elsewhere' }, { group: '', kind: 'Service', namespace: other, name: 'echo-v1' })).toBe(false);
    expect(view.referenceGrantAllows(from, { group: '', kind: 'Service', namespace: app, name: 'echo' })).toBe(false);
    // Routes are kept whole (with the server's defaults), without managedFields.
    const cached = view.route('HTTPRoute', app, 'r1');
    const stored = await real.objects.read({ apiVersion: `${gw}/v1`, kind: 'HTTPRoute', namespace: app, name: 'r1' });
    expect(cached?.spec).toEqual(stored?.spec);
    expect(stored?.metadata).toHaveProperty('managedFields');
    expect(dig(attached?.object, 'spec', 'rules')).toEqual(dig(stored, 'spec', 'rules'));
    expect(dig(attached?.object, 'metadata', 'creationTimestamp')).toEqual(dig(stored, 'metadata', 'creationTimestamp'));
    expect(dig(attached?.object, 'metadata', 'creationTimestamp')).toEqual(expect.any(String));
    expect(cached?.metadata).not.toHaveProperty('managedFields');
    expect(await metricValue(metrics, 'gamma_cache_objects', { kind: 'Service' })).toBe(3);
    // One list of Services per watched namespace, none of the whole cluster.
    const after = await servedRequests(real.kube);
    expect(after.since(before, { verb: 'LIST', resource: 'services', scope: 'namespace' })).toBe(2);
    expect(after.since(before, { resource: 'services', scope: 'cluster' })).toBe(0);
  });

  it('reflects creates, updates and deletes, and tells subscribers', async () => {
    const { app, other, view } = await setup();
    const serviceChanges: ServiceChange[] = [];
    const routeChanges: RouteChange[] = [];
    view.onServiceChanged((c) => serviceChanges.push(c));
    view.onRouteChanged((c) => routeChanges.push(c));
    await real.objects.create(service(app, 'web', [{ port: 8080 }]));
    await vi.waitFor(() => expect(view.service(app, 'web')?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]), wait);
    const current = await real.objects.read({ apiVersion: 'v1', kind: 'Service', namespace: app, name: 'web' });
    // The server drops the ClusterIP itself when the type changes to ExternalName.
    await real.objects.replace({ ...current!, spec: { ...(current!.spec as object), type: 'ExternalName', externalName: 'db.example.com', ports: [] } });
    await vi.waitFor(() => expect(view.service(app, 'web')?.type).toBe('ExternalName'), wait);
    await real.objects.remove({ apiVersion: 'v1', kind: 'Service', namespace: app, name: 'web' });
    await vi.waitFor(() => expect(view.service(app, 'web')).toBeUndefined(), wait);
    expect(serviceChanges.map((c) => [c.name, c.service?.type])).toEqual([['web', 'ClusterIP'], ['web', 'ExternalName'], ['web', undefined]]);

    await real.objects.create(httpRoute(app, 'r', 'echo', ['echo', 'store-backend'], 80));
    await vi.waitFor(() => expect(view.routesNaming(app, 'store-backend')).toHaveLength(1), wait);
    expect(view.routesAttachedTo(app, 'echo', 80)).toHaveLength(1);
    expect(view.routesAttachedTo(app, 'echo', 81)).toHaveLength(0);
    expect(view.routesAttachedTo(app, 'echo')).toHaveLength(1);
    await real.objects.replace(httpRoute(app, 'r', 'echo', ['echo-v2']));
    await vi.waitFor(() => expect(view.routesNaming(app, 'echo-v2')).toHaveLength(1), wait);
    expect(view.routesNaming(app, 'store-backend')).toHaveLength(0);
    expect(view.routesAttachedTo(app, 'echo', 81)).toHaveLength(1);
    await real.objects.remove({ apiVersion: `${gw}/v1`, kind: 'HTTPRoute', namespace: app, name: 'r' });
    await vi.waitFor(() => expect(view.routesNaming(app, 'echo')).toHaveLength(0), wait);
    expect(view.allRoutes()).toEqual([]);
    expect(routeChanges.map((c) => c.object === undefined)).toEqual([false, false, true]);
    expect([...(routeChanges[1]?.services ?? [])].sort()).toEqual([`${app}/echo`, `${app}/echo-v2`, `${app}/store-backend`]);

    const ns = await real.objects.read({ apiVersion: 'v1', kind: 'Namespace', name: other });
    await real.objects.replace({ ...ns!, metadata: { ...ns!.metadata, labels: { ...ns!.metadata.labels, 'mesh.example.com/unchecked': 'true' } } });
    await vi.waitFor(() => expect(view.namespaceLabels(other)?.['mesh.example.com/unchecked']).toBe('true'), wait);
  });

  it('watches only the configured namespaces', async () => {
    const { app, other, view, before } = await setup(undefined, (_, o) => [o]);
    expect(view.service(other, 'echo-v1')).toBeDefined();
    expect(view.service(app, 'echo')).toBeUndefined();
    expect(view.namespaceLabels(other)).toBeDefined();
    expect(view.namespaceLabels(app)).toBeUndefined();
    await real.objects.create(service(other, 'late'));
    await real.objects.create(service(app, 'late'));
    await vi.waitFor(() => expect(view.service(other, 'late')).toBeDefined(), wait);
    expect(view.service(app, 'late')).toBeUndefined();
    const after = await servedRequests(real.kube);
    expect(after.since(before, { verb: 'LIST', resource: 'services', scope: 'namespace' })).toBe(1);
    expect(after.since(before, { resource: 'services', scope: 'cluster' })).toBe(0);
  });
});

describe.skipIf(real.missing)('LiveClusterView on a real API server: live lookups', () => {
  it('judges an admission whose route names a Service that exists only on the server', async () => {
    const { app, other, view } = await setup(undefined, (a) => [a]);
    await real.objects.create(service(other, 'backend'));
    const request = { kind: 'HTTPRoute' as const, operation: 'CREATE' as const, namespace: app, object: httpRoute(app, 'r', 'echo', []) };
    (request.object.spec as { rules: unknown[] }).rules = [{ backendRefs: [{ name: 'backend', namespace: other, port: 80 }] }];
    const ids = () => judgeAll(request, view, defaultPolicy).findings.map((f) => f.ruleId);
    expect(ids()).toContain('MR201');
    const before = await servedRequests(real.kube);
    await view.resolveServices([{ namespace: other, name: 'backend' }]);
    expect(ids()).not.toContain('MR201');
    expect((await servedRequests(real.kube)).since(before, { verb: 'GET', resource: 'services' })).toBe(1);
  });
});
