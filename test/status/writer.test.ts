import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createMetrics } from '../../src/metrics.ts';
import type { StatusPlan } from '../../src/status/desired.ts';
import { StatusWriter, formatRouteKey, parseRouteKey, type PatchResult, type RouteKey, type RouteStatusApi } from '../../src/status/writer.ts';

const logger = pino({ level: 'silent' });
const key: RouteKey = { kind: 'HTTPRoute', namespace: 'default', name: 'web' };

interface Stored {
  resourceVersion: number;
  parents: unknown[];
}

/** A route store with resourceVersion preconditions; `conflicts` makes the next N patches meet a 409 after a concurrent write. */
class FakeApi implements RouteStatusApi {
  stored: Stored | undefined = { resourceVersion: 10, parents: [] };
  gets = 0;
  patches: { resourceVersion: string; parents: readonly unknown[] }[] = [];
  conflicts = 0;
  fail: Error | undefined;

  object(): unknown {
    return this.stored === undefined ? undefined : { metadata: { resourceVersion: String(this.stored.resourceVersion), generation: 1 }, status: { parents: this.stored.parents } };
  }

  async get(): Promise<unknown> {
    this.gets += 1;
    return this.object();
  }

  async patchStatus(_key: RouteKey, resourceVersion: string, parents: readonly unknown[]): Promise<PatchResult> {
    if (this.fail) throw this.fail;
    this.patches.push({ resourceVersion, parents });
    if (this.stored === undefined) return { outcome: 'gone' };
    if (this.conflicts > 0) {
      this.conflicts -= 1;
      this.stored = { resourceVersion: this.stored.resourceVersion + 1, parents: [...this.stored.parents, 'someone else'] };
    }
    if (resourceVersion !== String(this.stored.resourceVersion)) return { outcome: 'conflict' };
    this.stored = { resourceVersion: this.stored.resourceVersion + 1, parents: [...parents] };
    return { outcome: 'written', route: this.object() };
  }
}

/** Wants `['ours', ...others]`: unchanged once the stored list starts with 'ours'. */
function plan(route: unknown): StatusPlan {
  const parents = ((route as { status?: { parents?: unknown[] } }).status?.parents ?? []).filter((p) => p !== 'ours');
  const stored = (route as { status?: { parents?: unknown[] } }).status?.parents ?? [];
  return stored[0] === 'ours' ? { outcome: 'unchanged' } : { outcome: 'write', parents: ['ours', ...parents], droppedParents: 0 };
}

function setup(leading = true) {
  const api = new FakeApi();
  const metrics = createMetrics(new Registry(), { processMetrics: false });
  let leader = leading;
  const writer = new StatusWriter({ api, leadership: { isLeader: () => leader }, metrics, logger });
  const counts = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await metrics.statusWrites.get()).values.map((v) => [String(v.labels.result), v.value]));
  return { api, writer, counts, setLeader: (value: boolean) => (leader = value) };
}

describe('StatusWriter', () => {
  it('writes with the resourceVersion of the cached route, without a GET', async () => {
    const { api, writer, counts } = setup();
    expect(await writer.reconcile(key, plan, api.object())).toBe('written');
    expect(api.gets).toBe(0);
    expect(api.patches).toEqual([{ resourceVersion: '10', parents: ['ours'] }]);
    expect(await counts()).toEqual({ written: 1 });
  });

  it('sends nothing when the status is unchanged', async () => {
    const { api, writer, counts } = setup();
    api.stored = { resourceVersion: 10, parents: ['ours'] };
    expect(await writer.reconcile(key, plan, api.object())).toBe('unchanged');
    expect(api.patches).toHaveLength(0);
    expect(await counts()).toEqual({ unchanged: 1 });
  });

  it("on 409 reads the route again and recomputes, keeping what was written meanwhile", async () => {
    const { api, writer, counts } = setup();
    api.conflicts = 1;
    expect(await writer.reconcile(key, plan, api.object())).toBe('written');
    expect(api.gets).toBe(1);
    expect(api.patches.map((p) => p.resourceVersion)).toEqual(['10', '11']);
    expect(api.stored?.parents).toEqual(['ours', 'someone else']);
    expect(await counts()).toEqual({ conflict: 1, written: 1 });
  });

  it('gives up after maxAttempts conflicts and says so', async () => {
    const { api, writer, counts } = setup();
    api.conflicts = 100;
    expect(await writer.reconcile(key, plan, api.object())).toBe('conflict');
    expect(api.patches).toHaveLength(5);
    expect(await counts()).toEqual({ conflict: 5 });
  });

  it('writes nothing when not leader', async () => {
    const { api, writer, counts } = setup(false);
    expect(await writer.reconcile(key, plan, api.object())).toBe('notleader');
    expect(api.patches).toHaveLength(0);
    expect(await counts()).toEqual({ notleader: 1 });
  });

  it('checks leadership right before each write, also on a retry', async () => {
    const { api, writer, setLeader } = setup();
    api.conflicts = 1;
    const losing = async (): Promise<unknown> => {
      setLeader(false);
      return api.object();
    };
    api.get = losing;
    expect(await writer.reconcile(key, plan, api.object())).toBe('notleader');
    expect(api.patches).toHaveLength(1);
  });

  it('reads the route when there is no cached copy, and reports a deleted route as gone', async () => {
    const { api, writer, counts } = setup();
    api.stored = undefined;
    expect(await writer.reconcile(key, plan)).toBe('gone');
    expect(api.gets).toBe(1);
    expect(await counts()).toEqual({ gone: 1 });
  });

  it('re-reads once when the cached route is older than our stored status, and never overwrites newer status', async () => {
    const { api, writer, counts } = setup();
    const stale: StatusPlan = { outcome: 'stale', storedGeneration: 3, routeGeneration: 2 };
    expect(await writer.reconcile(key, () => stale, api.object())).toBe('stale');
    expect(api.gets).toBe(1);
    expect(api.patches).toHaveLength(0);
    expect(await counts()).toEqual({ stale: 1 });
  });

  it('counts and rethrows other API errors', async () => {
    const { api, writer, counts } = setup();
    api.fail = new Error('HTTP 500');
    await expect(writer.reconcile(key, plan, api.object())).rejects.toThrow('HTTP 500');
    expect(await counts()).toEqual({ error: 1 });
  });
});

describe('route keys', () => {
  it.each([
    [{ kind: 'HTTPRoute', namespace: 'default', name: 'web' }, 'HTTPRoute/default/web'],
    [{ kind: 'GRPCRoute', namespace: 'a-b', name: 'c.d' }, 'GRPCRoute/a-b/c.d'],
  ] as const)('%j <-> %s', (k, text) => {
    expect(formatRouteKey(k)).toBe(text);
    expect(parseRouteKey(text)).toEqual(k);
  });

  it.each(['Service/default/web', 'HTTPRoute/default', 'HTTPRoute/a/b/c', ''])('rejects %j', (text) => {
    expect(parseRouteKey(text)).toBeUndefined();
  });
});
