/**
 * The status door's two API adapters against the real kube-apiserver of ../shared/envtest (the
 * worker's server, one namespace per test): the StatusWriter through `kubeRouteStatusApi` (merge
 * patch of /status with a resourceVersion precondition) and the LeaderElector through
 * `kubeLeaseApi` (coordination.k8s.io/v1 Lease). These are the happy paths of writer.test.ts and
 * leader.test.ts with the real server's answers (its 409s included); the in-memory fakes there
 * keep the cases a real server will not produce on demand (a conflict on every attempt, errors),
 * and the fake clock the timing bounds.
 */
import { isDeepStrictEqual } from 'node:util';
import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.ts';
import type { StatusPlan } from '../../src/status/desired.ts';
import { LeaderElector, formatMicroTime, kubeLeaseApi } from '../../src/status/leader.ts';
import { StatusWriter, kubeRouteStatusApi, type RouteKey } from '../../src/status/writer.ts';
import { servedRequests } from '../support/apiserver-requests.ts';
import { realCluster } from '../support/real-cluster.ts';
import { GW, httpRoute, meshRef } from './harness.ts';
import { FakeClock } from '../support/fake-clock.ts';

const logger = pino({ level: 'silent' });
const real = realCluster();



const T1 = '2026-11-22T09:00:00Z';

/** A complete status entry (the CRD requires every condition field). */
function entry(controllerName: string, name: string): Record<string, unknown> {
  return {
    parentRef: { group: '', kind: 'Service', name },
    controllerName,
    conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: `accepted by ${controllerName}`, lastTransitionTime: T1, observedGeneration: 1 }],
  };
}

const ours = entry('gamma-webhook.io/mesh-route-status', 'echo');
const theirs = entry('example.com/other-controller', 'echo');

/** Wants ours first, then whatever else is stored; unchanged once ours is first. */
function plan(route: unknown): StatusPlan {
  const stored = (route as { status?: { parents?: unknown[] } }).status?.parents ?? [];
  const others = stored.filter((p) => (p as { controllerName?: string }).controllerName !== ours.controllerName);
  return isDeepStrictEqual(stored[0], ours) ? { outcome: 'unchanged' } : { outcome: 'write', parents: [ours, ...others], droppedParents: 0 };
}

function writer() {
  const metrics = createMetrics(new Registry(), { processMetrics: false });
  const statusWriter = new StatusWriter({ api: kubeRouteStatusApi(real.kube, { fieldManager: 'writer-test' }), leadership: { isLeader: () => true }, metrics, logger });
  const counts = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await metrics.statusWrites.get()).values.map((v) => [String(v.labels.result), v.value]));
  return { statusWriter, counts };
}

async function routeIn(ns: string): Promise<{ key: RouteKey; cached: unknown }> {
  const cached = await real.objects.create(httpRoute('web', [meshRef('echo')], [{ name: 'echo', port: 80 }], ns));
  return { key: { kind: 'HTTPRoute', namespace: ns, name: 'web' }, cached };
}

async function storedParents(key: RouteKey): Promise<unknown> {
  return ((await real.objects.read({ apiVersion: `${GW}/v1`, kind: key.kind, namespace: key.namespace, name: key.name }))?.status as { parents?: unknown } | undefined)?.parents;
}

describe.skipIf(real.missing)('StatusWriter through kubeRouteStatusApi, on a real API server', () => {
  it('writes with the resourceVersion of the cached route, without a GET; a second pass sends nothing', async () => {
    const { key, cached } = await routeIn(await real.cluster.namespace('writer-'));
    const { statusWriter, counts } = writer();
    const before = await servedRequests(real.kube);
    expect(await statusWriter.reconcile(key, plan, cached)).toBe('written');
    const after = await servedRequests(real.kube);
    expect(after.since(before, { verb: 'PATCH', resource: 'httproutes', subresource: 'status', code: 200 })).toBe(1);
    expect(after.since(before, { verb: 'GET', resource: 'httproutes' })).toBe(0);
    expect(await storedParents(key)).toEqual([ours]);

    const written = await real.objects.read({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: key.namespace, name: key.name });
    expect(await statusWriter.reconcile(key, plan, written)).toBe('unchanged');
    expect((await servedRequests(real.kube)).since(after, { verb: 'PATCH' })).toBe(0);
    expect(await counts()).toEqual({ written: 1, unchanged: 1 });
  });

  it('on the real 409 of a stale resourceVersion reads the route again and keeps what another controller wrote', async () => {
    const { key, cached } = await routeIn(await real.cluster.namespace('writer-'));
    await real.objects.patch({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: key.namespace, name: key.name }, { status: { parents: [theirs] } }, { subresource: 'status' });
    const { statusWriter, counts } = writer();
    const before = await servedRequests(real.kube);
    expect(await statusWriter.reconcile(key, plan, cached)).toBe('written');
    const after = await servedRequests(real.kube);
    expect(after.since(before, { verb: 'PATCH', subresource: 'status', code: 409 })).toBe(1);
    expect(after.since(before, { verb: 'PATCH', subresource: 'status', code: 200 })).toBe(1);
    expect(after.since(before, { verb: 'GET', resource: 'httproutes' })).toBe(1);
    expect(await storedParents(key)).toEqual([ours, theirs]);
    expect(await counts()).toEqual({ conflict: 1, written: 1 });
  });

  it('reads the route when there is no cached copy, and reports a missing route as gone', async () => {
    const ns = await real.cluster.namespace('writer-');
    const { statusWriter, counts } = writer();
    expect(await statusWriter.reconcile({ kind: 'HTTPRoute', namespace: ns, name: 'never-created' }, plan)).toBe('gone');
    const { key } = await routeIn(ns);
    expect(await statusWriter.reconcile(key, plan)).toBe('written');
    expect(await storedParents(key)).toEqual([ours]);
    expect(await counts()).toEqual({ gone: 1, written: 1 });
  });
});

const timing = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };
const leaseName = 'gamma-webhook-status';

describe.skipIf(real.missing)('LeaderElector through kubeLeaseApi, on a real API server', () => {
  async function setup() {
    const ns = await real.cluster.namespace('lease-');
    const clock = new FakeClock();
    const elector = (identity: string) => new LeaderElector({ api: kubeLeaseApi(real.kube, ns, leaseName), identity, logger, clock: clock.now, lease: { namespace: ns, name: leaseName }, ...timing });
    const lease = async () => (await real.objects.read({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: ns, name: leaseName }))?.spec;
    return { ns, clock, elector, lease };
  }

  it('creates the missing Lease with every field, renews it, and keeps a second replica out', async () => {
    const { clock, elector, lease } = await setup();
    const a = elector('a');
    const b = elector('b');
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(await lease()).toEqual({
      holderIdentity: 'a', leaseDurationSeconds: 15, acquireTime: formatMicroTime(clock.ms), renewTime: formatMicroTime(clock.ms), leaseTransitions: 0,
    });
    clock.advance(timing.retryPeriodMs);
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(await b.tryAcquireOrRenew()).toBe(false);
    expect(b.notLeaderCause()).toBe('the Lease is held by a');
    expect(await lease()).toMatchObject({ holderIdentity: 'a', renewTime: formatMicroTime(clock.ms), leaseTransitions: 0 });
  });

  it('takes over after the leader stops renewing, counting the transition', async () => {
    const { clock, elector, lease } = await setup();
    const a = elector('a');
    const b = elector('b');
    await a.tryAcquireOrRenew();
    expect(await b.tryAcquireOrRenew()).toBe(false);
    clock.advance(timing.leaseDurationMs);
    expect(await b.tryAcquireOrRenew()).toBe(true);
    expect(await lease()).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
    expect(await a.tryAcquireOrRenew()).toBe(false);
  });

  it('of two replicas racing for a free Lease exactly one wins (the other meets the real 409)', async () => {
    const { elector } = await setup();
    const results = await Promise.all([elector('a').tryAcquireOrRenew(), elector('b').tryAcquireOrRenew()]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('loses at once when another replica wrote the Lease (a stale resourceVersion is the real 409)', async () => {
    const { ns, clock, elector } = await setup();
    const a = elector('a');
    await a.tryAcquireOrRenew();
    await real.objects.patch({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: ns, name: leaseName }, { spec: { holderIdentity: 'intruder', renewTime: formatMicroTime(clock.ms) } });
    clock.advance(timing.retryPeriodMs);
    expect(await a.tryAcquireOrRenew()).toBe(false);
    expect(a.isLeader()).toBe(false);
  });

  it('releases the Lease on stop so another replica leads at once', async () => {
    const { elector, lease } = await setup();
    const a = elector('a');
    const b = elector('b');
    await a.tryAcquireOrRenew();
    await a.stop();
    expect(await lease()).toMatchObject({ holderIdentity: '', leaseDurationSeconds: 1 });
    expect(await b.tryAcquireOrRenew()).toBe(true);
    expect(await lease()).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
  });

  it('names a missing namespace with its fix (the real server refuses the create with 404)', async () => {
    const missing = `absent-${Date.now()}`;
    const a = new LeaderElector({ api: kubeLeaseApi(real.kube, missing, leaseName), identity: 'a', logger, lease: { namespace: missing, name: leaseName }, ...timing });
    expect(await a.tryAcquireOrRenew()).toBe(false);
    expect(a.notLeaderCause()).toBe(`namespace ${missing} not found: create it or pass --namespace (GAMMA_NAMESPACE)`);
  });
});
