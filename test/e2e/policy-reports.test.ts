/**
 * PolicyReports against a real kube-apiserver (test/support/envtest.ts) with the wgpolicyk8s.io
 * PolicyReport CRD from ../shared/crds installed: a replica (live view, Lease elector, report
 * reconciler, as src/main.ts wires them) creates the report, updates it when a route, a Service or
 * the policy changes, turns fixed routes into passes, writes nothing on a resync, deletes the report
 * with the namespace's last route, and writes nothing while another replica holds the Lease.
 *
 * Writes are counted with the API server's own `apiserver_request_total` for policyreports, and
 * each report read carries its resourceVersion: an unchanged resourceVersion is no write.
 */
import { CustomObjectsApi, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LiveClusterView } from '../../src/cluster/live-view.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { createMetrics } from '../../src/metrics.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import { formatMicroTime, LeaderElector, kubeLeaseApi } from '../../src/status/leader.ts';
import { startPolicyReports } from '../../src/status/reports/index.ts';
import type { ReportReconciler } from '../../src/status/reports/reconciler.ts';
import { GW, httpRoute, meshRef, service, until } from '../status/harness.ts';
import { envtest, type Envtest } from '../support/envtest.ts';

const handle = envtest({ crds: [['crds', 'wgpolicyk8s.io_policyreports.yaml']] });
const NAME = 'gw-gamma-webhook';
const LEASE = 'gamma-webhook-status';
const REPORT = { group: 'wgpolicyk8s.io', version: 'v1alpha2', plural: 'policyreports' } as const;

interface Result {
  rule?: string;
  result: string;
  severity?: string;
  message: string;
  resources: { kind: string; name: string; namespace: string; uid?: string }[];
  timestamp: { seconds: number; nanos: number };
}
interface Report {
  metadata: { resourceVersion: string; labels: Record<string, string> };
  summary: Record<string, number>;
  results: Result[];
}

let env: Envtest;
const stopping: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (!handle.missing) env = await handle.start();
});

afterEach(async () => {
  for (const stop of stopping.splice(0)) await stop();
});

/** One replica as src/main.ts wires it, watching `ns` only, with a short Lease for the takeover test. */
async function startReplica(ns: string, identity = 'replica-a'): Promise<{ elector: LeaderElector; reports: ReportReconciler; policy: PolicyStore }> {
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics(new Registry(), { processMetrics: false });
  const kube = new KubeClient(env.kubeConfig);
  const view = new LiveClusterView({ kube, metrics, logger, namespaces: [ns] });
  const policy = new PolicyStore({ logger, metrics });
  const elector = new LeaderElector({
    api: kubeLeaseApi(kube, ns, LEASE),
    identity,
    logger,
    metrics,
    leaseDurationMs: 3000,
    renewDeadlineMs: 2000,
    retryPeriodMs: 200,
  });
  await view.start();
  elector.start();
  const reports = await startPolicyReports({ kube, view, policy, leadership: elector, metrics, logger, name: NAME, maxResults: 500, namespaces: [ns] });
  if (reports === undefined) throw new Error('the PolicyReport CRD should be served');
  stopping.push(async () => {
    await reports.stop();
    await elector.stop();
    await view.stop();
    await kube.close();
  });
  return { elector, reports, policy };
}

function customObjects(config: KubeConfig): CustomObjectsApi {
  return config.makeApiClient(CustomObjectsApi);
}

async function readReport(ns: string): Promise<Report | undefined> {
  try {
    return (await customObjects(env.kubeConfig).getNamespacedCustomObject({ ...REPORT, namespace: ns, name: NAME })) as Report;
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}

/** Writes (create, update, patch, delete) of policyreports the API server has answered, by its own metrics. */
async function reportWrites(): Promise<number> {
  const kube = new KubeClient(env.kubeConfig);
  try {
    const text = String(await kube.request({ method: 'GET', path: '/metrics' }));
    let total = 0;
    for (const line of text.split('\n')) {
      if (!line.startsWith('apiserver_request_total{') || !line.includes('resource="policyreports"')) continue;
      if (!/verb="(POST|CREATE|PUT|UPDATE|PATCH|DELETE)"/.test(line)) continue;
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return total;
  } finally {
    await kube.close();
  }
}

async function apply(objects: Record<string, unknown>[]): Promise<void> {
  const core = env.kubeConfig.makeApiClient(CoreV1Api);
  const custom = customObjects(env.kubeConfig);
  for (const object of objects) {
    const metadata = object.metadata as { namespace: string };
    if (object.kind === 'Service') await core.createNamespacedService({ namespace: metadata.namespace, body: object });
    else await custom.createNamespacedCustomObject({ group: GW, version: 'v1', plural: 'httproutes', namespace: metadata.namespace, body: object });
  }
}

async function replaceRoute(ns: string, name: string, change: (route: Record<string, unknown>) => void): Promise<void> {
  const custom = customObjects(env.kubeConfig);
  const route = (await custom.getNamespacedCustomObject({ group: GW, version: 'v1', plural: 'httproutes', namespace: ns, name })) as Record<string, unknown>;
  change(route);
  await custom.replaceNamespacedCustomObject({ group: GW, version: 'v1', plural: 'httproutes', namespace: ns, name, body: route });
}

function deleteRoute(ns: string, name: string): Promise<unknown> {
  return customObjects(env.kubeConfig).deleteNamespacedCustomObject({ group: GW, version: 'v1', plural: 'httproutes', namespace: ns, name });
}

/** The results as `result rule route` lines, sorted. */
function lines(report: Report | undefined): string[] {
  return (report?.results ?? []).map((r) => `${r.result} ${r.rule ?? '-'} ${r.resources[0]?.name ?? '?'}`).sort();
}

async function untilResults(ns: string, expected: string[]): Promise<Report> {
  let last: Report | undefined;
  await until(`report results ${expected.join(', ')}`, async () => {
    last = await readReport(ns);
    return JSON.stringify(lines(last)) === JSON.stringify([...expected].sort());
  }, 30_000, 100);
  return last as Report;
}

/** A namespace with Service `echo` (port 80), route `web` (clean) and route `bad` (backend `gone` missing: MR201, a warning by default). */
async function meshNamespace(): Promise<string> {
  const ns = await env.namespace('reports-');
  await apply([
    service('echo', [{ name: 'http', port: 80 }], ns),
    httpRoute('web', [meshRef('echo')], [{ name: 'echo', port: 80 }], ns),
    httpRoute('bad', [meshRef('echo')], [{ name: 'gone', port: 80 }], ns),
  ]);
  return ns;
}

describe.skipIf(handle.missing)('PolicyReports on a real API server', () => {
  it('creates the report: a result per finding, a pass per clean route, the summary, the routes as resources', async () => {
    const ns = await meshNamespace();
    await startReplica(ns);
    const report = await untilResults(ns, ['warn MR201 bad', 'pass - web']);
    expect(report.metadata.labels['app.kubernetes.io/managed-by']).toBe('gamma-webhook');
    expect(report.summary).toEqual({ pass: 1, fail: 0, warn: 1, error: 0, skip: 0 });
    const warn = report.results.find((r) => r.result === 'warn');
    expect(warn).toMatchObject({ policy: 'gamma-webhook', source: 'gamma-webhook', rule: 'MR201', severity: 'high', resources: [{ kind: 'HTTPRoute', name: 'bad', namespace: ns }] });
    expect(warn?.resources[0]?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(warn?.message).toContain('gone');
  });

  it('follows route, Service and policy changes; a resync writes nothing; the last route takes the report with it', async () => {
    const ns = await meshNamespace();
    const { reports, policy } = await startReplica(ns);
    await untilResults(ns, ['warn MR201 bad', 'pass - web']);

    // A route change: web now names a missing backend too.
    await replaceRoute(ns, 'web', (route) => {
      (route.spec as { rules: { backendRefs: unknown[] }[] }).rules[0]!.backendRefs = [{ name: 'also-gone', port: 80 }];
    });
    await untilResults(ns, ['warn MR201 bad', 'warn MR201 web']);

    // A policy change: MR201 denies.
    expect(policy.load('rules: {MR201: {action: deny}}\n', { kind: 'file', name: 'test-policy.yaml' }).outcome).toBe('applied');
    const denied = await untilResults(ns, ['fail MR201 bad', 'fail MR201 web']);
    expect(denied.summary).toEqual({ pass: 0, fail: 2, warn: 0, error: 0, skip: 0 });

    // Services the routes name appear: the findings go away, the routes pass.
    await apply([service('gone', [{ port: 80 }], ns), service('also-gone', [{ port: 80 }], ns)]);
    const clean = await untilResults(ns, ['pass - bad', 'pass - web']);
    expect(clean.summary).toEqual({ pass: 2, fail: 0, warn: 0, error: 0, skip: 0 });

    // A resync of the converged namespace: no write, the resourceVersion stays.
    const writes = await reportWrites();
    // The count sees this file's writes: a create and four updates so far, at least.
    expect(writes).toBeGreaterThanOrEqual(5);
    await reports.resync('test');
    await until('the resync to finish', () => reports.idle(), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await reportWrites()).toBe(writes);
    expect((await readReport(ns))?.metadata.resourceVersion).toBe(clean.metadata.resourceVersion);

    // The last route goes: the report goes with it.
    await deleteRoute(ns, 'web');
    await untilResults(ns, ['pass - bad']);
    await deleteRoute(ns, 'bad');
    await until('the report to be deleted', async () => (await readReport(ns)) === undefined, 30_000, 100);
  });

  it('only the Lease holder writes: nothing while another holds it, the report once this replica takes over', async () => {
    const ns = await meshNamespace();
    const admin = new KubeClient(env.kubeConfig);
    stopping.push(() => admin.close());
    const lease = kubeLeaseApi(admin, ns, LEASE);
    const now = formatMicroTime(Date.now());
    expect(await lease.create({ holderIdentity: 'someone-else', leaseDurationSeconds: 3600, acquireTime: now, renewTime: now })).not.toBe('conflict');
    const writes = await reportWrites();
    const { elector, reports } = await startReplica(ns, 'replica-b');
    await reports.resync('test');
    await until('the resync to finish', () => reports.idle(), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(elector.isLeader()).toBe(false);
    expect(await readReport(ns)).toBeUndefined();
    expect(await reportWrites()).toBe(writes);

    // The holder releases the Lease (as a stopping replica does): this one takes it and writes.
    const held = await lease.get();
    expect(await lease.update({ ...held, holderIdentity: '', renewTime: formatMicroTime(Date.now()) })).not.toBe('conflict');
    await until('replica-b to lead', () => elector.isLeader(), 15_000);
    await untilResults(ns, ['warn MR201 bad', 'pass - web']);
    expect(await reportWrites()).toBe(writes + 1);
  });
});
