/**
 * The shadow proof of the routing table: `covers(earlier, later)` is true only when every request
 * `later` matches is provably matched by `earlier` too, read from the match syntax alone. It is
 * conservative: false whenever coverage cannot be shown this way (regular expressions cover only
 * an identical expression; a type the spec does not define covers nothing and is covered by
 * nothing), so a shadow is never reported without a proof.
 */
import { prefixElements, type GrpcMatch, type HttpMatch, type RouteMatch, type ValueMatch } from './routing-match.ts';

/**
 * The most `covers` checks one table or one scan makes. Proving shadows is quadratic in the
 * entries at worst (thousands of match-all entries that differ only in a header), and a route
 * near the body limit must still be judged in time linear in its size. Past the budget the
 * checker answers false: no more shadows are reported, and every one reported has its proof.
 * A table of 200 rules makes a few hundred checks.
 */
export const COVER_CHECK_BUDGET = 50_000;

/** `covers` within a budget of checks; one per table or scan. */
export class CoverChecker {
  #left: number;

  constructor(budget = COVER_CHECK_BUDGET) {
    this.#left = budget;
  }

  /** True once the budget is spent: callers stop looking, and nothing more is reported. */
  get spent(): boolean {
    return this.#left <= 0;
  }

  /** `covers(earlier, later)`, or false once the budget is spent. */
  covers(earlier: RouteMatch, later: RouteMatch): boolean {
    return this.#left-- > 0 && covers(earlier, later);
  }
}

/** True when every request `later` matches is matched by `earlier`. Both are of one protocol. */
export function covers(earlier: RouteMatch, later: RouteMatch): boolean {
  if (earlier.protocol === 'http') return later.protocol === 'http' && httpCovers(earlier, later);
  return later.protocol === 'grpc' && grpcCovers(earlier, later);
}

function httpCovers(a: HttpMatch, b: HttpMatch): boolean {
  return (
    pathCovers(a.path, b.path) &&
    (a.method === undefined || a.method === b.method) &&
    subset(a.headers, b.headers) &&
    subset(a.queryParams, b.queryParams)
  );
}

/**
 * An Exact path covers the same Exact path; a PathPrefix covers a PathPrefix or Exact path that
 * lies under it element by element (`/a` covers `/a`, `/a/` and `/a/b`, never `/ab`); a regular
 * expression covers only the identical expression.
 */
function pathCovers(a: HttpMatch['path'], b: HttpMatch['path']): boolean {
  switch (a.type) {
    case 'Exact':
      return b.type === 'Exact' && a.value === b.value;
    case 'PathPrefix': {
      if (b.type !== 'PathPrefix' && b.type !== 'Exact') return b.type === 'RegularExpression' && prefixElements(a.value) === '';
      const prefix = prefixElements(a.value);
      const path = b.type === 'PathPrefix' ? prefixElements(b.value) : b.value;
      return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
    }
    case 'RegularExpression':
      return b.type === 'RegularExpression' && a.value === b.value;
    default:
      return false;
  }
}

/** A method match covers an Exact one naming the same service (or any) and method (or any). */
function grpcCovers(a: GrpcMatch, b: GrpcMatch): boolean {
  if (!subset(a.headers, b.headers)) return false;
  if (a.method === undefined) return true;
  if (b.method === undefined || a.method.type !== b.method.type) return false;
  if (a.method.type === 'Exact') {
    return (a.method.service === undefined || a.method.service === b.method.service) && (a.method.method === undefined || a.method.method === b.method.method);
  }
  return a.method.type === 'RegularExpression' && a.method.service === b.method.service && a.method.method === b.method.method;
}

/** Every match of `a` is also one of `b` (same name, type and value): `b` asks for at least as much. */
function subset(a: readonly ValueMatch[], b: readonly ValueMatch[]): boolean {
  for (const x of a) {
    if (!b.some((y) => y.name === x.name && y.type === x.type && y.value === x.value)) return false;
  }
  return true;
}
