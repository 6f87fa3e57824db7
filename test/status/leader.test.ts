import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createMetrics } from '../../src/metrics.ts';
import { LeaderElector, classifyLeaseError, formatMicroTime, type LeaseApi, type LeaseRecord } from '../../src/status/leader.ts';
import { FakeClock } from '../support/fake-clock.ts';

const logger = pino({ level: 'silent' });

/** One Lease in memory with the API server's resourceVersion precondition; `failing` makes calls reject. */
class MemoryLease {
  record: LeaseRecord | undefined;
  version = 0;
  writes = 0;
  failing = new Set<string>();

  api(): LeaseApi {
    return {
      get: async () => {
        if (this.failing.has('get')) throw new Error('connection refused');
        return this.record;
      },
      create: async (record) => {
        if (this.failing.has('create')) throw new Error('connection refused');
        if (this.record !== undefined) return 'conflict';
        return this.#store(record);
      },
      update: async (record) => {
        if (this.failing.has('update')) throw new Error('connection refused');
        if (this.record === undefined || record.resourceVersion !== this.record.resourceVersion) return 'conflict';
        return this.#store(record);
      },
    };
  }

  #store(record: LeaseRecord): LeaseRecord {
    this.version += 1;
    this.writes += 1;
    this.record = { ...record, resourceVersion: String(this.version) };
    return this.record;
  }
}

const timing = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

function elector(lease: MemoryLease, clock: FakeClock, identity: string, metrics?: ReturnType<typeof createMetrics>) {
  return new LeaderElector({ api: lease.api(), identity, logger, clock: clock.now, ...timing, ...(metrics ? { metrics } : {}) });
}

describe('LeaderElector', () => {
  it('creates a missing Lease and leads', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const metrics = createMetrics(new Registry(), { processMetrics: false });
    const a = elector(lease, clock, 'a', metrics);
    const changes: boolean[] = [];
    a.onChange((leading) => changes.push(leading));
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(a.isLeader()).toBe(true);
    expect(changes).toEqual([true]);
    expect(lease.record).toMatchObject({ holderIdentity: 'a', leaseDurationSeconds: 15, leaseTransitions: 0, renewTime: formatMicroTime(clock.ms) });
    expect((await metrics.leader.get()).values[0]?.value).toBe(1);
  });

  it('a second replica does not lead while the Lease is renewed', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    const b = elector(lease, clock, 'b');
    await a.tryAcquireOrRenew();
    for (let i = 0; i < 20; i++) {
      clock.advance(timing.retryPeriodMs);
      expect(await a.tryAcquireOrRenew()).toBe(true);
      expect(await b.tryAcquireOrRenew()).toBe(false);
    }
    expect(lease.record?.holderIdentity).toBe('a');
  });

  it('takes over after the leader stops renewing, within the lease duration plus one retry period', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    const b = elector(lease, clock, 'b');
    await a.tryAcquireOrRenew();
    expect(await b.tryAcquireOrRenew()).toBe(false);
    const died = clock.ms;
    let tookOverAt: number | undefined;
    while (tookOverAt === undefined && clock.ms - died < 60_000) {
      clock.advance(timing.retryPeriodMs);
      if (await b.tryAcquireOrRenew()) tookOverAt = clock.ms;
    }
    expect(tookOverAt).toBeDefined();
    expect((tookOverAt ?? Infinity) - died).toBeLessThanOrEqual(timing.leaseDurationMs + timing.retryPeriodMs);
    expect((tookOverAt ?? 0) - died).toBeGreaterThanOrEqual(timing.leaseDurationMs);
    expect(lease.record).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
    // The old leader stopped writing before the takeover: its renew deadline passed first.
    expect(a.isLeader()).toBe(false);
    expect(await a.tryAcquireOrRenew()).toBe(false);
  });

  it('stops leading by the clock once the renew deadline passes, even if its loop is stalled', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    await a.tryAcquireOrRenew();
    clock.advance(timing.renewDeadlineMs - 1);
    expect(a.isLeader()).toBe(true);
    clock.advance(1);
    expect(a.isLeader()).toBe(false);
  });

  it('stops leading at once when a renewal fails, and leads again after a successful one', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    const changes: boolean[] = [];
    a.onChange((leading) => changes.push(leading));
    await a.tryAcquireOrRenew();
    lease.failing.add('update');
    clock.advance(timing.retryPeriodMs);
    expect(await a.tryAcquireOrRenew()).toBe(false);
    expect(a.isLeader()).toBe(false);
    lease.failing.clear();
    clock.advance(timing.retryPeriodMs);
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(changes).toEqual([true, false, true]);
    expect(lease.record?.leaseTransitions).toBe(0);
  });

  it('reports a lapse past the renew deadline as lost and regained, so listeners catch up', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    const changes: boolean[] = [];
    a.onChange((leading) => changes.push(leading));
    await a.tryAcquireOrRenew();
    // The renewal loop stalls past the renew deadline: isLeader() is false meanwhile.
    clock.advance(timing.renewDeadlineMs + 1);
    expect(a.isLeader()).toBe(false);
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(changes).toEqual([true, false, true]);
    // The control case: a renewal within the deadline reports nothing.
    clock.advance(timing.retryPeriodMs);
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(changes).toEqual([true, false, true]);
  });

  it('loses at once when another replica wrote the Lease (conflict)', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    await a.tryAcquireOrRenew();
    const api = lease.api();
    const current = await api.get();
    await api.update({ ...current, holderIdentity: 'intruder', renewTime: formatMicroTime(clock.ms) });
    clock.advance(timing.retryPeriodMs);
    expect(await a.tryAcquireOrRenew()).toBe(false);
    expect(a.isLeader()).toBe(false);
  });

  it('of two replicas racing for a free Lease exactly one wins', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    const b = elector(lease, clock, 'b');
    const results = await Promise.all([a.tryAcquireOrRenew(), b.tryAcquireOrRenew()]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('releases the Lease on stop so another replica leads at once', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const a = elector(lease, clock, 'a');
    const b = elector(lease, clock, 'b');
    await a.tryAcquireOrRenew();
    expect(await b.tryAcquireOrRenew()).toBe(false);
    await a.stop();
    expect(a.isLeader()).toBe(false);
    expect(lease.record?.holderIdentity).toBe('');
    expect(await b.tryAcquireOrRenew()).toBe(true);
    expect(lease.record).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
  });

  it('refuses timings where a replica could write after another took over', () => {
    const lease = new MemoryLease();
    expect(() => new LeaderElector({ api: lease.api(), identity: 'a', logger, leaseDurationMs: 10_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 })).toThrow(RangeError);
  });
});

describe('LeaderElector when the Lease cannot be taken', () => {
  const where = { namespace: 'gamma-system', name: 'gamma-webhook-status' };
  const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code });

  it.each([
    ['a missing namespace (create answers 404)', 'create', apiError(404), 'namespace_not_found', 'namespace gamma-system not found: create it or pass --namespace (GAMMA_NAMESPACE)'],
    ['RBAC', 'get', apiError(403), 'forbidden', 'forbidden to get Lease gamma-system/gamma-webhook-status: grant the service account get, create and update on leases.coordination.k8s.io in namespace gamma-system'],
    ['bad credentials', 'get', apiError(401), 'unauthorized', 'the API server refused the credentials (401) to get Lease gamma-system/gamma-webhook-status'],
    ['another API error', 'update', apiError(500), 'api_error', 'the API server answered 500 to update Lease gamma-system/gamma-webhook-status'],
    ['no answer', 'get', new Error('connect ECONNREFUSED'), 'unreachable', 'the API server could not be reached to get Lease gamma-system/gamma-webhook-status: connect ECONNREFUSED'],
  ] as const)('names %s with its fix', (_, step, error, reason, message) => {
    const failure = classifyLeaseError(error, step, where);
    expect(failure.reason).toBe(reason);
    expect(failure.message.startsWith(message)).toBe(true);
  });

  it('warns once per cause, counts every failure, keeps the cause for /readyz, and forgets it once leading', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    const lines: { level: number; msg: string; reason?: string }[] = [];
    const capture = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const metrics = createMetrics(new Registry(), { processMetrics: false });
    const forbidden = apiError(403);
    const api: LeaseApi = {
      ...lease.api(),
      get: async () => {
        if (lease.failing.has('get')) throw forbidden;
        return lease.record;
      },
    };
    const one = new LeaderElector({ api, identity: 'a', logger: capture, clock: clock.now, ...timing, metrics, lease: where });
    expect(one.notLeaderCause()).toBeUndefined();
    lease.failing.add('get');
    for (let i = 0; i < 3; i += 1) expect(await one.tryAcquireOrRenew()).toBe(false);
    const warnings = () => lines.filter((l) => l.level === 40);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ reason: 'forbidden' });
    expect(one.notLeaderCause()).toMatch(/^forbidden to get Lease gamma-system\/gamma-webhook-status: /);
    expect((await metrics.registry.getSingleMetric('gamma_status_lease_errors_total')?.get())?.values).toEqual([
      { labels: { reason: 'forbidden' }, value: 3 },
    ]);

    lease.failing.delete('get');
    expect(await one.tryAcquireOrRenew()).toBe(true);
    expect(one.notLeaderCause()).toBeUndefined();
    // After leading, the same cause is news again.
    lease.failing.add('get');
    expect(await one.tryAcquireOrRenew()).toBe(false);
    expect(warnings()).toHaveLength(2);
    expect(warnings()[1]?.msg).toMatch(/^status Lease renewal failed; stopped writing route status: forbidden/);
  });

  it('names the holder when another replica leads', async () => {
    const lease = new MemoryLease();
    const clock = new FakeClock();
    expect(await elector(lease, clock, 'a').tryAcquireOrRenew()).toBe(true);
    const b = elector(lease, clock, 'b');
    expect(await b.tryAcquireOrRenew()).toBe(false);
    expect(b.notLeaderCause()).toBe('the Lease is held by a');
  });
});
