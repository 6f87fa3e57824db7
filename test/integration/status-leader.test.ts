/**
 * Leader election between two reconciler replicas on one coordination.k8s.io/v1 Lease: only the
 * leader writes; when it is cut off from the Lease it stops writing at once and the other replica
 * takes over within the lease duration (plus one retry period) and writes from then on.
 */
import { afterEach, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { GW, httpRoute, meshRef, service, startReplica, storedParents, until, type Replica } from '../status/harness.ts';

const running: { replicas: Replica[]; server: ApiServer }[] = [];

afterEach(async () => {
  for (const { replicas, server } of running.splice(0)) {
    for (const replica of replicas) await replica.stop();
    await server.close();
  }
});

const timing = { leaseDurationMs: 1500, renewDeadlineMs: 1000, retryPeriodMs: 100 };

function lease(server: ApiServer): { holderIdentity?: string; leaseTransitions?: number } | undefined {
  return server.read({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: 'gamma-system', name: 'gamma-webhook-status' })?.spec as
    | { holderIdentity?: string; leaseTransitions?: number }
    | undefined;
}

it('fails over between two replicas: one writer at a time, takeover after the leader is cut off', async () => {
  const server = await startApiServer({
    objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, service('echo'), service('echo-v1')],
  });
  const a = await startReplica(server, { identity: 'replica-a', ...timing });
  await until('replica-a to lead', () => a.elector.isLeader());
  const b = await startReplica(server, { identity: 'replica-b', ...timing });
  running.push({ replicas: [a, b], server });

  server.create(httpRoute('first', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }]));
  await until('the first route to get status', () => storedParents(server, 'HTTPRoute', 'first') !== undefined);
  expect(b.elector.isLeader()).toBe(false);
  // The server stores the write before the client has read the answer and counted it.
  await until('the write to be counted', async () => (await a.writes()).written === 1);
  expect((await b.writes()).written).toBeUndefined();
  expect(lease(server)?.holderIdentity).toBe('replica-a');

  // Cut replica-a off from the Lease (its route watches and writes still work).
  a.partitioned = true;
  const cutAt = Date.now();
  await until('replica-a to stop leading', () => !a.elector.isLeader(), 5000);
  await until('replica-b to lead', () => b.elector.isLeader(), 10_000);
  const tookOverMs = Date.now() - cutAt;
  expect(lease(server)).toMatchObject({ holderIdentity: 'replica-b', leaseTransitions: 1 });
  // Generous bound for a loaded machine; the exact bound is checked with a fake clock in test/status/leader.test.ts.
  expect(tookOverMs).toBeLessThan(10_000);

  const aWritten = (await a.writes()).written ?? 0;
  server.create(httpRoute('second', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }]));
  await until('the second route to get status', () => storedParents(server, 'HTTPRoute', 'second') !== undefined);
  await until('the write to be counted', async () => (await b.writes()).written === 1);
  expect((await a.writes()).written ?? 0).toBe(aWritten);

  // replica-a is still cut off: its reconciler must not have written since.
  const managers = (server.read({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: 'default', name: 'second' })?.metadata.managedFields ?? []) as { manager?: string; subresource?: string }[];
  expect(managers.filter((m) => m.subresource === 'status').map((m) => m.manager)).toEqual(['replica-b']);
});

it('a replica that stops cleanly hands over at once (the Lease is released)', async () => {
  const server = await startApiServer({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }] });
  const a = await startReplica(server, { identity: 'replica-a', ...timing, leaseDurationMs: 60_000, renewDeadlineMs: 40_000 });
  await until('replica-a to lead', () => a.elector.isLeader());
  const b = await startReplica(server, { identity: 'replica-b', ...timing, leaseDurationMs: 60_000, renewDeadlineMs: 40_000 });
  running.push({ replicas: [b], server });
  await a.stop();
  // Far sooner than the 60 s lease duration: the release lets replica-b take over on its next retry.
  await until('replica-b to lead', () => b.elector.isLeader(), 10_000);
  expect(lease(server)?.holderIdentity).toBe('replica-b');
});
