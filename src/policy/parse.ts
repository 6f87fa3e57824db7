import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { GammaError, type ErrorCode } from '../errors.ts';
import { resolvePolicy } from './defaults.ts';
import type { Policy } from '../core/policy.ts';
import { policyRuleIds, policySchema, type PolicyDocument } from '../core/policy-schema.ts';

/** The largest policy text accepted: a ConfigMap holds at most 1 MiB in all. */
export const maxPolicyBytes = 1024 * 1024;

/** One thing wrong with a policy document. */
export interface PolicyProblem {
  /**
   * The field, in the document's own terms: `mode`, `rules.MR999`,
   * `exemptions.namespaceSelector.matchLabels["team.example.com/owner"]`, `(document)` for the
   * whole text.
   */
  readonly path: string;
  /** What is wrong, e.g. `must be one of enforce, warn, audit; got "enforced"`. */
  readonly message: string;
  /** The JSON Schema keyword location (`#/properties/mode/enum`), absent for non-schema checks. */
  readonly schemaPath?: string;
  /** 1-based line in the text, when the problem can be placed. */
  readonly line?: number;
}

/**
 * A policy that was refused. `code` says how (YAML, schema, unreadable), `problems` lists every
 * problem found, and the message repeats them as `path: message` so a single log line is enough.
 */
export class PolicyError extends GammaError {
  /** Where the policy came from, e.g. `configmap gamma-system/gamma-webhook-policy`. */
  readonly source: string;
  readonly problems: readonly PolicyProblem[];

  constructor(code: ErrorCode, source: string, problems: readonly PolicyProblem[]) {
    super(code, `${source}: ${problems.map(formatProblem).join('; ')}`);
    this.name = 'PolicyError';
    this.source = source;
    this.problems = problems;
  }
}

/** `line 3: mode: must be one of ...`, the form used in messages and Events. */
export function formatProblem(problem: PolicyProblem): string {
  return `${problem.line === undefined ? '' : `line ${problem.line}: `}${problem.path}: ${problem.message}`;
}

/** The outcome of reading a policy text: the resolved policy, or why it was refused. */
export type PolicyParseResult =
  | { readonly ok: true; readonly policy: Policy; readonly hash: string }
  | { readonly ok: false; readonly error: PolicyError };

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled on first use and then reused (compiling costs milliseconds). */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(policySchema);
  return compiled;
}

/**
 * Checks a parsed value against `policySchema` and the few rules a schema cannot say.
 * Returns every problem found (empty when the value is a valid document); never throws.
 */
export function validatePolicyDocument(value: unknown): PolicyProblem[] {
  const validate = validator();
  const problems: PolicyProblem[] = [];
  if (!validate(value)) {
    const errors = validate.errors ?? [];
    // "must be string" says less than "must be one of ..." about the same value: keep the latter.
    const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
    for (const error of errors) {
      if (error.keyword === 'type' && enumAt.has(error.instancePath)) continue;
      const problem = schemaProblem(error);
      if (problem) problems.push(problem);
    }
  }
  problems.push(...semanticProblems(value));
  return problems;
}

/**
 * Reads a policy document (YAML or JSON text) and resolves it against the built-in defaults.
 *
 * An empty text (or one holding only comments, or `null`) is an empty document: every field at
 * its default. Refused, with every problem listed: text over `maxPolicyBytes`, YAML syntax errors
 * (with their line), duplicate keys, more than one YAML document, anything that does not match
 * `policySchema` (unknown fields, wrong types, unknown values, unknown rule ids), and the checks
 * the schema cannot express (an empty namespaceSelector, selector operators and their values,
 * `backendRequest` longer than `request`). `source` only labels the error. Never throws.
 */
export function parsePolicy(text: string, source: string): PolicyParseResult {
  const refuse = (code: ErrorCode, problems: PolicyProblem[]): PolicyParseResult => ({
    ok: false,
    error: new PolicyError(code, source, problems),
  });
  if (Buffer.byteLength(text, 'utf8') > maxPolicyBytes) {
    return refuse('GAMMA_ERR_POLICY_INVALID', [{ path: '(document)', message: `larger than ${maxPolicyBytes} bytes` }]);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return refuse(
      'GAMMA_ERR_POLICY_YAML',
      document.errors.map((error) => ({
        path: '(document)',
        message: error.code === 'MULTIPLE_DOCS'
          ? 'holds more than one YAML document (---); put the whole policy in one'
          : (error.message.split('\n')[0] ?? error.message),
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    );
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // toJS throws on alias bombs and unresolvable aliases; both are the text's fault.
    return refuse('GAMMA_ERR_POLICY_YAML', [{ path: '(document)', message: error instanceof Error ? error.message : String(error) }]);
  }
  const problems = validatePolicyDocument(value)
    .map((problem) => withLine(problem, document, lineCounter))
    // Document order reads best; problems without a line (none in practice) go last.
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  if (problems.length > 0) return refuse('GAMMA_ERR_POLICY_INVALID', problems);
  const policy = resolvePolicy(value as PolicyDocument);
  return { ok: true, policy, hash: policyHash(policy) };
}

/**
 * A short content hash of a resolved policy (16 hex digits of SHA-256 over its canonical JSON):
 * two documents that mean the same policy have the same hash, whatever their comments, key
 * order or fields spelled out at their default.
 */
export function policyHash(policy: Policy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** JSON pointer (`/a/b/0`) to its unescaped segments. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Segments to the document's notation: `a.b[0]["x.y/z"]`; `(document)` for the root. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number' || /^[0-9]+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** A value as it appears in a message: short, typed (`"yes"` is a string, `yes` would not be). */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The known key a misspelt one most likely meant: within edit distance 2, or with the letters of
 * one in order inside the other (`fixParentGroup` for `fixServiceParentGroup`) and most of its length.
 */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const d = editDistance(w, c);
    const [short, long] = w.length <= c.length ? [w, c] : [c, w];
    const near = d <= 2 || (isSubsequence(short, long) && short.length >= 0.6 * long.length);
    if (near && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Rule ids as ranges, for the message on an unknown id: `MR101-MR109, MR201-MR207, ...`. */
function ruleIdRanges(): string {
  const groups = new Map<string, string[]>();
  for (const id of policyRuleIds) {
    const group = id.slice(0, 3);
    groups.set(group, [...(groups.get(group) ?? []), id]);
  }
  return [...groups.values()].map((ids) => `${ids[0]}-${ids[ids.length - 1]}`).join(', ');
}

/** One ajv error in the document's terms; undefined for wrappers that repeat an inner error. */
function schemaProblem(error: ErrorObject): PolicyProblem | undefined {
  const segments = pointerSegments(error.instancePath);
  const schemaPath = error.schemaPath;
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as { propertyName?: string }).propertyName;
  switch (error.keyword) {
    case 'propertyNames':
      // ajv reports the failing name's own error first (with `propertyName`); this wrapper adds nothing.
      return undefined;
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(key, known);
      return {
        path: formatPath([...segments, key]),
        message: `unknown field${guess ? `; did you mean ${guess}?` : ''} (known: ${known.join(', ')})`,
        schemaPath,
      };
    }
    case 'required':
      return { path: formatPath([...segments, String(params.missingProperty)]), message: 'is required', schemaPath };
    case 'enum': {
      if (propertyName !== undefined) {
        const message = segments.length === 1 && segments[0] === 'rules'
          ? `unknown rule id; ids are ${ruleIdRanges()} (docs/rules.md)`
          : `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
        return { path: formatPath([...segments, propertyName]), message, schemaPath };
      }
      const allowed = params.allowedValues as unknown[];
      // YAML 1.1 tools (Helm's values, some editors) read a bare `off` as false before we see it.
      const hint = error.data === false && allowed.includes('off') ? ' (write "off" in quotes: YAML 1.1 reads a bare off as false)' : '';
      return {
        path: formatPath(segments),
        message: `must be one of ${allowed.join(', ')}; got ${describe(error.data)}${hint}`,
        schemaPath,
      };
    }
    case 'type':
      return { path: formatPath(segments), message: `must be ${String(params.type)}; got ${describe(error.data)}`, schemaPath };
    case 'pattern': {
      const subject = propertyName !== undefined ? 'name' : 'value';
      return {
        path: formatPath(propertyName !== undefined ? [...segments, propertyName] : segments),
        message: `${subject} must match pattern ${String(params.pattern)}; got ${describe(propertyName ?? error.data)}`,
        schemaPath,
      };
    }
    default: {
      const got = propertyName ?? error.data;
      const shown = got === null || typeof got !== 'object' ? `; got ${describe(got)}` : '';
      return {
        path: formatPath(propertyName !== undefined ? [...segments, propertyName] : segments),
        message: `${error.message ?? error.keyword}${shown}`,
        schemaPath,
      };
    }
  }
}

const durationUnitMs: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** A GEP-2257 duration in milliseconds, or undefined when it does not parse. */
function durationMs(text: string): number | undefined {
  if (!/^([0-9]{1,5}(h|m|s|ms)){1,4}$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|h|m|s)/g)) {
    total += Number(amount) * (durationUnitMs[unit ?? ''] ?? 0);
  }
  return total;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * What the schema cannot say. Reads `value` defensively, since it runs even when the schema
 * failed, so that one pass reports every problem.
 */
function semanticProblems(value: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!isRecord(value)) return problems;

  const selector = isRecord(value.exemptions) ? value.exemptions.namespaceSelector : undefined;
  if (isRecord(selector)) {
    const labels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
    const expressionCount = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
    if (labels === 0 && expressionCount === 0) {
      // A Kubernetes selector with no terms matches everything: here, it would exempt every route.
      problems.push({
        path: 'exemptions.namespaceSelector',
        message: 'is empty, which matches every namespace and would exempt every route; give matchLabels or matchExpressions, or remove it (mode: audit turns checks off cluster-wide)',
      });
    }
  }
  const expressions = isRecord(selector) ? selector.matchExpressions : undefined;
  if (Array.isArray(expressions)) {
    expressions.forEach((expression: unknown, i) => {
      if (!isRecord(expression)) return;
      const values = Array.isArray(expression.values) ? expression.values : [];
      const path = formatPath(['exemptions', 'namespaceSelector', 'matchExpressions', i, 'values']);
      if ((expression.operator === 'In' || expression.operator === 'NotIn') && values.length === 0) {
        problems.push({ path, message: `must list at least one value for operator ${expression.operator}` });
      }
      if ((expression.operator === 'Exists' || expression.operator === 'DoesNotExist') && values.length > 0) {
        problems.push({ path, message: `must be empty for operator ${expression.operator}` });
      }
    });
  }

  const timeouts = isRecord(value.mutations) ? value.mutations.defaultTimeouts : undefined;
  if (isRecord(timeouts) && typeof timeouts.request === 'string' && typeof timeouts.backendRequest === 'string') {
    const request = durationMs(timeouts.request);
    const backendRequest = durationMs(timeouts.backendRequest);
    // GEP-1742: a zero request timeout disables it, so any backendRequest fits inside.
    if (request !== undefined && backendRequest !== undefined && request > 0 && backendRequest > request) {
      problems.push({
        path: 'mutations.defaultTimeouts.backendRequest',
        message: `must not be longer than request (${timeouts.request}); got ${timeouts.backendRequest} (MR308 would deny every route it is added to)`,
      });
    }
  }
  return problems;
}

/** Adds the line of the problem's field, when the YAML has a node there. */
function withLine(problem: PolicyProblem, document: Document, lineCounter: LineCounter): PolicyProblem {
  const segments = pathSegmentsOf(problem.path);
  if (segments === undefined) return problem;
  // The deepest node that exists: a missing field is placed on its parent.
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? document.contents : document.getIn(segments.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return { ...problem, line: lineCounter.linePos(range[0]).line };
  }
  return problem;
}

/** Inverse of `formatPath`, for locating a problem in the YAML; undefined for `(document)`. */
function pathSegmentsOf(path: string): (string | number)[] | undefined {
  if (path === '(document)') return undefined;
  const segments: (string | number)[] = [];
  for (const [, name, index, quoted] of path.matchAll(/(?:^|\.)([A-Za-z_][A-Za-z0-9_-]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (name !== undefined) segments.push(name);
    else if (index !== undefined) segments.push(Number(index));
    else if (quoted !== undefined) segments.push(JSON.parse(quoted) as string);
  }
  return segments;
}
