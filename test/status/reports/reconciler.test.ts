/**
 * The report reconciler's decisions around I/O, with an in-memory PolicyReportApi and cluster
 * source: conflicts and errors are retried, a foreign report is left alone with one warning,
 * reports outside the watched namespaces are not touched, and nothing is sent without the Lease.
 * The real API server is in test/e2e/policy-reports.test.ts.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../../../src/core/view.ts';
import { createMetrics, type Metrics } from '../../../src/metrics.ts';
import type { Policy } from '../../../src/core/policy.ts';
import type { LeadershipListener } from '../../../src/status/leader.ts';
import type { RouteChangeEvent, StatusSource } from '../../../src/status/reconciler.ts';
import type { PolicyReportApi, ReportWriteResult } from '../../../src/status/reports/api.ts';
import { MANAGED_BY_LABEL } from '../../../src/status/reports/desired.ts';
import { ReportReconciler } from '../../../src/status/reports/reconciler.ts';
import { backend, compiled, httpRoute, view, type Route } from '../../builders.ts';
import { until } from '../harness.ts';

/** Cached routes over the builders' static Services; events are fired by hand. */
class Source implements StatusSource {
  readonly routes = new Map<string, Route>();
  readonly #routeListeners = new Set<(change: RouteChangeEvent) => void>();
  constructor(routes: Route[]) {
    for (const route of routes) this.routes.set(`${route.metadata.namespace}/${route.metadata.name}`, route);
  }
  service = view.service.bind(view);
  serviceImport = view.serviceImport.bind(view);
  referenceGrantAllows = view.referenceGrantAllows.bind(view);
  routesAttachedTo = view.routesAttachedTo.bind(view);
  attachedRoutes = view.attachedRoutes.bind(view);
  namespaceLabels = view.namespaceLabels.bind(view);
  route(_kind: RouteInfo['kind'], namespace: string, name: string): unknown {
    return this.routes.get(`${namespace}/${name}`);
  }
  allRoutes(): RouteInfo[] {
    return [...this.routes.values()].map((r) => ({ kind: r.kind, namespace: r.metadata.namespace, name: r.metadata.name }));
  }
  routesNaming(): RouteInfo[] {
    return [];
  }
  routesNamingServiceImport(): RouteInfo[] {
    return [];
  }
  onRouteChanged(listener: (change: RouteChangeEvent) => void): () => void {
    this.#routeListeners.add(listener);
    return () => this.#routeListeners.delete(listener);
  }
  onServiceChanged = () => () => undefined;
  onServiceImportChanged = () => () => undefined;
  onReferenceGrantChanged = () => () => undefined;
  onNamespaceChanged = () => () => undefined;
  whenSynced = () => Promise.resolve();
  remove(namespace: string, name: string): void {
    const route = this.routes.get(`${namespace}/${name}`);
    this.routes.delete(`${namespace}/${name}`);
    if (route) for (const listener of this.#routeListeners) listener({ route: { kind: route.kind, namespace, name }, services: new Set() });
  }
}

/** Reports by namespace, with the calls made and faults to answer with. */
class MemoryApi implements PolicyReportApi {
  readonly reports = new Map<string, Record<string, unknown>>();
  readonly calls: string[] = [];
  /** Answers of the next writes, in order: a result is returned without storing, an Error rejects. */
  readonly faults: (ReportWriteResult | Error)[] = [];
  #version = 1;
  get(namespace: string): Promise<unknown> {
    this.calls.push(`get ${namespace}`);
    return Promise.resolve(this.reports.get(namespace));
  }
  create(namespace: string, report: unknown): Promise<ReportWriteResult> {
    return this.#write(`create ${namespace}`, () => this.#store(namespace, report));
  }
  replace(namespace: string, report: unknown): Promise<ReportWriteResult> {
    return this.#write(`replace ${namespace}`, () => this.#store(namespace, report));
  }
  delete(namespace: string): Promise<ReportWriteResult> {
    return this.#write(`delete ${namespace}`, () => this.reports.delete(namespace));
  }
  namespacesWithReport(): Promise<string[]> {
    this.calls.push('list');
    return Promise.resolve([...this.reports.keys()]);
  }
  writes(): string[] {
    return this.calls.filter((c) => !c.startsWith('get') && c !== 'list');
  }
  #store(namespace: string, report: unknown): void {
    const r = JSON.parse(JSON.stringify(report)) as { metadata: Record<string, unknown> };
    this.reports.set(namespace, { ...r, metadata: { ...r.metadata, resourceVersion: String(++this.#version) } });
  }
  #write(call: string, apply: () => unknown): Promise<ReportWriteResult> {
    this.calls.push(call);
    const fault = this.faults.shift();
    if (fault instanceof Error) return Promise.reject(fault);
    if (fault !== undefined) return Promise.resolve(fault);
    apply();
    return Promise.resolve('written');
  }
}

class Lease {
  leading = true;
  readonly listeners = new Set<LeadershipListener>();
  isLeader = () => this.leading;
  onChange(listener: LeadershipListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const policy = { compiled: compiled(), onChange: (_: (n: { policy: Policy }, p: { policy: Policy }) => void) => () => undefined };
const warnings: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push((JSON.parse(line) as { msg: string }).msg) });
const running: ReportReconciler[] = [];
let metrics: Metrics = createMetrics(new Registry(), { processMetrics: false });

/** `gamma_policy_report_writes_total` by result. */
async function counted(): Promise<Record<string, number>> {
  return Object.fromEntries((await metrics.policyReportWrites.get()).values.map((v) => [String(v.labels.result), v.value]));
}

afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
  warnings.length = 0;
  metrics = createMetrics(new Registry(), { processMetrics: false });
});

function start(source: Source, api: MemoryApi, lease = new Lease(), namespaces: string[] = []): ReportReconciler {
  const reconciler = new ReportReconciler({
    source, api, leadership: lease, policy, metrics, logger, name: 'gw', maxResults: 10, namespaces, resyncPeriodMs: 0, retryBaseDelayMs: 5, retryMaxDelayMs: 20,
  });
  reconciler.start();
  running.push(reconciler);
  return reconciler;
}

// In `default`, where the builders' Services are: `bad` names a missing backend (MR201, a warning).
const clean = httpRoute({}, 'default', 'web');
const broken = httpRoute({ rules: [{ backendRefs: [backend('missing')] }] }, 'default', 'bad');

describe('ReportReconciler', () => {
  it('retries a conflict and an API error until the report is written', async () => {
    const api = new MemoryApi();
    api.faults.push('conflict', new Error('etcd timeout'));
    const reconciler = start(new Source([clean, broken]), api);
    await until('the report', () => api.reports.has('default'));
    await until('idle', () => reconciler.idle());
    expect(api.writes()).toEqual(['create default', 'create default', 'create default']);
    expect(warnings).toContain('PolicyReport not written; retrying');
    expect((api.reports.get('default') as { summary: unknown }).summary).toEqual({ pass: 1, fail: 0, warn: 1, error: 0, skip: 0 });
    expect(await counted()).toEqual({ conflict: 1, error: 1, created: 1 });
  });

  it('writes nothing on a resync of a converged namespace, and deletes the report with the last route', async () => {
    const api = new MemoryApi();
    const source = new Source([broken]);
    const reconciler = start(source, api);
    await until('the report', () => api.reports.has('default'));
    await until('idle', () => reconciler.idle());
    await reconciler.resync('test');
    await until('idle', () => reconciler.idle());
    expect(api.writes()).toEqual(['create default']);
    source.remove('default', 'bad');
    await until('the report gone', () => !api.reports.has('default'));
    expect(api.writes()).toEqual(['create default', 'delete default']);
    expect(await counted()).toEqual({ created: 1, unchanged: 1, deleted: 1 });
  });

  it('removes a report left in a watched namespace without routes, and leaves other namespaces alone', async () => {
    const api = new MemoryApi();
    const ours = { metadata: { name: 'gw', labels: { [MANAGED_BY_LABEL]: 'gamma-webhook' }, resourceVersion: '1' } };
    api.reports.set('left', ours);
    api.reports.set('unwatched', ours);
    const reconciler = start(new Source([]), api, new Lease(), ['left', 'default']);
    await until('the left report gone', () => !api.reports.has('left'));
    await until('idle', () => reconciler.idle());
    expect(api.writes()).toEqual(['delete left']);
    expect(api.reports.has('unwatched')).toBe(true);
  });

  it('leaves a report of the same name that is not ours, warning once', async () => {
    const api = new MemoryApi();
    api.reports.set('default', { metadata: { name: 'gw', labels: { [MANAGED_BY_LABEL]: 'someone' }, resourceVersion: '1' } });
    const reconciler = start(new Source([broken]), api);
    await until('idle', () => reconciler.idle() && api.calls.includes('get default'));
    await reconciler.resync('again');
    await until('idle', () => reconciler.idle());
    expect(api.writes()).toEqual([]);
    expect(warnings.filter((w) => w.includes('without our managed-by label'))).toHaveLength(1);
    expect(await counted()).toEqual({ foreign: 2 });
  });

  it('sends nothing without the Lease, and catches up on gaining it', async () => {
    const api = new MemoryApi();
    const lease = new Lease();
    lease.leading = false;
    const reconciler = start(new Source([broken]), api, lease);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await until('idle', () => reconciler.idle());
    expect(api.calls).toEqual([]);
    lease.leading = true;
    for (const listener of lease.listeners) listener(true);
    await until('the report', () => api.reports.has('default'));
  });
});
