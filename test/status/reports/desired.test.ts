import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/types.ts';
import {
  DROPPED_ANNOTATION,
  MANAGED_BY_LABEL,
  MAX_RESULT_MESSAGE_LENGTH,
  desiredResults,
  planReport,
  severityOf,
  type DesiredReportInput,
  type JudgedRoute,
  type PolicyReportResult,
} from '../../../src/status/reports/desired.ts';

const T0 = new Date('2026-11-30T10:00:00.500Z');
const T1 = new Date('2026-11-30T11:00:00Z');

const missingBackend: Finding = {
  ruleId: 'MR201',
  action: 'deny',
  path: ['spec', 'rules', 0, 'backendRefs', 0],
  message: 'backend Service default/echo-v3 not found',
  status: { condition: 'ResolvedRefs', reason: 'BackendNotFound' },
};
const noTimeout: Finding = { ruleId: 'MR305', action: 'warn', path: ['spec', 'rules', 0], message: 'no request timeout' };
const crossNamespace: Finding = { ruleId: 'MR107', action: 'deny', path: ['spec', 'parentRefs', 0], message: 'parent in another namespace' };

function judged(name: string, findings: Finding[], kind: JudgedRoute['kind'] = 'HTTPRoute'): JudgedRoute {
  return { kind, name, apiVersion: 'gateway.networking.k8s.io/v1', uid: `uid-${name}`, findings };
}

function input(routes: JudgedRoute[], stored?: unknown, extra: Partial<DesiredReportInput> = {}): DesiredReportInput {
  return { namespace: 'shop', name: 'gw-gamma-webhook', routes, maxResults: 500, now: T0, stored, ...extra };
}

/** The report as the API server would hand it back: the sent object, with server metadata. */
function stored(plan: ReturnType<typeof planReport>, resourceVersion = '7'): Record<string, unknown> {
  if (plan.outcome !== 'create' && plan.outcome !== 'update') throw new Error(`expected a write, got ${plan.outcome}`);
  const report = JSON.parse(JSON.stringify(plan.report)) as { metadata: Record<string, unknown> };
  return { ...report, metadata: { ...report.metadata, resourceVersion, uid: 'report-uid', managedFields: [{ manager: 'gamma-webhook' }] } };
}

function results(plan: ReturnType<typeof planReport>): PolicyReportResult[] {
  if (plan.outcome !== 'create' && plan.outcome !== 'update') throw new Error(`expected a write, got ${plan.outcome}`);
  return plan.report.results as PolicyReportResult[];
}

describe('severityOf', () => {
  it('is high when the rule changes the route status, whatever the action', () => {
    expect(severityOf(missingBackend)).toBe('high');
    expect(severityOf({ ...missingBackend, action: 'warn' })).toBe('high');
  });
  it('is medium for other denials and low for other warnings', () => {
    expect(severityOf(crossNamespace)).toBe('medium');
    expect(severityOf(noTimeout)).toBe('low');
  });
});

describe('planReport', () => {
  it('creates a report with one result per finding and a pass per clean route', () => {
    const plan = planReport(input([judged('web', [missingBackend, noTimeout]), judged('api', [])]));
    expect(plan.outcome).toBe('create');
    if (plan.outcome !== 'create') return;
    expect(plan.report).toMatchObject({
      apiVersion: 'wgpolicyk8s.io/v1alpha2',
      kind: 'PolicyReport',
      metadata: { name: 'gw-gamma-webhook', namespace: 'shop', labels: { [MANAGED_BY_LABEL]: 'gamma-webhook' }, annotations: { [DROPPED_ANNOTATION]: '0' } },
      summary: { pass: 1, fail: 1, warn: 1, error: 0, skip: 0 },
    });
    const resource = (name: string) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', name, namespace: 'shop', uid: `uid-${name}` });
    const timestamp = { seconds: Math.floor(T0.getTime() / 1000), nanos: 0 };
    expect(results(plan)).toEqual([
      {
        policy: 'gamma-webhook', rule: 'MR201', result: 'fail', severity: 'high', message: missingBackend.message,
        properties: { path: 'spec.rules[0].backendRefs[0]' }, resources: [resource('web')], source: 'gamma-webhook', timestamp,
      },
      {
        policy: 'gamma-webhook', rule: 'MR305', result: 'warn', severity: 'low', message: noTimeout.message,
        properties: { path: 'spec.rules[0]' }, resources: [resource('web')], source: 'gamma-webhook', timestamp,
      },
      { policy: 'gamma-webhook', result: 'pass', message: 'HTTPRoute api: no finding', resources: [resource('api')], source: 'gamma-webhook', timestamp },
    ]);
  });

  it('does not write when the stored report says the same, even at a later time', () => {
    const first = planReport(input([judged('web', [missingBackend]), judged('api', [])]));
    expect(planReport(input([judged('api', []), judged('web', [missingBackend])], stored(first), { now: T1 }))).toEqual({ outcome: 'unchanged' });
  });

  it('updates with the stored metadata, keeping the timestamps of results that stay', () => {
    const before = stored(planReport(input([judged('web', [missingBackend])])));
    const plan = planReport(input([judged('web', [missingBackend, noTimeout])], before, { now: T1 }));
    expect(plan.outcome).toBe('update');
    if (plan.outcome !== 'update') return;
    expect(plan.report.metadata).toMatchObject({ resourceVersion: '7', uid: 'report-uid' });
    expect(plan.report.metadata).not.toHaveProperty('managedFields');
    expect(results(plan).map((r) => [r.rule, r.timestamp.seconds])).toEqual([
      ['MR201', Math.floor(T0.getTime() / 1000)],
      ['MR305', T1.getTime() / 1000],
    ]);
    expect(plan.report.summary).toEqual({ pass: 0, fail: 1, warn: 1, error: 0, skip: 0 });
  });

  it('finds the stored twin whatever the key order the server stored', () => {
    const before = stored(planReport(input([judged('web', [noTimeout])])));
    const reordered = {
      ...before,
      results: (before.results as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).reverse())),
    };
    expect(planReport(input([judged('web', [noTimeout])], reordered, { now: T1 }))).toEqual({ outcome: 'unchanged' });
  });

  it('turns a fixed route into a pass', () => {
    const before = stored(planReport(input([judged('web', [missingBackend])])));
    const plan = planReport(input([judged('web', [])], before, { now: T1 }));
    expect(results(plan).map((r) => r.result)).toEqual(['pass']);
    expect(plan.outcome === 'update' && plan.report.summary).toEqual({ pass: 1, fail: 0, warn: 0, error: 0, skip: 0 });
  });

  it('deletes our report when no judged route is left, and wants none when there is none', () => {
    const before = stored(planReport(input([judged('web', [])])));
    expect(planReport(input([], before))).toEqual({ outcome: 'delete', resourceVersion: '7' });
    expect(planReport(input([], undefined))).toEqual({ outcome: 'unchanged' });
  });

  it('never touches a report of the same name that is not ours', () => {
    const foreign = { metadata: { name: 'gw-gamma-webhook', namespace: 'shop', labels: { [MANAGED_BY_LABEL]: 'kyverno' } }, results: [] };
    expect(planReport(input([judged('web', [missingBackend])], foreign))).toEqual({ outcome: 'foreign' });
    expect(planReport(input([], foreign))).toEqual({ outcome: 'foreign' });
  });

  it('replaces a malformed report of ours', () => {
    const malformed = { metadata: { labels: { [MANAGED_BY_LABEL]: 'gamma-webhook' }, resourceVersion: '3' }, results: 'nope', summary: 5 };
    const plan = planReport(input([judged('web', [])], malformed));
    expect(plan.outcome).toBe('update');
  });

  it('cuts long messages', () => {
    const long = { ...noTimeout, message: 'x'.repeat(MAX_RESULT_MESSAGE_LENGTH + 50) };
    const [result] = results(planReport(input([judged('web', [long])])));
    expect(result?.message).toHaveLength(MAX_RESULT_MESSAGE_LENGTH);
    expect(result?.message.endsWith('...')).toBe(true);
  });
});

describe('the bound', () => {
  const many = Array.from({ length: 4 }, (_, i) => judged(`ok-${i}`, []));
  const bad = [judged('z-bad', [missingBackend]), judged('a-warned', [noTimeout])];

  it('keeps failures first, then warnings, dropping passes from the end and counting them', () => {
    const { results: kept, summary, dropped } = desiredResults('shop', [...many, ...bad], 3);
    expect(kept.map((r) => [r.result, r.resources[0]?.name])).toEqual([
      ['fail', 'z-bad'],
      ['warn', 'a-warned'],
      ['pass', 'ok-0'],
    ]);
    expect(dropped).toBe(3);
    expect(summary).toEqual({ pass: 4, fail: 1, warn: 1, error: 0, skip: 0 });
  });

  it('says how many were dropped on the report, and nothing is dropped below the bound', () => {
    const plan = planReport(input([...many, ...bad], undefined, { maxResults: 2 }));
    expect(plan.outcome === 'create' && plan.report.metadata).toMatchObject({ annotations: { [DROPPED_ANNOTATION]: '4' } });
    expect(results(plan)).toHaveLength(2);
    expect(desiredResults('shop', [...many, ...bad], 6).dropped).toBe(0);
  });
});
