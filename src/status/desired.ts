/**
 * The desired `status.parents` of one route (docs/rules.md "Status", STYLE.md §6 "Compute status, then
 * write it"). Pure: the route, the core's per-parent verdicts and the time come in, the new list
 * comes out; no I/O, no clock, no logging. `writer.ts` alone sends the result to the API server.
 *
 * Gateway API's `RouteStatus`/`RouteParentStatus` contract, as this module keeps it:
 * - one entry per mesh parentRef with our `controllerName`, `parentRef` copied from the spec with
 *   `group: ""` and `kind: Service` written out (an omitted group or kind would be defaulted to
 *   Gateway by the API server: fixtures B-05-status-omitted-group-kind);
 * - entries of other controllers are kept exactly, in place; ours whose parentRef left the spec
 *   are removed (no stale parents);
 * - every condition carries `observedGeneration`; `lastTransitionTime` changes only when the
 *   condition's status changes;
 * - at most 32 parents (other controllers' entries are never dropped to make room; ours beyond
 *   the limit are) and at most 8 conditions per entry;
 * - the comparison of computed and stored status ignores the order of parents and conditions and
 *   `lastTransitionTime`, so a resync of a converged route never writes.
 */
import type { ParentVerdict } from '../core/types.ts';
import { GATEWAY_GROUP, dig, integer, list, record, text } from '../gateway/index.ts';
import { RouteConditionType } from '../gateway/conditions.ts';

/** `RouteStatus.parents` maxItems. */
export const MAX_PARENTS = 32;
/** `RouteParentStatus.conditions` maxItems. */
export const MAX_CONDITIONS = 8;
/** `Condition.message` maxLength. */
export const MAX_MESSAGE_LENGTH = 32768;

/** The condition types this controller owns inside its own entries; other types there are kept. */
const OWNED_TYPES: ReadonlySet<string> = new Set(Object.values(RouteConditionType));

/** The parentRef fields of `ParentReference`; anything else is not part of the API and is not copied. */
const PARENT_REF_FIELDS = ['group', 'kind', 'namespace', 'name', 'sectionName', 'port'] as const;

/** A condition as stored on a route (`metav1.Condition`). */
export interface StatusCondition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly observedGeneration?: number;
  /** RFC 3339, seconds precision (`2026-11-22T08:52:00Z`). */
  readonly lastTransitionTime: string;
  readonly reason: string;
  readonly message: string;
}

/** One of our `status.parents[]` entries. */
export interface RouteParentStatus {
  readonly parentRef: Readonly<Record<string, unknown>>;
  readonly controllerName: string;
  readonly conditions: readonly StatusCondition[];
}

export interface DesiredStatusInput {
  /** The route as stored (untrusted: any shape). Read: metadata.namespace, metadata.generation, status.parents. */
  readonly route: unknown;
  /** `evaluate(...).parents`: one verdict per mesh parentRef; empty when the route is not judged. */
  readonly verdicts: readonly ParentVerdict[];
  /** Our controllerName (`domain/path`). */
  readonly controllerName: string;
  /** The time to stamp on conditions whose status changes. */
  readonly now: Date;
  /**
   * controllerNames this controller used before (a policy change renamed it): their entries are
   * ours too, and are removed.
   */
  readonly retiredControllerNames?: readonly string[];
}

/**
 * What the writer should do:
 * - `write`: `parents` is the complete new `status.parents` (other controllers' entries included,
 *   as the same objects); `droppedParents` counts our entries left out for the 32-parent limit.
 * - `unchanged`: the stored status already says this (ignoring order and lastTransitionTime).
 * - `stale`: one of our stored conditions has an observedGeneration newer than the route's
 *   generation, so the route read is older than the one our status describes: read it again,
 *   never overwrite newer status with older.
 */
export type StatusPlan =
  | { readonly outcome: 'write'; readonly parents: readonly unknown[]; readonly droppedParents: number }
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'stale'; readonly storedGeneration: number; readonly routeGeneration: number };

/** RFC 3339 with seconds precision, the form the API server stores for `metav1.Time`. */
export function formatTime(time: Date): string {
  return time.toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * A key that names the same parent whatever the spelling: group and kind with the CRD's defaults
 * (an entry written by a controller that omitted them reads back as Gateway), namespace defaulted
 * to the route's.
 */
function parentKey(ref: unknown, routeNamespace: string): string {
  const group = text(dig(ref, 'group')) ?? GATEWAY_GROUP;
  const kind = text(dig(ref, 'kind')) ?? 'Gateway';
  const namespace = text(dig(ref, 'namespace')) || routeNamespace;
  const port = integer(dig(ref, 'port'));
  return JSON.stringify([group, kind, namespace, text(dig(ref, 'name')) ?? '', text(dig(ref, 'sectionName')) ?? '', port ?? null]);
}

/** The spec's parentRef with only `ParentReference` fields, and `group: ""`, `kind: Service` written out. */
function statusParentRef(ref: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const field of PARENT_REF_FIELDS) {
    if (ref[field] !== undefined) copy[field] = ref[field];
  }
  copy.group = '';
  copy.kind = 'Service';
  return copy;
}

function truncate(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 3)}...`;
}

/** A stored condition with every field the CRD requires; anything else could not have been stored. */
function isCondition(value: unknown): value is StatusCondition {
  const status = dig(value, 'status');
  return (
    text(dig(value, 'type')) !== undefined &&
    (status === 'True' || status === 'False' || status === 'Unknown') &&
    text(dig(value, 'lastTransitionTime')) !== undefined &&
    text(dig(value, 'reason')) !== undefined &&
    text(dig(value, 'message')) !== undefined
  );
}

function isOurs(entry: unknown, names: ReadonlySet<string>): boolean {
  const name = text(dig(entry, 'controllerName'));
  return name !== undefined && names.has(name);
}

/** The largest observedGeneration among the conditions of our stored entries, or undefined. */
function storedGeneration(parents: readonly unknown[], names: ReadonlySet<string>): number | undefined {
  let newest: number | undefined;
  for (const entry of parents) {
    if (!isOurs(entry, names)) continue;
    for (const condition of list(dig(entry, 'conditions'))) {
      const generation = integer(dig(condition, 'observedGeneration'));
      if (generation !== undefined && (newest === undefined || generation > newest)) newest = generation;
    }
  }
  return newest;
}

/** Builds our entry for one verdict, carrying lastTransitionTime and foreign condition types over from `previous`. */
function ourEntry(verdict: ParentVerdict, previous: unknown, controllerName: string, generation: number | undefined, now: string): RouteParentStatus {
  const before = new Map<string, unknown>();
  for (const condition of list(dig(previous, 'conditions'))) {
    const type = text(dig(condition, 'type'));
    if (type !== undefined && !before.has(type)) before.set(type, condition);
  }
  const seen = new Set<string>();
  const conditions: StatusCondition[] = [];
  for (const condition of verdict.conditions) {
    if (seen.has(condition.type)) continue;
    seen.add(condition.type);
    const old = before.get(condition.type);
    const oldTime = text(dig(old, 'lastTransitionTime'));
    const keepTime = old !== undefined && dig(old, 'status') === condition.status && oldTime !== undefined;
    conditions.push({
      type: condition.type,
      status: condition.status,
      ...(generation === undefined ? {} : { observedGeneration: generation }),
      lastTransitionTime: keepTime ? oldTime : now,
      reason: condition.reason,
      message: truncate(condition.message),
    });
  }
  // Condition types we do not own (set by a cooperating component) are merged, never removed.
  for (const [type, condition] of before) {
    if (OWNED_TYPES.has(type) || seen.has(type) || !isCondition(condition)) continue;
    conditions.push(condition);
  }
  return { parentRef: statusParentRef(verdict.parentRef), controllerName, conditions: conditions.slice(0, MAX_CONDITIONS) };
}

/**
 * The new `status.parents` for the route, without comparing it to the stored one. Our entries
 * take the positions of the entries they replace; new ones follow, in spec order. A verdict
 * whose parentRef repeats an earlier one (same parent, however spelled) is left out, since the
 * API keys entries by parent.
 */
export function desiredParents(input: DesiredStatusInput): { parents: unknown[]; droppedParents: number } {
  const routeNamespace = text(dig(input.route, 'metadata', 'namespace')) ?? '';
  const generation = integer(dig(input.route, 'metadata', 'generation'));
  const names = new Set([input.controllerName, ...(input.retiredControllerNames ?? [])]);
  const stored = list(dig(input.route, 'status', 'parents'));
  const now = formatTime(input.now);

  const previousByParent = new Map<string, unknown>();
  for (const entry of stored) {
    if (!isOurs(entry, names)) continue;
    const key = parentKey(dig(entry, 'parentRef'), routeNamespace);
    // The entry under the current name wins over one under a retired name.
    if (!previousByParent.has(key) || text(dig(entry, 'controllerName')) === input.controllerName) previousByParent.set(key, entry);
  }

  const wanted = new Map<string, RouteParentStatus>();
  for (const verdict of input.verdicts) {
    const ref = statusParentRef(verdict.parentRef);
    const key = parentKey(ref, routeNamespace);
    if (wanted.has(key)) continue;
    wanted.set(key, ourEntry(verdict, previousByParent.get(key), input.controllerName, generation, now));
  }

  const others = stored.filter((entry) => !isOurs(entry, names)).length;
  const room = Math.max(0, MAX_PARENTS - others);
  const ours = [...wanted.keys()];
  const admitted = new Set(ours.slice(0, room));

  const parents: unknown[] = [];
  const placed = new Set<string>();
  for (const entry of stored) {
    if (!isOurs(entry, names)) {
      parents.push(entry);
      continue;
    }
    const key = parentKey(dig(entry, 'parentRef'), routeNamespace);
    const replacement = wanted.get(key);
    if (replacement !== undefined && admitted.has(key) && !placed.has(key)) {
      parents.push(replacement);
      placed.add(key);
    }
  }
  for (const key of ours) {
    const entry = wanted.get(key);
    if (entry !== undefined && admitted.has(key) && !placed.has(key)) {
      parents.push(entry);
      placed.add(key);
    }
  }
  return { parents, droppedParents: ours.length - admitted.size };
}

/** JSON with object keys sorted, so that equal data gives equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const r = record(value);
  if (r !== undefined) {
    const keys = Object.keys(r).filter((k) => r[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(r[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An entry's comparable form: conditions sorted by type, without lastTransitionTime. */
function comparable(entry: unknown): string {
  const r = record(entry);
  if (r === undefined || !Array.isArray(r.conditions)) return canonical(entry);
  const conditions = r.conditions
    .map((c) => {
      const fields = record(c);
      if (fields === undefined) return canonical(c);
      const { lastTransitionTime: _ignored, ...rest } = fields;
      return canonical(rest);
    })
    .sort();
  return canonical({ ...r, conditions: '' }) + conditions.join('\n');
}

/**
 * True when two `status.parents` lists say the same thing: the same entries (as a multiset),
 * ignoring the order of entries, the order of conditions, and `lastTransitionTime`.
 * Non-list input reads as an empty list.
 */
export function parentsEqual(a: unknown, b: unknown): boolean {
  const left = list(a).map(comparable).sort();
  const right = list(b).map(comparable).sort();
  return left.length === right.length && left.every((entry, i) => entry === right[i]);
}

/**
 * Decides what to write for one route (see `StatusPlan`). Never throws, whatever the route's
 * shape: a malformed stored status reads as entries of other controllers (kept as they are) or,
 * when it is not a list, as no entries at all.
 */
export function planStatus(input: DesiredStatusInput): StatusPlan {
  const names = new Set([input.controllerName, ...(input.retiredControllerNames ?? [])]);
  const stored = list(dig(input.route, 'status', 'parents'));
  const routeGeneration = integer(dig(input.route, 'metadata', 'generation'));
  const newest = storedGeneration(stored, names);
  if (routeGeneration !== undefined && newest !== undefined && newest > routeGeneration) {
    return { outcome: 'stale', storedGeneration: newest, routeGeneration };
  }
  const { parents, droppedParents } = desiredParents(input);
  // A route without status.parents and nothing of ours to say compares equal to []: no write.
  if (parentsEqual(parents, stored)) return { outcome: 'unchanged' };
  return { outcome: 'write', parents, droppedParents };
}
