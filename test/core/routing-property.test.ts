/**
 * Property tests of the routing table against a request simulator written from the spec's text,
 * independently of the model: a matcher that splits paths into elements and tests regular
 * expressions, and a "best match" chosen request by request by the spec's precedence.
 *
 * - The first entry of the table that matches a request is the spec's best match for it.
 * - An entry reported shadowed is never the first match of any generated request; requests are
 *   generated from the entries themselves, so every entry is the target of some of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoutingTable, type RoutingEntry, type RoutingTable, type TableRoute } from '../../src/core/routing-table.ts';
import type { GrpcMatch, HttpMatch, ValueMatch } from '../../src/core/routing-match.ts';
import { matchHints, mayShadowAcross, mayShadowWithin } from '../../src/core/routing-hints.ts';
import { shadowsAmong } from '../../src/core/routing-against.ts';
import { readRoute } from '../../src/core/route.ts';

const SEED = 20261130;
const runs = { seed: SEED, numRuns: 300 };
const svc = { namespace: 'default', name: 'echo' };

// ---- generated routes ----

const valueMatch = (names: readonly string[]) =>
  fc.record({ name: fc.constantFrom(...names), type: fc.constantFrom('Exact', 'Exact', 'RegularExpression'), value: fc.constantFrom('1', '2', '[12]') });
const httpMatch = fc.record(
  {
    path: fc.oneof(
      fc.record({ type: fc.constantFrom('Exact', 'PathPrefix'), value: fc.constantFrom('/', '/a', '/a/', '/a/b', '/ab', '/a/b/c') }),
      fc.record({ type: fc.constant('RegularExpression'), value: fc.constantFrom('/a.*', '/a/b', '/.*') }),
    ),
    method: fc.constantFrom('GET', 'POST'),
    headers: fc.array(valueMatch(['x-a', 'X-A', 'x-b']), { maxLength: 2 }),
    queryParams: fc.array(valueMatch(['q', 'Q']), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const grpcMatch = fc.record(
  {
    method: fc.oneof(
      fc.record({ type: fc.constant('Exact'), service: fc.constantFrom('s.A', 's.AB'), method: fc.constantFrom('M', 'MN') }, { requiredKeys: ['type'] }),
      fc.record({ type: fc.constant('RegularExpression'), service: fc.constantFrom('s\\..*', 's.A') }),
    ),
    headers: fc.array(valueMatch(['x-a', 'X-A', 'x-b']), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

interface GeneratedRoute {
  readonly name: string;
  readonly namespace: string;
  readonly created: string | undefined;
  readonly rules: readonly { readonly matches?: readonly object[] }[];
}

function routes(match: fc.Arbitrary<object>): fc.Arbitrary<GeneratedRoute[]> {
  const rule = fc.record({ matches: fc.array(match, { maxLength: 3 }) }, { requiredKeys: [] });
  const route = fc.record({
    name: fc.constantFrom('r1', 'r2', 'r3'),
    namespace: fc.constantFrom('default', 'default', 'shop'),
    created: fc.constantFrom('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', undefined),
    rules: fc.array(rule, { minLength: 1, maxLength: 4 }),
  });
  return fc.uniqueArray(route, { minLength: 1, maxLength: 3, selector: (r) => `${r.namespace}/${r.name}` });
}

function tableOf(kind: 'HTTPRoute' | 'GRPCRoute', generated: readonly GeneratedRoute[], from: string | undefined): RoutingTable {
  const input: TableRoute[] = generated.map((r) => ({
    kind,
    namespace: r.namespace,
    name: r.name,
    object: {
      kind,
      metadata: { name: r.name, namespace: r.namespace, ...(r.created === undefined ? {} : { creationTimestamp: r.created }) },
      spec: { parentRefs: [{ group: '', kind: 'Service', name: svc.name, namespace: svc.namespace }], rules: r.rules },
    },
  }));
  return buildRoutingTable({ service: svc, port: 80, routes: input, ...(from === undefined ? {} : { from }) });
}

// ---- the simulator, from the spec's text ----

interface HttpRequest {
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}
interface GrpcRequest {
  readonly service: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
}

const whole = (pattern: string, value: string) => new RegExp(`^(?:${pattern})$`).test(value);
const elements = (path: string) => path.split('/').filter((e) => e !== '');

function valueMatches(m: ValueMatch, actual: string | undefined): boolean {
  return actual !== undefined && (m.type === 'Exact' ? actual === m.value : whole(m.value, actual));
}

function httpMatches(m: HttpMatch, r: HttpRequest): boolean {
  const { type, value } = m.path;
  const pathOk =
    type === 'Exact' ? r.path === value
    : type === 'PathPrefix' ? elements(value).every((e, i) => elements(r.path)[i] === e)
    : whole(value, r.path);
  return (
    pathOk &&
    (m.method === undefined || m.method === r.method) &&
    m.headers.every((h) => valueMatches(h, r.headers[h.name.toLowerCase()])) &&
    m.queryParams.every((q) => valueMatches(q, r.query[q.name]))
  );
}

function grpcMatches(m: GrpcMatch, r: GrpcRequest): boolean {
  const method = m.method;
  const methodOk =
    method === undefined ? true
    : method.type === 'Exact' ? (method.service === undefined || method.service === r.service) && (method.method === undefined || method.method === r.method)
    : (method.service === undefined || whole(method.service, r.service)) && (method.method === undefined || whole(method.method, r.method));
  return methodOk && m.headers.every((h) => valueMatches(h, r.headers[h.name.toLowerCase()]));
}

/** How specific an entry's match is for the request, most significant first, larger wins. */
function httpSpecificity(m: HttpMatch): number[] {
  const { type, value } = m.path;
  return [type === 'Exact' ? 2 : type === 'PathPrefix' ? 1 : 0, type === 'PathPrefix' ? elements(value).join('/').length : 0, m.method ? 1 : 0, m.headers.length, m.queryParams.length];
}
function grpcSpecificity(m: GrpcMatch): number[] {
  const exact = m.method?.type === 'Exact' ? m.method : undefined;
  return [exact?.service?.length ?? 0, exact?.method?.length ?? 0, m.headers.length];
}

/** The spec's choice among the entries matching a request: most specific, then oldest route, then name, rule and match. */
function best(candidates: readonly RoutingEntry[], routesByKey: ReadonlyMap<string, GeneratedRoute>): RoutingEntry | undefined {
  const age = (e: RoutingEntry) => Date.parse(routesByKey.get(`${e.origin.route.namespace}/${e.origin.route.name}`)?.created ?? '9999-01-01T00:00:00Z');
  const specificity = (e: RoutingEntry) => (e.match.protocol === 'http' ? httpSpecificity(e.match) : grpcSpecificity(e.match));
  const better = (a: RoutingEntry, b: RoutingEntry): boolean => {
    const sa = specificity(a);
    const sb = specificity(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return (sa[i] ?? 0) > (sb[i] ?? 0);
    if (age(a) !== age(b)) return age(a) < age(b);
    const ka = `${a.origin.route.namespace}/${a.origin.route.name}`;
    const kb = `${b.origin.route.namespace}/${b.origin.route.name}`;
    if (ka !== kb) return ka < kb;
    if (a.origin.ruleIndex !== b.origin.ruleIndex) return a.origin.ruleIndex < b.origin.ruleIndex;
    return (a.origin.matchIndex ?? -1) < (b.origin.matchIndex ?? -1);
  };
  return candidates.reduce<RoutingEntry | undefined>((chosen, e) => (chosen === undefined || better(e, chosen) ? e : chosen), undefined);
}

// ---- requests, aimed at the entries ----

const pathSuffix = fc.constantFrom('', '/', '/b', '/c', 'b');
const headerValue = fc.constantFrom('1', '2');

/** A request that the entry's match takes (when its expressions allow), with random extras. */
function httpRequestFor(m: HttpMatch): fc.Arbitrary<HttpRequest> {
  return fc.record({ suffix: pathSuffix, method: fc.constantFrom('GET', 'POST'), extraHeader: headerValue, extraQuery: headerValue, useMatch: fc.boolean() }).map((x) => {
    const base = m.path.type === 'RegularExpression' ? '/a/b' : m.path.value;
    const path = m.path.type === 'PathPrefix' && x.useMatch ? `${base}${x.suffix}`.replace(/\/\/+/g, '/') : base;
    const headers: Record<string, string> = { 'x-b': x.extraHeader };
    for (const h of m.headers) headers[h.name.toLowerCase()] = h.type === 'Exact' ? h.value : '1';
    const query: Record<string, string> = { q: x.extraQuery };
    for (const q of m.queryParams) query[q.name] = q.type === 'Exact' ? q.value : '1';
    return { path, method: m.method ?? x.method, headers, query };
  });
}

function grpcRequestFor(m: GrpcMatch): fc.Arbitrary<GrpcRequest> {
  return fc.record({ service: fc.constantFrom('s.A', 's.AB', 's.B'), method: fc.constantFrom('M', 'MN', 'X'), extraHeader: headerValue }).map((x) => {
    const exact = m.method?.type === 'Exact' ? m.method : undefined;
    const headers: Record<string, string> = { 'x-b': x.extraHeader };
    for (const h of m.headers) headers[h.name.toLowerCase()] = h.type === 'Exact' ? h.value : '1';
    return { service: exact?.service ?? x.service, method: exact?.method ?? x.method, headers };
  });
}

/**
 * Tables of routes from `match` for clients of `from`, each with one request aimed at each of its
 * entries; for every request, the first matching entry is the spec's best and is not shadowed.
 */
function assertFirstMatches<M, R>(
  kind: 'HTTPRoute' | 'GRPCRoute',
  match: fc.Arbitrary<object>,
  from: fc.Arbitrary<string | undefined>,
  requestFor: (m: M) => fc.Arbitrary<R>,
  matches: (m: M, r: R) => boolean,
): void {
  const scenario = fc.tuple(routes(match), from).chain(([generated, client]) => {
    const table = tableOf(kind, generated, client);
    const aimed = table.entries.map((e) => requestFor(e.match as M));
    return fc.tuple(fc.constant(generated), fc.constant(table), aimed.length === 0 ? fc.constant([]) : fc.tuple(...aimed));
  });
  fc.assert(
    fc.property(scenario, ([generated, table, requests]) => {
      const routesByKey = new Map(generated.map((r) => [`${r.namespace}/${r.name}`, r]));
      for (const request of requests) {
        const matching = table.entries.filter((e) => matches(e.match as M, request));
        const first = matching[0];
        expect(first).toBe(best(matching, routesByKey));
        expect(first?.shadowedBy).toBeUndefined();
      }
    }),
    runs,
  );
}

describe('routing table properties', () => {
  it('HTTPRoute: the first matching entry is the spec\'s best match, and never a shadowed one', () => {
    // Clients of `shop` get the consumer routes of `shop`; everyone else the producer routes.
    assertFirstMatches('HTTPRoute', httpMatch, fc.constantFrom(undefined, 'shop', 'billing'), httpRequestFor, httpMatches);
  });

  it('GRPCRoute: the same for gRPC requests', () => {
    assertFirstMatches('GRPCRoute', grpcMatch, fc.constant(undefined), grpcRequestFor, grpcMatches);
  });

  it('the generated tables do report shadows, so the second property is exercised', () => {
    const shadowed = fc.sample(routes(httpMatch), { seed: SEED, numRuns: 200 }).filter((g) => tableOf('HTTPRoute', g, undefined).entries.some((e) => e.shadowedBy));
    expect(shadowed.length).toBeGreaterThan(10);
  });

  it.each([['HTTPRoute', httpMatch], ['GRPCRoute', grpcMatch]] as const)('%s: the match hints allow every shadow the table proves', (kind, match) => {
    fc.assert(
      fc.property(routes(match), (generated) => {
        const table = tableOf(kind, generated, undefined);
        const hints = new Map(generated.map((r) => [`${r.namespace}/${r.name}`, matchHints(kind, r.rules)]));
        for (const entry of table.entries) {
          const by = entry.shadowedBy?.origin.route;
          if (by === undefined) continue;
          const later = hints.get(`${entry.origin.route.namespace}/${entry.origin.route.name}`);
          const earlier = hints.get(`${by.namespace}/${by.name}`);
          if (later === undefined || earlier === undefined) throw new Error('a table entry of an unknown route');
          expect(by.name === entry.origin.route.name ? mayShadowWithin(later) : mayShadowAcross(earlier, later)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('shadowsAmong names, without ranking, the shadow the ranked table names for each entry of a route', () => {
    fc.assert(
      fc.property(routes(httpMatch), (generated) => {
        const table = tableOf('HTTPRoute', generated, undefined);
        const inputs = table.routes.map((r) => {
          const g = generated.find((x) => x.name === r.name && x.namespace === r.namespace);
          const object = { kind: 'HTTPRoute', metadata: { name: r.name, namespace: r.namespace, ...(g?.created === undefined ? {} : { creationTimestamp: g.created }) }, spec: { rules: g?.rules } };
          return { kind: 'HTTPRoute' as const, namespace: r.namespace, name: r.name, object };
        });
        for (const self of inputs) {
          const fromTable = table.entries.filter((e) => e.origin.route.name === self.name).map((e) => [e.origin, e.shadowedBy?.origin]);
          const scanned = shadowsAmong(readRoute('HTTPRoute', self.namespace, self.object), inputs.filter((r) => r !== self)).map((e) => [e.origin, e.shadowedBy?.origin]);
          const byOrigin = (a: unknown[], b: unknown[]) => JSON.stringify(a[0]).localeCompare(JSON.stringify(b[0]));
          expect(scanned.sort(byOrigin)).toEqual(fromTable.sort(byOrigin));
        }
      }),
      runs,
    );
  });
});

