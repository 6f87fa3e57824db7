/**
 * The desired PolicyReport (`wgpolicyk8s.io/v1alpha2`) of one namespace, from the core's findings
 * on the routes in it. Pure: findings, the stored report and the time come in, what to send comes
 * out; no I/O, no clock, no logging. `reconciler.ts` alone reads and writes reports.
 *
 * The report, as this module keeps it:
 * - one result per route and finding: policy `gamma-webhook`, rule the finding's id, result `fail`
 *   for a deny finding and `warn` for a warn finding, a severity (`severityOf`), the message, the
 *   field path as the `path` property, the route as the one resource, `source: gamma-webhook`;
 * - one `pass` result (no rule, no severity) for each judged route without findings;
 * - results ordered fail, warn, pass, then by route and rule; at most `maxResults` of them: the
 *   rest are dropped from the end (passes first, then warnings) and counted in the
 *   `gamma-webhook.io/dropped-results` annotation, while `summary` counts every result, dropped ones
 *   included;
 * - a result's `timestamp` is when it was first seen: a result the stored report already has keeps
 *   its stored timestamp, and the comparison of desired and stored ignores timestamps, so a
 *   resync of a converged namespace never writes;
 * - no judged route in the namespace: no report (a stored one of ours is deleted);
 * - a stored report of that name without our `app.kubernetes.io/managed-by` label belongs to
 *   someone else and is never touched.
 */
import { fieldPath, type Finding, type RouteKind } from '../../core/index.ts';
import { dig, integer, jsonEqual, list, record, text } from '../../gateway/index.ts';
import { canonical } from '../desired.ts';

export const REPORT_API_VERSION = 'wgpolicyk8s.io/v1alpha2';
/** The `policy` and `source` of every result. */
export const REPORT_POLICY = 'gamma-webhook';
export const REPORT_SOURCE = 'gamma-webhook';
/** The label that marks a report as ours (the value is `REPORT_SOURCE`). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** How many results were left out for the bound. */
export const DROPPED_ANNOTATION = 'gamma-webhook.io/dropped-results';
/** The default and the largest `maxResults`: a report stays well under etcd's 1.5 MiB object limit. */
export const DEFAULT_MAX_RESULTS = 500;
export const MAX_RESULTS_LIMIT = 1000;
/** A result's message is cut to this many characters (with `...`), so that the bound bounds bytes too. */
export const MAX_RESULT_MESSAGE_LENGTH = 512;

export type ResultKind = 'pass' | 'fail' | 'warn' | 'error' | 'skip';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A route judged by the core (door `status`), with what it found. */
export interface JudgedRoute {
  readonly kind: RouteKind;
  readonly name: string;
  /** The route's `apiVersion` and `metadata.uid` as cached. */
  readonly apiVersion: string;
  readonly uid: string | undefined;
  readonly findings: readonly Finding[];
}

export interface DesiredReportInput {
  readonly namespace: string;
  /** The report's name (config: policy-report-name, the release's full name in the chart). */
  readonly name: string;
  /** The namespace's judged routes; unjudged ones (no mesh parent, exempt) are not passed. */
  readonly routes: readonly JudgedRoute[];
  readonly maxResults: number;
  /** The stamp of results not in the stored report. */
  readonly now: Date;
  /** The report as read from the API server; undefined when there is none. */
  readonly stored: unknown;
}

export interface PolicyReportResult {
  readonly policy: string;
  readonly rule?: string;
  readonly result: ResultKind;
  readonly severity?: Severity;
  readonly message: string;
  readonly properties?: Readonly<Record<string, string>>;
  readonly resources: readonly {
    readonly apiVersion: string;
    readonly kind: string;
    readonly name: string;
    readonly namespace: string;
    readonly uid?: string;
  }[];
  readonly source: string;
  readonly timestamp: { readonly seconds: number; readonly nanos: number };
}

export type ReportSummary = Readonly<Record<ResultKind, number>>;

/**
 * What to do with the namespace's report:
 * - `create`/`update`: send `report` (an update carries the stored metadata, resourceVersion
 *   included, so a write based on an old read gets 409 Conflict);
 * - `delete`: our stored report describes no judged route any more; delete it at `resourceVersion`;
 * - `unchanged`: the stored report already says this (or there is none and none is wanted);
 * - `foreign`: a report of that name exists but is not ours.
 */
export type ReportPlan =
  | { readonly outcome: 'create' | 'update'; readonly report: Readonly<Record<string, unknown>>; readonly dropped: number }
  | { readonly outcome: 'delete'; readonly resourceVersion: string | undefined }
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'foreign' };

/**
 * The severity of a finding's result:
 * - `high`: the rule changes what the mesh does with the route (its findings set Accepted=False,
 *   ResolvedRefs=False or drop a route rule), whatever the action;
 * - `medium`: any other deny finding;
 * - `low`: any other warn finding.
 */
export function severityOf(finding: Pick<Finding, 'action' | 'status'>): Severity {
  if (finding.status !== undefined) return 'high';
  return finding.action === 'deny' ? 'medium' : 'low';
}

function truncate(message: string): string {
  return message.length <= MAX_RESULT_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_RESULT_MESSAGE_LENGTH - 3)}...`;
}

const order: Readonly<Record<ResultKind, number>> = { fail: 0, error: 1, warn: 2, skip: 3, pass: 4 };

/** A result without its timestamp, to compare and to find a stored twin. */
type Untimed = Omit<PolicyReportResult, 'timestamp'>;

function resultsOf(namespace: string, route: JudgedRoute): Untimed[] {
  const resource = { apiVersion: route.apiVersion, kind: route.kind, name: route.name, namespace, ...(route.uid === undefined ? {} : { uid: route.uid }) };
  const common = { policy: REPORT_POLICY, resources: [resource], source: REPORT_SOURCE };
  if (route.findings.length === 0) {
    return [{ ...common, result: 'pass', message: `${route.kind} ${route.name}: no finding` }];
  }
  return route.findings.map((f) => ({
    ...common,
    rule: f.ruleId,
    result: f.action === 'deny' ? 'fail' : 'warn',
    severity: severityOf(f),
    message: truncate(f.message),
    properties: { path: fieldPath(f.path) },
  }));
}

function sortKey(r: Untimed): string {
  const resource = r.resources[0];
  return `${order[r.result]}\u0000${resource?.kind ?? ''}\u0000${resource?.name ?? ''}\u0000${r.rule ?? ''}\u0000${r.properties?.path ?? ''}\u0000${r.message}`;
}

/** A stored result without its timestamp; anything that is not an object reads as `{}`. */
function untimed(result: unknown): Readonly<Record<string, unknown>> {
  const { timestamp: _ignored, ...rest } = record(result) ?? {};
  return rest;
}

/** Every result, ordered, with the summary over all of them and the bounded list. */
export function desiredResults(namespace: string, routes: readonly JudgedRoute[], maxResults: number): { results: Untimed[]; summary: ReportSummary; dropped: number } {
  const all = routes.flatMap((route) => resultsOf(namespace, route));
  const keyed = all.map((r) => [sortKey(r), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const summary: Record<ResultKind, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const r of all) summary[r.result] += 1;
  const kept = keyed.slice(0, Math.max(0, maxResults)).map(([, r]) => r);
  return { results: kept, summary, dropped: all.length - kept.length };
}

/** Stamps each result with its stored twin's timestamp, or `now` when it is new. */
function stamp(results: readonly Untimed[], stored: readonly unknown[], now: Date): PolicyReportResult[] {
  const seen = new Map<string, unknown>();
  for (const s of stored) {
    const key = canonical(untimed(s));
    const timestamp = dig(s, 'timestamp');
    if (!seen.has(key) && integer(dig(timestamp, 'seconds')) !== undefined) seen.set(key, timestamp);
  }
  const fresh = { seconds: Math.floor(now.getTime() / 1000), nanos: 0 };
  return results.map((r) => {
    const before = seen.get(canonical(r)) as PolicyReportResult['timestamp'] | undefined;
    return { ...r, timestamp: before ?? fresh };
  });
}

function isOurs(stored: unknown): boolean {
  return text(dig(stored, 'metadata', 'labels', MANAGED_BY_LABEL)) === REPORT_SOURCE;
}

/** The parts of a report this module decides, from a stored report, timestamps left out. */
function comparable(report: unknown): unknown {
  return {
    summary: dig(report, 'summary') ?? null,
    results: list(dig(report, 'results')).map(untimed),
    dropped: text(dig(report, 'metadata', 'annotations', DROPPED_ANNOTATION)) ?? null,
    ours: isOurs(report),
  };
}

/**
 * Decides what to do with the namespace's report (see `ReportPlan`). Never throws, whatever the
 * stored report's shape: a malformed stored report of ours is replaced.
 */
export function planReport(input: DesiredReportInput): ReportPlan {
  const stored = input.stored ?? undefined;
  if (stored !== undefined && !isOurs(stored)) return { outcome: 'foreign' };
  const resourceVersion = text(dig(stored, 'metadata', 'resourceVersion'));
  if (input.routes.length === 0) return stored === undefined ? { outcome: 'unchanged' } : { outcome: 'delete', resourceVersion };

  const { results, summary, dropped } = desiredResults(input.namespace, input.routes, input.maxResults);
  const annotations = { ...record(dig(stored, 'metadata', 'annotations')), [DROPPED_ANNOTATION]: String(dropped) };
  const labels = { ...record(dig(stored, 'metadata', 'labels')), [MANAGED_BY_LABEL]: REPORT_SOURCE };
  // managedFields are the server's bookkeeping: left out, the server keeps them.
  const { managedFields: _server, ...storedMetadata } = record(dig(stored, 'metadata')) ?? {};
  const metadata = { ...storedMetadata, name: input.name, namespace: input.namespace, labels, annotations };
  const report = {
    apiVersion: REPORT_API_VERSION,
    kind: 'PolicyReport',
    metadata,
    summary,
    results: stamp(results, list(dig(stored, 'results')), input.now),
  };
  if (stored === undefined) return { outcome: 'create', report, dropped };
  if (jsonEqual(comparable(report), comparable(stored))) return { outcome: 'unchanged' };
  return { outcome: 'update', report, dropped };
}
