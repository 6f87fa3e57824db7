import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ConditionVerdict, ParentVerdict } from '../../src/core/types.ts';
import { desiredParents, formatTime, parentsEqual, planStatus, MAX_MESSAGE_LENGTH } from '../../src/status/desired.ts';

const ours = 'gamma-webhook.io/mesh-route-status';
const T0 = '2026-11-22T08:00:00Z';
const now = new Date('2026-11-22T09:30:15.678Z');
const NOW = '2026-11-22T09:30:15Z';

const accepted: ConditionVerdict = { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'the parent Service accepts the route' };
const resolved: ConditionVerdict = { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'every backend reference resolves' };
const noParent: ConditionVerdict = { type: 'Accepted', status: 'False', reason: 'NoMatchingParent', message: 'MR102 spec.parentRefs[0]: parent Service default/echo not found' };
const noBackend: ConditionVerdict = { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: 'MR201 spec.rules[0].backendRefs[0]: backend Service default/echo-v3 not found' };
const partial: ConditionVerdict = { type: 'PartiallyInvalid', status: 'True', reason: 'UnsupportedValue', message: 'Dropped Rule 1: MR307 ...' };

function verdict(parentIndex: number, ref: Record<string, unknown>, conditions: ConditionVerdict[]): ParentVerdict {
  return { parentIndex, parentRef: { group: '', kind: 'Service', ...ref }, conditions };
}

function route(parents: unknown[] | undefined, generation = 3, namespace = 'default'): unknown {
  return {
    metadata: { name: 'web', namespace, generation, resourceVersion: '42' },
    spec: {},
    ...(parents === undefined ? {} : { status: { parents } }),
  };
}

function cond(c: ConditionVerdict, time: string, generation = 3): Record<string, unknown> {
  return { type: c.type, status: c.status, observedGeneration: generation, lastTransitionTime: time, reason: c.reason, message: c.message };
}

function entry(ref: Record<string, unknown>, conditions: Record<string, unknown>[], controllerName = ours): Record<string, unknown> {
  return { parentRef: { group: '', kind: 'Service', ...ref }, controllerName, conditions };
}

const gatewayEntry = {
  parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'edge', namespace: 'infra' },
  controllerName: 'example.com/gateway',
  conditions: [{ type: 'Accepted', status: 'True', observedGeneration: 1, lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'Accepted', message: 'ok' }],
};

describe('desiredParents', () => {
  it.each<[string, unknown, ParentVerdict[], unknown[]]>([
    ['no status yet: one entry per mesh parent, stamped now', route(undefined), [verdict(0, { name: 'echo' }, [accepted, resolved])], [entry({ name: 'echo' }, [cond(accepted, NOW), cond(resolved, NOW)])]],
    [
      'status unchanged: lastTransitionTime kept, observedGeneration raised',
      route([entry({ name: 'echo' }, [cond(accepted, T0, 2), cond(resolved, T0, 2)])]),
      [verdict(0, { name: 'echo' }, [accepted, resolved])],
      [entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])],
    ],
    [
      'status flips: only the flipped condition gets a new time',
      route([entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])]),
      [verdict(0, { name: 'echo' }, [accepted, noBackend])],
      [entry({ name: 'echo' }, [cond(accepted, T0), cond(noBackend, NOW)])],
    ],
    [
      'reason and message change without a status change: time kept',
      route([entry({ name: 'echo' }, [cond(noParent, T0), cond(resolved, T0)])]),
      [verdict(0, { name: 'echo' }, [{ ...noParent, reason: 'UnsupportedValue', message: 'MR104 headless' }, resolved])],
      [entry({ name: 'echo' }, [cond({ ...noParent, reason: 'UnsupportedValue', message: 'MR104 headless' }, T0), cond(resolved, T0)])],
    ],
    [
      "other controllers' entries kept exactly and in place",
      route([gatewayEntry, entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])]),
      [verdict(1, { name: 'echo' }, [accepted, resolved])],
      [gatewayEntry, entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])],
    ],
    [
      'a parentRef that left the spec: its entry is removed',
      route([entry({ name: 'old' }, [cond(accepted, T0)]), gatewayEntry, entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])]),
      [verdict(0, { name: 'echo' }, [accepted, resolved])],
      [gatewayEntry, entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])],
    ],
    ['route no longer judged: our entries removed, others kept', route([gatewayEntry, entry({ name: 'echo' }, [cond(accepted, T0)])]), [], [gatewayEntry]],
    [
      'the same parent spelled with the namespace: matched, time kept, parentRef copied as in the spec',
      route([entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])]),
      [verdict(0, { name: 'echo', namespace: 'default' }, [accepted, resolved])],
      [entry({ name: 'echo', namespace: 'default' }, [cond(accepted, T0), cond(resolved, T0)])],
    ],
    [
      'port and sectionName tell parents apart',
      route([entry({ name: 'echo', port: 80 }, [cond(accepted, T0)])]),
      [verdict(0, { name: 'echo', port: 8080 }, [accepted]), verdict(1, { name: 'echo', port: 80 }, [accepted])],
      [entry({ name: 'echo', port: 80 }, [cond(accepted, T0)]), entry({ name: 'echo', port: 8080 }, [cond(accepted, NOW)])],
    ],
    [
      'PartiallyInvalid gone when all rules are usable again (never False)',
      route([entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0), cond(partial, T0)])]),
      [verdict(0, { name: 'echo' }, [accepted, resolved])],
      [entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)])],
    ],
    [
      'condition types we do not own are merged, not removed',
      route([entry({ name: 'echo' }, [cond(accepted, T0), { type: 'example.com/Ready', status: 'True', lastTransitionTime: T0, reason: 'Ready', message: 'x' }])]),
      [verdict(0, { name: 'echo' }, [accepted, resolved])],
      [entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, NOW), { type: 'example.com/Ready', status: 'True', lastTransitionTime: T0, reason: 'Ready', message: 'x' }])],
    ],
    [
      'group and kind written out, unknown parentRef fields not copied',
      route(undefined),
      [{ parentIndex: 0, parentRef: { name: 'echo', port: 80, extra: true }, conditions: [accepted] }],
      [{ parentRef: { name: 'echo', port: 80, group: '', kind: 'Service' }, controllerName: ours, conditions: [cond(accepted, NOW)] }],
    ],
    [
      'a repeated parentRef gets one entry',
      route(undefined),
      [verdict(0, { name: 'echo' }, [accepted]), verdict(1, { name: 'echo', namespace: 'default' }, [noParent])],
      [entry({ name: 'echo' }, [cond(accepted, NOW)])],
    ],
  ])('%s', (_, stored, verdicts, expected) => {
    expect(desiredParents({ route: stored, verdicts, controllerName: ours, now }).parents).toEqual(expected);
  });

  it("keeps other controllers' entries untouched as the same objects", () => {
    const stored = route([gatewayEntry]);
    const { parents } = desiredParents({ route: stored, verdicts: [verdict(0, { name: 'echo' }, [accepted])], controllerName: ours, now });
    expect(parents[0]).toBe(gatewayEntry);
  });

  it('removes entries of a retired controllerName and carries their times over', () => {
    const stored = route([entry({ name: 'echo' }, [cond(accepted, T0)], 'old.example.com/status')]);
    const result = desiredParents({ route: stored, verdicts: [verdict(0, { name: 'echo' }, [accepted])], controllerName: ours, now, retiredControllerNames: ['old.example.com/status'] });
    expect(result.parents).toEqual([entry({ name: 'echo' }, [cond(accepted, T0)])]);
  });

  it('never exceeds 32 parents and drops ours, not theirs', () => {
    const others = Array.from({ length: 30 }, (_, i) => ({ ...gatewayEntry, parentRef: { ...gatewayEntry.parentRef, name: `gw-${i}` } }));
    const verdicts = Array.from({ length: 5 }, (_, i) => verdict(i, { name: `svc-${i}` }, [accepted]));
    const result = desiredParents({ route: route(others), verdicts, controllerName: ours, now });
    expect(result.parents).toHaveLength(32);
    expect(result.parents.slice(0, 30)).toEqual(others);
    expect(result.parents.slice(30)).toEqual([entry({ name: 'svc-0' }, [cond(accepted, NOW)]), entry({ name: 'svc-1' }, [cond(accepted, NOW)])]);
    expect(result.droppedParents).toBe(3);
  });

  it('never exceeds 8 conditions per parent', () => {
    const foreign = Array.from({ length: 9 }, (_, i) => ({ type: `example.com/C${i}`, status: 'True', lastTransitionTime: T0, reason: 'R', message: 'm' }));
    const stored = route([entry({ name: 'echo' }, foreign)]);
    const [first] = desiredParents({ route: stored, verdicts: [verdict(0, { name: 'echo' }, [accepted, resolved])], controllerName: ours, now }).parents;
    const conditions = (first as { conditions: { type: string }[] }).conditions;
    expect(conditions).toHaveLength(8);
    expect(conditions.slice(0, 2).map((c) => c.type)).toEqual(['Accepted', 'ResolvedRefs']);
  });

  it('truncates messages to the CRD limit', () => {
    const long = { ...noBackend, message: 'x'.repeat(MAX_MESSAGE_LENGTH + 10) };
    const [first] = desiredParents({ route: route(undefined), verdicts: [verdict(0, { name: 'echo' }, [long])], controllerName: ours, now }).parents;
    const message = (first as { conditions: { message: string }[] }).conditions[0]?.message ?? '';
    expect(message).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(message.endsWith('...')).toBe(true);
  });

  it.each([null, 7, 'text', { metadata: 'x', status: { parents: 'no' } }, { status: { parents: [null, 3, { controllerName: ours }] } }])('never throws on a malformed route: %j', (stored) => {
    expect(() => desiredParents({ route: stored, verdicts: [verdict(0, { name: 'echo' }, [accepted])], controllerName: ours, now })).not.toThrow();
  });
});

describe('parentsEqual', () => {
  const a = entry({ name: 'echo' }, [cond(accepted, T0), cond(resolved, T0)]);
  it.each<[string, unknown, unknown, boolean]>([
    ['identical', [a, gatewayEntry], [a, gatewayEntry], true],
    ['parents in another order', [a, gatewayEntry], [gatewayEntry, a], true],
    ['conditions in another order', [a], [entry({ name: 'echo' }, [cond(resolved, T0), cond(accepted, T0)])], true],
    ['only lastTransitionTime differs', [a], [entry({ name: 'echo' }, [cond(accepted, NOW), cond(resolved, '2020-01-01T00:00:00Z')])], true],
    ['key order differs', [a], [JSON.parse(JSON.stringify({ conditions: a.conditions, controllerName: ours, parentRef: { kind: 'Service', name: 'echo', group: '' } }))], true],
    ['observedGeneration differs', [a], [entry({ name: 'echo' }, [cond(accepted, T0, 2), cond(resolved, T0)])], false],
    ['message differs', [a], [entry({ name: 'echo' }, [cond({ ...accepted, message: 'other' }, T0), cond(resolved, T0)])], false],
    ['an entry more', [a], [a, gatewayEntry], false],
    ['the same entry twice vs once each', [a, a], [a, gatewayEntry], false],
    ['parentRef spelled differently', [a], [entry({ name: 'echo', namespace: 'default' }, [cond(accepted, T0), cond(resolved, T0)])], false],
    ['absent vs empty', undefined, [], true],
  ])('%s -> %s', (_, left, right, expected) => {
    expect(parentsEqual(left, right)).toBe(expected);
    expect(parentsEqual(right, left)).toBe(expected);
  });
});

describe('planStatus', () => {
  it('writes the desired list when it differs', () => {
    const plan = planStatus({ route: route(undefined), verdicts: [verdict(0, { name: 'echo' }, [accepted])], controllerName: ours, now });
    expect(plan).toEqual({ outcome: 'write', parents: [entry({ name: 'echo' }, [cond(accepted, NOW)])], droppedParents: 0 });
  });

  it('is unchanged on a converged route at a later time (a resync never writes)', () => {
    const verdicts = [verdict(0, { name: 'echo' }, [accepted, noBackend])];
    const first = planStatus({ route: route(undefined), verdicts, controllerName: ours, now });
    if (first.outcome !== 'write') throw new Error('expected a write');
    const stored = route([...first.parents].reverse());
    expect(planStatus({ route: stored, verdicts, controllerName: ours, now: new Date('2030-01-01T00:00:00Z') })).toEqual({ outcome: 'unchanged' });
  });

  it('is unchanged for a route with no mesh parent and no status', () => {
    expect(planStatus({ route: route(undefined), verdicts: [], controllerName: ours, now })).toEqual({ outcome: 'unchanged' });
  });

  it('is stale when our stored status describes a newer generation', () => {
    const stored = route([entry({ name: 'echo' }, [cond(accepted, T0, 5)])], 4);
    expect(planStatus({ route: stored, verdicts: [verdict(0, { name: 'echo' }, [noParent])], controllerName: ours, now })).toEqual({ outcome: 'stale', storedGeneration: 5, routeGeneration: 4 });
  });

  it("ignores other controllers' newer observedGeneration", () => {
    const stored = route([{ ...gatewayEntry, conditions: [{ ...gatewayEntry.conditions[0], observedGeneration: 9 }] }], 4);
    expect(planStatus({ route: stored, verdicts: [verdict(0, { name: 'echo' }, [accepted])], controllerName: ours, now }).outcome).toBe('write');
  });
});

describe('formatTime', () => {
  it('writes RFC 3339 with seconds precision, as the API server stores metav1.Time', () => {
    expect(formatTime(now)).toBe(NOW);
  });
});

describe('purity', () => {
  it('imports nothing from node:, client-node, fastify or pino', () => {
    const source = readFileSync(new URL('../../src/status/desired.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.filter((i) => !i?.startsWith('.'))).toEqual([]);
  });
});
