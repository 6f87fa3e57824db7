/**
 * One match of a routing table entry, read from an untrusted route with the CRD defaults written
 * out: an HTTPRoute match without `path` is PathPrefix `/`, header and query types default to
 * Exact, a GRPCRoute method type defaults to Exact. A later header (query parameter) match with a
 * name already matched is ignored, as the spec says. Reading MUST NOT throw: a header or query
 * entry without a string name and value is left out.
 */
import { list, record, text } from '../gateway/untrusted.ts';

type Json = Readonly<Record<string, unknown>>;

/** A header or query parameter match: `type` is `Exact`, `RegularExpression`, or what the route wrote. */
export interface ValueMatch {
  readonly type: string;
  readonly name: string;
  readonly value: string;
}

/** An HTTPRoute match. */
export interface HttpMatch {
  readonly protocol: 'http';
  /** `type` is `Exact`, `PathPrefix`, `RegularExpression`, or what the route wrote. */
  readonly path: { readonly type: string; readonly value: string };
  /** Absent: any method. */
  readonly method?: string;
  readonly headers: readonly ValueMatch[];
  readonly queryParams: readonly ValueMatch[];
}

/** A GRPCRoute match. */
export interface GrpcMatch {
  readonly protocol: 'grpc';
  /** Absent: any service and method. `service` or `method` absent: any. */
  readonly method?: { readonly type: string; readonly service?: string; readonly method?: string };
  readonly headers: readonly ValueMatch[];
}

export type RouteMatch = HttpMatch | GrpcMatch;

/** What a rule without matches means: PathPrefix `/`, every request. */
export const HTTP_MATCH_ALL: HttpMatch = { protocol: 'http', path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] };
/** What a GRPCRoute rule without matches means: every request. */
export const GRPC_MATCH_ALL: GrpcMatch = { protocol: 'grpc', headers: [] };

/**
 * The value matches of `value` (a `headers` or `queryParams` list). `foldCase`: names compare
 * case-insensitively (headers), and are kept lowercased so comparisons need no folding.
 */
function valueMatches(value: unknown, foldCase: boolean): ValueMatch[] {
  const out: ValueMatch[] = [];
  const seen = new Set<string>();
  for (const item of list(value)) {
    const entry = record(item);
    const rawName = text(entry?.name);
    const matchValue = text(entry?.value);
    if (rawName === undefined || matchValue === undefined) continue;
    const name = foldCase ? rawName.toLowerCase() : rawName;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ type: text(entry?.type) ?? 'Exact', name, value: matchValue });
  }
  return out;
}

/** An HTTPRoute `matches[]` object. */
export function readHttpMatch(match: Json): HttpMatch {
  const path = record(match.path);
  const method = text(match.method);
  return {
    protocol: 'http',
    path: { type: text(path?.type) ?? 'PathPrefix', value: text(path?.value) ?? '/' },
    ...(method === undefined ? {} : { method }),
    headers: valueMatches(match.headers, true),
    queryParams: valueMatches(match.queryParams, false),
  };
}

/** A GRPCRoute `matches[]` object. */
export function readGrpcMatch(match: Json): GrpcMatch {
  const method = record(match.method);
  const headers = valueMatches(match.headers, true);
  if (method === undefined) return { protocol: 'grpc', headers };
  const service = text(method.service);
  const name = text(method.method);
  return {
    protocol: 'grpc',
    method: {
      type: text(method.type) ?? 'Exact',
      ...(service === undefined ? {} : { service }),
      ...(name === undefined ? {} : { method: name }),
    },
    headers,
  };
}

/**
 * A PathPrefix value compared by path elements: without its trailing `/` (the spec ignores it),
 * `''` for `/`. The prefix matches a path equal to it or continuing with `/`.
 */
export function prefixElements(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value;
}
