/**
 * The routing table's own cost: CPU microseconds (`process.cpuUsage`) to build the table of one
 * Service port with `rules` attached rules, read from the route objects as the view holds them
 * (`buildRoutingTable`: reading every route, ranking, proving shadows). The routes are 20 with
 * rules/20 rules each: PathPrefix and Exact paths, methods, header and query matches, a
 * RegularExpression now and then, and a duplicate match every seventh rule, so that the table has
 * shadows to prove. Part of the judge-alone bench (`bench/core-timing.ts`).
 */
import { buildRoutingTable, type TableRoute } from '../src/core/routing-table.ts';

const GATEWAY = 'gateway.networking.k8s.io';

/** 20 HTTPRoutes on `shop/web`, `rules` rules in all, of different ages. */
export function routingRoutes(rules: number): TableRoute[] {
  const routes = 20;
  return Array.from({ length: routes }, (_, r) => {
    const name = `route-${r}`;
    const perRoute = Math.ceil(rules / routes);
    const object = {
      apiVersion: `${GATEWAY}/v1`,
      kind: 'HTTPRoute',
      metadata: { name, namespace: 'shop', creationTimestamp: new Date(Date.UTC(2026, 0, 1 + r)).toISOString() },
      spec: {
        parentRefs: [{ group: '', kind: 'Service', name: 'web' }],
        rules: Array.from({ length: perRoute }, (_, i) => {
          const n = r * perRoute + i;
          const path = n % 7 === 0
            ? { type: 'PathPrefix', value: `/api/${n % 5}` }
            : n % 9 === 0
              ? { type: 'RegularExpression', value: `/v${n}/items/[0-9]+` }
              : { type: n % 3 === 0 ? 'Exact' : 'PathPrefix', value: `/api/${n % 5}/items/${n}` };
          return {
            matches: [{
              path,
              ...(n % 2 === 0 ? { method: 'GET' } : {}),
              ...(n % 4 === 0 ? { headers: [{ name: 'x-tenant', value: `t${n % 3}` }] } : {}),
              ...(n % 6 === 0 ? { queryParams: [{ name: 'v', value: '2' }] } : {}),
            }],
            backendRefs: [{ name: `svc-${n % 10}`, port: 80, weight: 90 }, { name: `svc-${(n + 1) % 10}`, port: 80, weight: 10 }],
          };
        }),
      },
    };
    return { kind: 'HTTPRoute' as const, namespace: 'shop', name, object };
  });
}

/** Median CPU µs per table build, over `rounds` batches of `batch` builds. */
export function measureRoutingTable(rules = 200, rounds = 30, batch = 50): number {
  const routes = routingRoutes(rules);
  const input = { service: { namespace: 'shop', name: 'web' }, port: 80, routes };
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.cpuUsage();
    for (let i = 0; i < batch; i++) buildRoutingTable(input);
    const used = process.cpuUsage(started);
    samples.push((used.user + used.system) / batch);
  }
  samples.sort((a, b) => a - b);
  return Math.round((samples[Math.floor(samples.length / 2)] ?? 0) * 10) / 10;
}
