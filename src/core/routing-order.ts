/**
 * The Gateway API precedence between the entries of one routing table, as one comparator.
 *
 * HTTPRoute (`HTTPRouteRule.Matches`): an Exact path, then the longest PathPrefix (compared by
 * path elements: a trailing `/` does not count), then RegularExpression paths, which the spec
 * leaves to the implementation: this model puts them after every prefix, `/` included. Then a
 * method match, then the most header matches, then the most query parameter matches.
 *
 * GRPCRoute (`GRPCRouteRule.Matches`): the longest Exact service, then the longest Exact method,
 * then the most header matches. A RegularExpression service or method counts as no service or
 * method here (after every Exact one), for the same reason as regular expression paths.
 *
 * Ties: the oldest route by creationTimestamp (a route without one, e.g. read from a file, counts
 * as newer than every route with one), then `namespace/name` alphabetically, then rule order,
 * then match order.
 */
import { prefixElements, type RouteMatch } from './routing-match.ts';

/** What the order reads of an entry, computed once per entry (`precedenceKey`). */
export interface PrecedenceKey {
  /** Most significant first; smaller sorts first. */
  readonly ranks: readonly number[];
  /** Milliseconds since the epoch; +Infinity when unknown. */
  readonly created: number;
  /** `namespace/name` of the route. */
  readonly route: string;
  readonly ruleIndex: number;
  /** -1 for a rule without matches. */
  readonly matchIndex: number;
}

const PATH_RANK: Readonly<Record<string, number>> = { Exact: 0, PathPrefix: 1, RegularExpression: 2 };

/** The specificity ranks of one match (smaller: ahead). */
export function matchRanks(match: RouteMatch): number[] {
  if (match.protocol === 'http') {
    const { path } = match;
    return [
      PATH_RANK[path.type] ?? 3,
      path.type === 'PathPrefix' ? -prefixElements(path.value).length : 0,
      match.method === undefined ? 1 : 0,
      -match.headers.length,
      -match.queryParams.length,
    ];
  }
  const exact = match.method?.type === 'Exact' ? match.method : undefined;
  return [-(exact?.service?.length ?? 0), -(exact?.method?.length ?? 0), -match.headers.length];
}

/** creationTimestamp in milliseconds; +Infinity when absent or not a date. */
export function createdAt(timestamp: string | undefined): number {
  const ms = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Negative when `a` goes ahead of `b`; 0 only for the same route, rule and match. */
export function comparePrecedence(a: PrecedenceKey, b: PrecedenceKey): number {
  for (let i = 0; i < a.ranks.length; i++) {
    const d = (a.ranks[i] ?? 0) - (b.ranks[i] ?? 0);
    if (d !== 0) return d;
  }
  return compareRoutes(a, b) || a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
}

/** The tie-break between routes: negative when `a` is older, or as old and first by `namespace/name`. */
export function compareRoutes(a: Pick<PrecedenceKey, 'created' | 'route'>, b: Pick<PrecedenceKey, 'created' | 'route'>): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return a.route < b.route ? -1 : a.route > b.route ? 1 : 0;
}
