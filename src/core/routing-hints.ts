/**
 * A cheap necessary condition for a shadow, so that the admission rules (MR312, MR110) rank
 * routes only when a shadow is possible. `covers(a, b)` (routing-cover.ts) holds only when a's
 * path (HTTPRoute) or service (GRPCRoute) is a match-all or a string prefix of b's, so each match
 * is reduced to that one string, its hint, read straight from the route without building the
 * table: when no hint is a prefix of another, no entry covers another and nothing is shadowed.
 * A hint never decides a shadow; `covers` does, on the ranked table.
 */
import { list, record, text } from '../gateway/untrusted.ts';
import { prefixElements } from './routing-match.ts';
import type { RouteKind } from './types.ts';

/** The hints of one route's matches. */
export interface MatchHints {
  /** How many of them match every request (HTTPRoute: every path; GRPCRoute: every service). */
  readonly all: number;
  /** The other matches' hints, sorted. */
  readonly sorted: readonly string[];
}

/** The hints of `rules` (a route's `spec.rules`, untrusted). A type the spec does not define covers nothing and is left out. */
export function matchHints(kind: RouteKind, rules: unknown): MatchHints {
  let all = 0;
  const hints: string[] = [];
  for (const rule of list(rules)) {
    const matches = list(record(rule)?.matches);
    if (matches.length === 0) all++;
    for (const item of matches) {
      const match = record(item);
      if (match === undefined) continue;
      const hint = kind === 'GRPCRoute' ? grpcHint(match) : httpHint(match);
      if (hint === true) all++;
      else if (hint !== undefined) hints.push(hint);
    }
  }
  return { all, sorted: hints.sort() };
}

/** `true` for a match-all path (PathPrefix `/`); the path, without a prefix's trailing `/`, otherwise. */
function httpHint(match: Readonly<Record<string, unknown>>): string | true | undefined {
  const path = record(match.path);
  const type = text(path?.type) ?? 'PathPrefix';
  const value = text(path?.value) ?? '/';
  if (type === 'PathPrefix') return prefixElements(value) === '' ? true : prefixElements(value);
  return type === 'Exact' || type === 'RegularExpression' ? value : undefined;
}

/** `true` for a match on no service (every service, or a method in any service); the service otherwise. */
function grpcHint(match: Readonly<Record<string, unknown>>): string | true | undefined {
  const method = record(match.method);
  const service = text(method?.service);
  return method === undefined || service === undefined ? true : service;
}

/** True when two matches of one route might cover one another. */
export function mayShadowWithin(hints: MatchHints): boolean {
  const { all, sorted } = hints;
  if (all > 0 && all + sorted.length > 1) return true;
  for (let i = 1; i < sorted.length; i++) if ((sorted[i] as string).startsWith(sorted[i - 1] as string)) return true;
  return false;
}

/** True when a match of `earlier` might cover a match of `later`. */
export function mayShadowAcross(earlier: MatchHints, later: MatchHints): boolean {
  if (later.sorted.length === 0 && later.all === 0) return false;
  if (earlier.all > 0) return true;
  for (const hint of earlier.sorted) {
    const at = lowerBound(later.sorted, hint);
    if (at < later.sorted.length && (later.sorted[at] as string).startsWith(hint)) return true;
  }
  return false;
}

/** The index of the first element of `sorted` not less than `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
