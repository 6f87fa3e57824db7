/**
 * Leader election between two reconciler replicas on one coordination.k8s.io/v1 Lease of the real
 * kube-apiserver of ../shared/envtest (the worker's server, one namespace per test): only the
 * leader writes; when it is cut off from the Lease it stops writing at once and the other replica
 * takes over within the lease duration (plus one retry period) and writes from then on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { realCluster } from '../support/real-cluster.ts';
import { GW, httpRoute, meshRef, service, startReplica, until, type Replica, type ReplicaOptions } from '../status/harness.ts';

const real = realCluster();
const running: Replica[] = [];


afterEach(async () => {
  for (const replica of running.splice(0)) await replica.stop();
});


const timing = { leaseDurationMs: 1500, renewDeadlineMs: 1000, retryPeriodMs: 100 };
const leaseName = 'gamma-webhook-status';

async function lease(ns: string): Promise<{ holderIdentity?: string; leaseTransitions?: number } | undefined> {
  return (await real.objects.read({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: ns, name: leaseName }))?.spec as
    | { holderIdentity?: string; leaseTransitions?: number }
    | undefined;
}

/** A replica watching only `ns`, with its Lease there. */
async function replica(ns: string, options: ReplicaOptions): Promise<Replica> {
  const started = await startReplica(real.cluster.kubeConfig, { namespaces: [ns], lease: { namespace: ns, name: leaseName }, ...options });
  running.push(started);
  return started;
}

async function hasStatus(ns: string, name: string): Promise<boolean> {
  const route = await real.objects.read({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: ns, name });
  return (route?.status as { parents?: unknown[] } | undefined)?.parents !== undefined;
}

describe.skipIf(real.missing)('status leader election on a real Lease', () => {
  it('fails over between two replicas: one writer at a time, takeover after the leader is cut off', async () => {
    const ns = await real.cluster.namespace('leader-');
    await real.objects.createAll([service('echo', undefined, ns), service('echo-v1', undefined, ns)]);
    const a = await replica(ns, { identity: 'replica-a', ...timing });
    await until('replica-a to lead', () => a.elector.isLeader());
    const b = await replica(ns, { identity: 'replica-b', ...timing });

    await real.objects.create(httpRoute('first', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }], ns));
    await until('the first route to get status', () => hasStatus(ns, 'first'));
    expect(b.elector.isLeader()).toBe(false);
    // The server stores the write before the client has read the answer and counted it.
    await until('the write to be counted', async () => (await a.writes()).written === 1);
    expect((await b.writes()).written).toBeUndefined();
    expect((await lease(ns))?.holderIdentity).toBe('replica-a');

    // Cut replica-a off from the Lease (its route watches and writes still work).
    a.partitioned = true;
    const cutAt = Date.now();
    await until('replica-a to stop leading', () => !a.elector.isLeader(), 5000);
    await until('replica-b to lead', () => b.elector.isLeader(), 10_000);
    const tookOverMs = Date.now() - cutAt;
    expect(await lease(ns)).toMatchObject({ holderIdentity: 'replica-b', leaseTransitions: 1 });
    // Generous bound for a loaded machine; the exact bound is checked with a fake clock in test/status/leader.test.ts.
    expect(tookOverMs).toBeLessThan(10_000);

    const aWritten = (await a.writes()).written ?? 0;
    await real.objects.create(httpRoute('second', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }], ns));
    await until('the second route to get status', () => hasStatus(ns, 'second'));
    await until('the write to be counted', async () => (await b.writes()).written === 1);
    expect((await a.writes()).written ?? 0).toBe(aWritten);

    // replica-a is still cut off: its reconciler must not have written since. The server
    // records the status writer by its field manager (the replica's identity).
    const second = await real.objects.read({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: ns, name: 'second' });
    const managers = (second?.metadata.managedFields ?? []) as { manager?: string; subresource?: string }[];
    expect(managers.filter((m) => m.subresource === 'status').map((m) => m.manager)).toEqual(['replica-b']);
  }, 60_000);

  it('a replica that stops cleanly hands over at once (the Lease is released)', async () => {
    const ns = await real.cluster.namespace('leader-');
    const long = { ...timing, leaseDurationMs: 60_000, renewDeadlineMs: 40_000 };
    const a = await startReplica(real.cluster.kubeConfig, { namespaces: [ns], lease: { namespace: ns, name: leaseName }, identity: 'replica-a', ...long });
    await until('replica-a to lead', () => a.elector.isLeader());
    const b = await replica(ns, { identity: 'replica-b', ...long });
    await a.stop();
    // Far sooner than the 60 s lease duration: the release lets replica-b take over on its next retry.
    await until('replica-b to lead', () => b.elector.isLeader(), 10_000);
    expect((await lease(ns))?.holderIdentity).toBe('replica-b');
  });
});
