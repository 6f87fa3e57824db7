import { describe, expect, it } from 'vitest';
import { buildRoutingTable, type RoutingTable, type TableRoute } from '../../src/core/routing-table.ts';
import { staticView } from '../../src/cluster/static-view.ts';
import { backend, grpcRoute, httpRoute, meshParent, service, type Route } from '../builders.ts';

const svc = { namespace: 'default', name: 'echo' };

function created(route: Route, timestamp: string): Route {
  return { ...route, metadata: { ...route.metadata, creationTimestamp: timestamp } };
}

function asTableRoute(route: Route): TableRoute {
  return { kind: route.kind, namespace: route.metadata.namespace, name: route.metadata.name, object: route };
}

function table(routes: Route[], extra: { port?: number; from?: string; portName?: string } = {}): RoutingTable {
  return buildRoutingTable({ service: svc, port: extra.port ?? 80, routes: routes.map(asTableRoute), ...extra });
}

/** `route#rule.match` per entry, `!` marking a shadowed one: the order a test compares. */
function order(t: RoutingTable): string[] {
  return t.entries.map((e) => `${e.origin.route.name}#${e.origin.ruleIndex}.${e.origin.matchIndex ?? '-'}${e.shadowedBy ? '!' : ''}`);
}

const path = (type: string, value: string) => ({ path: { type, value } });

describe('HTTPRoute precedence', () => {
  it('puts an Exact path ahead of a longer prefix wherever it stands', () => {
    const rules = [
      { matches: [path('PathPrefix', '/api/v1/users/long')], backendRefs: [backend('echo-v1')] },
      { matches: [path('PathPrefix', '/api/v1/users')], backendRefs: [backend('echo-v1')] },
      { matches: [path('Exact', '/api')], backendRefs: [backend('echo-v2')] },
    ];
    expect(order(table([httpRoute({ rules })]))).toEqual(['web#2.0', 'web#0.0', 'web#1.0']);
    expect(order(table([httpRoute({ rules: [...rules].reverse() })]))).toEqual(['web#0.0', 'web#2.0', 'web#1.0']);
  });

  it('orders prefixes by path elements, a trailing slash not counting, and regular expressions after every prefix', () => {
    const rules = [
      { matches: [path('RegularExpression', '/a/.*')] },
      { matches: [path('PathPrefix', '/')] },
      { matches: [path('PathPrefix', '/a/')] },
      { matches: [path('PathPrefix', '/a/b')] },
    ];
    expect(order(table([httpRoute({ rules })]))).toEqual(['web#3.0', 'web#2.0', 'web#1.0', 'web#0.0!']);
  });

  it('puts a later rule with more headers ahead of an earlier one', () => {
    const rules = [
      { matches: [{ ...path('PathPrefix', '/api'), headers: [{ name: 'x-a', value: '1' }] }] },
      { matches: [{ ...path('PathPrefix', '/api'), headers: [{ name: 'x-a', value: '1' }, { name: 'x-b', value: '2' }] }] },
    ];
    expect(order(table([httpRoute({ rules })]))).toEqual(['web#1.0', 'web#0.0']);
  });

  it('puts a method match ahead of more headers, and more headers ahead of more query parameters', () => {
    const rules = [
      { matches: [{ queryParams: [{ name: 'q', value: '1' }, { name: 'r', value: '2' }] }] },
      { matches: [{ headers: [{ name: 'x-a', value: '1' }] }] },
      { matches: [{ method: 'GET' }] },
    ];
    expect(order(table([httpRoute({ rules })]))).toEqual(['web#2.0', 'web#1.0', 'web#0.0']);
  });

  it('breaks ties by the older route, then namespace/name, then rule and match order', () => {
    // `/api` is the longer prefix, so every `/api` entry goes ahead of every `/v2` one.
    const rule = { matches: [path('PathPrefix', '/api'), path('PathPrefix', '/v2')], backendRefs: [backend()] };
    const older = created(httpRoute({ rules: [rule, rule] }, 'default', 'zeta'), '2024-01-01T00:00:00Z');
    const newer = created(httpRoute({ rules: [rule] }, 'default', 'alpha'), '2025-01-01T00:00:00Z');
    const undated = httpRoute({ rules: [rule] }, 'default', 'aardvark');
    const t = table([newer, undated, older]);
    expect(order(t)).toEqual(['zeta#0.0', 'zeta#1.0!', 'alpha#0.0!', 'aardvark#0.0!', 'zeta#0.1', 'zeta#1.1!', 'alpha#0.1!', 'aardvark#0.1!']);
    expect(t.routes.map((r) => r.name)).toEqual(['zeta', 'alpha', 'aardvark']);
    const sameAge = [created(httpRoute({ rules: [rule] }, 'default', 'b'), '2024-01-01T00:00:00Z'), created(httpRoute({ rules: [rule] }, 'default', 'a'), '2024-01-01T00:00:00Z')];
    expect(order(table(sameAge))).toEqual(['a#0.0', 'b#0.0!', 'a#0.1', 'b#0.1!']);
  });

  it('treats a rule without matches as PathPrefix / and spells out weights', () => {
    const t = table([
      httpRoute({
        rules: [
          { backendRefs: [backend('echo-v1', { weight: 3 }), backend('echo-v2', { weight: 1 }), backend('echo', { weight: 0 })] },
          { backendRefs: [backend('echo-v2', { weight: 0 })] },
          { filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 301 } }], timeouts: { request: '10s' }, name: 'redirect', matches: [path('Exact', '/old')] },
        ],
      }),
    ]);
    expect(order(t)).toEqual(['web#2.0', 'web#0.-', 'web#1.-!']);
    const [redirect, split, zero] = t.entries;
    expect(split?.match).toEqual({ protocol: 'http', path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] });
    expect(split?.traffic.state).toBe('split');
    expect(split?.traffic.backends.map((b) => [b.name, b.weight, b.share])).toEqual([['echo-v1', 3, 0.75], ['echo-v2', 1, 0.25], ['echo', 0, 0]]);
    expect(zero?.traffic).toEqual({ state: 'all-weights-zero', backends: [expect.objectContaining({ name: 'echo-v2', weight: 0, share: 0 })] });
    expect(zero?.shadowedBy).toEqual({ index: 1, origin: split?.origin });
    expect(redirect?.traffic).toEqual({ state: 'no-backends', backends: [] });
    expect(redirect?.origin).toEqual({ route: { kind: 'HTTPRoute', namespace: 'default', name: 'web' }, ruleIndex: 2, ruleName: 'redirect', matchIndex: 0 });
    expect(redirect?.timeouts).toEqual({ request: '10s' });
    expect(redirect?.filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { statusCode: 301 } }]);
  });
});

describe('shadows', () => {
  it('are proved for the same match written another way: header order and case, a trailing slash', () => {
    const rules = [
      { matches: [{ ...path('PathPrefix', '/api/'), headers: [{ name: 'X-Env', value: 'prod' }, { name: 'x-b', value: '1' }] }] },
      { matches: [{ ...path('PathPrefix', '/api'), headers: [{ name: 'x-b', value: '1' }, { name: 'x-env', value: 'prod' }] }] },
      { matches: [{ ...path('PathPrefix', '/api'), headers: [{ name: 'x-b', value: '1' }, { name: 'x-env', value: 'Prod' }] }] },
    ];
    const t = table([httpRoute({ rules })]);
    expect(order(t)).toEqual(['web#0.0', 'web#1.0!', 'web#2.0']);
    expect(t.entries[1]?.shadowedBy?.origin).toEqual(t.entries[0]?.origin);
  });

  it('are proved for a regular expression only by the identical expression or a match-all', () => {
    const regex = (value: string) => ({ matches: [path('RegularExpression', value)] });
    expect(order(table([httpRoute({ rules: [regex('/a.*'), regex('/a.*'), regex('/a/.*')] })]))).toEqual(['web#0.0', 'web#1.0!', 'web#2.0']);
    expect(order(table([httpRoute({ rules: [regex('/a.*'), { matches: [{ headers: [] }] }] })]))).toEqual(['web#1.0', 'web#0.0!']);
  });
});

describe('groups and kinds', () => {
  const producer = httpRoute({ rules: [{ matches: [path('PathPrefix', '/')], backendRefs: [backend('echo-v1')] }] }, 'default', 'producer');
  const consumer = httpRoute(
    { parentRefs: [meshParent('echo', { namespace: 'default' })], rules: [{ backendRefs: [backend('echo', { namespace: 'default' })] }] },
    'shop',
    'consumer',
  );

  it('gives consumer routes only to clients in their own namespace, ahead of the producer routes', () => {
    const everyone = table([producer, consumer]);
    expect(everyone.group).toEqual({ type: 'producer' });
    expect(everyone.consumerNamespaces).toEqual(['shop']);
    expect(order(everyone)).toEqual(['producer#0.0']);
    const shop = table([producer, consumer], { from: 'shop' });
    expect(shop.group).toEqual({ type: 'consumer', namespace: 'shop' });
    expect(order(shop)).toEqual(['consumer#0.-']);
    expect(order(table([producer, consumer], { from: 'billing' }))).toEqual(['producer#0.0']);
    expect(table([producer, consumer], { from: 'billing' }).group).toEqual({ type: 'producer' });
  });

  it('attaches a parentRef without a port to every port, and one with a port to that port only', () => {
    const on8080 = httpRoute({ parentRefs: [meshParent('echo', { port: 8080 })] }, 'default', 'alt');
    const named = httpRoute({ parentRefs: [meshParent('echo', { sectionName: 'http-alt' })] }, 'default', 'named');
    expect(table([producer, on8080, named], { port: 80, portName: 'http' }).routes.map((r) => r.name)).toEqual(['producer']);
    expect(table([producer, on8080, named], { port: 8080, portName: 'http-alt' }).routes.map((r) => r.name)).toEqual(['alt', 'named', 'producer']);
    expect(table([httpRoute({ parentRefs: [meshParent('other')] })]).protocol).toBe('none');
  });

  it('builds a GRPCRoute table when a GRPCRoute attaches, listing the HTTPRoutes as conflicted', () => {
    const grpc = grpcRoute({
      rules: [
        { matches: [{ method: { service: 'shop.Cart' } }], backendRefs: [backend('echo-v1')] },
        { matches: [{ method: { service: 'shop.Cart', method: 'Add' } }], backendRefs: [backend('echo-v2')] },
        { matches: [{ method: { service: 'shop.Cart', method: 'Add' }, headers: [{ name: 'x-a', value: '1' }] }] },
        { matches: [{ method: { method: 'Add' } }] },
        { backendRefs: [backend('echo')] },
        { matches: [{ method: { service: 'shop.Cart', method: 'Add' } }] },
      ],
    });
    const t = table([producer, grpc]);
    expect(t.protocol).toBe('grpc');
    expect(t.conflicted).toEqual([{ kind: 'HTTPRoute', namespace: 'default', name: 'producer' }]);
    // The longest service, then the longest method, then the most headers; the later copy of rule 1 is shadowed by it.
    expect(order(t)).toEqual(['grpc#2.0', 'grpc#1.0', 'grpc#5.0!', 'grpc#0.0', 'grpc#3.0', 'grpc#4.-']);
    expect(t.entries[2]?.shadowedBy?.origin.ruleIndex).toBe(1);
  });

  it('is built from the routes a view holds, the static view and the objects it keeps', () => {
    const view = staticView([service('echo'), producer, consumer, created(grpcRoute({ parentRefs: [meshParent('echo', { port: 8080 })] }), '2024-01-01T00:00:00Z')]);
    const on80 = buildRoutingTable({ service: svc, port: 80, routes: view.attachedRoutes('default', 'echo', 80) });
    expect(on80.protocol).toBe('http');
    expect(on80.routes.map((r) => r.name)).toEqual(['producer']);
    const on8080 = buildRoutingTable({ service: svc, port: 8080, routes: view.attachedRoutes('default', 'echo', 8080) });
    expect(on8080.protocol).toBe('grpc');
    expect(on8080.conflicted.map((r) => r.name).sort()).toEqual(['consumer', 'producer']);
    expect(view.attachedRoutes('default', 'echo', 80).map((r) => r.name).sort()).toEqual(['consumer', 'producer']);
  });

  it('never throws on malformed routes', () => {
    const malformed = [
      { kind: 'HTTPRoute', metadata: { name: 'x', namespace: 'default' }, spec: { parentRefs: [meshParent()], rules: [null, { matches: [1, { path: 7, headers: [{ name: 3 }] }], backendRefs: 'no' }] } },
      { kind: 'HTTPRoute', metadata: null, spec: 'nope' },
    ];
    const t = buildRoutingTable({ service: svc, port: 80, routes: malformed.map((object) => ({ kind: 'HTTPRoute' as const, namespace: 'default', name: 'x', object })) });
    expect(order(t)).toEqual(['x#1.1']);
    expect(t.entries[0]?.match).toEqual({ protocol: 'http', path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] });
  });
});

describe('the cost of proving shadows', () => {
  // One rule per match-all entry that differs only in a header value: no entry covers another,
  // so every pair is tried. The last rule repeats the first one's match, a shadow to prove.
  const rulesWith = (count: number) => [
    ...Array.from({ length: count }, (_, i) => ({ matches: [{ headers: [{ name: 'x-i', value: String(i) }] }], backendRefs: [backend('echo-v1')] })),
    { matches: [{ headers: [{ name: 'x-i', value: '0' }] }], backendRefs: [backend('echo-v2')] },
  ];

  it('proves the shadow while the pairs to try are within the budget', () => {
    const t = table([httpRoute({ rules: rulesWith(100) })]);
    expect(t.entries.at(-1)?.origin.ruleIndex).toBe(100);
    expect(t.entries.at(-1)?.shadowedBy?.origin.ruleIndex).toBe(0);
  });

  it('stops proving past COVER_CHECK_BUDGET checks, reporting nothing it did not prove, in time linear in the route', () => {
    // 1,000 entries are some 500,000 pairs, ten times the budget.
    const t = table([httpRoute({ rules: rulesWith(1_000) })]);
    expect(t.entries).toHaveLength(1_001);
    expect(t.entries.at(-1)?.origin.ruleIndex).toBe(1_000);
    expect(t.entries.filter((e) => e.shadowedBy !== undefined)).toEqual([]);
  });
});
