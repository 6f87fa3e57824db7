import type { Finding } from '../../core/types.ts';
import type { Position } from './positions.ts';
import { describeParent, type ParentStatus } from './status.ts';

/**
 * How much a finding counts in lint, after the policy's mode: `error` is a denial (exit 1),
 * `warning` would be an admission warning (exit 1 only with `--strict`), `note` is a finding
 * the policy keeps out of admission (`mode: audit`) and never fails.
 */
export type Severity = 'error' | 'warning' | 'note';

/** The route a finding is about. */
export interface RouteRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** One finding, placed in its file. */
export interface LintFinding extends Position {
  /** The source's name as reported (the path as given, or `<stdin>`). */
  readonly file: string;
  /** The absolute path of the file; undefined for standard input. */
  readonly absolutePath: string | undefined;
  readonly ruleId: string;
  /** The rule's action after policy and strict mode (the core's), before the policy's mode. */
  readonly action: Finding['action'];
  readonly severity: Severity;
  /** The field path in kubectl's form. */
  readonly path: string;
  /** What is wrong and what to do. */
  readonly message: string;
  /** False when the field is missing and the position is its nearest existing parent's. */
  readonly exact: boolean;
  /** True when `--fix` repairs it (the webhook's mutating door would). */
  readonly fixable: boolean;
  readonly route: RouteRef;
}

/** The status the reconciler would write for one route (`status.ts`), placed at the route in its file. */
export interface RouteStatus {
  readonly file: string;
  /** The line of the route's first key. */
  readonly line: number;
  readonly route: RouteRef;
  readonly parents: readonly ParentStatus[];
}

/** Everything one lint run found. */
export interface LintReport {
  /** How many sources were read. */
  readonly files: number;
  /** How many routes were evaluated. */
  readonly routes: number;
  /** Findings in source order (file, then line, then column). */
  readonly findings: readonly LintFinding[];
  /**
   * Per route with a mesh parent, in source order, the status the reconciler would write; routes
   * without one, and every route when the policy turns status off, are left out.
   */
  readonly statuses: readonly RouteStatus[];
  /** With `--fix`: how many patch operations were written, and into which sources. */
  readonly fixed: { readonly operations: number; readonly files: readonly string[] };
}

/** Counts of a report's findings by severity. */
function countBySeverity(findings: readonly LintFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The exit code of a finished run: 1 when a finding denies, or warns under `--strict`; else 0. */
export function exitCodeOf(report: LintReport, strict: boolean): 0 | 1 {
  const counts = countBySeverity(report.findings);
  return counts.error > 0 || (strict && counts.warning > 0) ? 1 : 0;
}

/** Sorts findings by file (in reading order), line, column, then rule id. */
export function sortFindings(findings: readonly LintFinding[], fileOrder: readonly string[]): LintFinding[] {
  const rank = new Map(fileOrder.map((file, i) => [file, i]));
  return [...findings].sort(
    (a, b) =>
      (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

const label: Record<Severity, string> = { error: 'deny', warning: 'warn', note: 'audit' };
const ansi = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };
const severityColour: Record<Severity, string> = { error: ansi.red, warning: ansi.yellow, note: ansi.cyan };

/**
 * `--status`: per route a `file:line:` header naming the route, then per parent the parent and one
 * indented line per condition (`Accepted=True Accepted: message`).
 */
function statusLines(statuses: readonly RouteStatus[], paint: (code: string, text: string) => string): string[] {
  return statuses.flatMap(({ file, line, route, parents }) => [
    `${paint(ansi.dim, `${file}:${line}:`)} status of ${route.kind} ${route.namespace}/${route.name}`,
    ...parents.flatMap(({ parentRef, conditions }) => [
      `  parent ${describeParent(parentRef, route.namespace)}`,
      ...conditions.map((c) => `    ${paint(c.status === 'True' ? ansi.bold : ansi.yellow, `${c.type}=${c.status}`)} ${c.reason}: ${c.message}`),
    ]),
  ]);
}

/**
 * The human report: one line per finding in the editors' `file:line:column:` form, with `status`
 * the status each route would get (`statusLines`), then a summary line. ANSI colour only when
 * `colour` is true (the caller decides: a terminal, and NO_COLOR unset).
 */
export function formatText(report: LintReport, colour: boolean, status = false): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${ansi.reset}` : text);
  const lines = report.findings.map((f) => {
    const where = paint(ansi.dim, `${f.file}:${f.line}:${f.column}:`);
    const what = paint(severityColour[f.severity], label[f.severity]);
    const id = paint(ansi.bold, f.ruleId);
    const fix = f.fixable ? ' (fixable with --fix)' : '';
    return `${where} ${what} ${id} ${f.path}: ${f.message}${fix} ${paint(ansi.dim, `[${f.route.kind} ${f.route.namespace}/${f.route.name}]`)}`;
  });
  const counts = countBySeverity(report.findings);
  const checked = `${plural(report.routes, 'route')} in ${plural(report.files, 'file')}`;
  const parts = [plural(counts.error, 'denial'), plural(counts.warning, 'warning')];
  if (counts.note > 0) parts.push(plural(counts.note, 'audit finding'));
  const summary =
    report.findings.length === 0 ? `${checked}: no findings` : `${checked}: ${parts.join(', ')}`;
  const fixed =
    report.fixed.operations > 0
      ? [`fixed: ${plural(report.fixed.operations, 'change')} written to ${report.fixed.files.join(', ')}`]
      : [];
  const statuses = status ? statusLines(report.statuses, paint) : [];
  return [...lines, ...statuses, ...fixed, paint(counts.error > 0 ? ansi.red : ansi.bold, summary)].join('\n') + '\n';
}

/**
 * The JSON report, stable for tools: `{version: 1, summary, findings, statuses}`; each status is
 * `{file, line, route, parents: [{parentRef, conditions: [{type, status, reason, message}]}]}`.
 */
export function formatJson(report: LintReport): string {
  const counts = countBySeverity(report.findings);
  const body = {
    version: 1,
    summary: {
      files: report.files,
      routes: report.routes,
      denials: counts.error,
      warnings: counts.warning,
      audit: counts.note,
      fixed: report.fixed,
    },
    findings: report.findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ruleId: f.ruleId,
      action: f.action,
      severity: f.severity,
      path: f.path,
      message: f.message,
      exact: f.exact,
      fixable: f.fixable,
      route: f.route,
    })),
    statuses: report.statuses,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
