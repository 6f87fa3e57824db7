import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/cli/explain/explanation.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import { explainRun } from './lint-io.ts';

/** explain against the loopback API server, through the live view (discovery, list and watch). */

const gw = 'gateway.networking.k8s.io';

function service(namespace: string, name: string, ports: { name?: string; port: number }[]): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports } };
}

function route(kind: 'HTTPRoute' | 'GRPCRoute', namespace: string, name: string, port: number | undefined, rules: unknown[]): KubeObject {
  return {
    apiVersion: `${gw}/v1`,
    kind,
    metadata: { name, namespace },
    spec: { parentRefs: [{ group: '', kind: 'Service', name: 'web', namespace: 'shop', ...(port === undefined ? {} : { port }) }], rules },
  };
}

const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'checkout' } },
  service('shop', 'web', [{ name: 'http', port: 80 }, { name: 'grpc', port: 9090 }]),
  service('shop', 'web-v1', [{ port: 8080 }]),
  service('shop', 'web-v2', [{ port: 8080 }]),
  route('HTTPRoute', 'shop', 'web', 80, [
    { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'web-v1', port: 8080, weight: 1 }, { name: 'web-v2', port: 8080, weight: 3 }] },
    { matches: [{ path: { type: 'Exact', value: '/api' } }], backendRefs: [{ name: 'web-v3', port: 8080 }] },
  ]),
  route('HTTPRoute', 'checkout', 'web-for-checkout', 80, [{ backendRefs: [{ name: 'web-v2', namespace: 'shop', port: 8080 }] }]),
  route('GRPCRoute', 'shop', 'web-grpc', 9090, [{ matches: [{ method: { service: 'shop.Web' } }], backendRefs: [{ name: 'web-v1', port: 8080 }] }]),
];

describe('explain against a cluster', () => {
  let server: ApiServer;
  let dir: string;
  let kubeconfig: string;
  const run = (argv: string[], timeoutMs?: number) =>
    explainRun([...argv, '--kubeconfig', kubeconfig], { cwd: dir, ...(timeoutMs === undefined ? {} : { clusterSyncTimeoutMs: timeoutMs }) });

  beforeAll(async () => {
    server = await startApiServer({ objects });
    dir = await mkdtemp(path.join(tmpdir(), 'explain-live-'));
    kubeconfig = path.join(dir, 'kubeconfig');
    await server.writeKubeconfig(kubeconfig);
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the tables the webhook sees, without file positions', async () => {
    const result = await run(['service/web', '-n', 'shop']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Service shop/web

Port 80 (http): HTTPRoutes of namespace shop, for every client
  targets  web.shop.svc.cluster.local:80
           xds:///web.shop.svc.cluster.local:80 (proxyless gRPC)
  routes   web
  note     consumer routes for namespace checkout: clients there get their own table (--from NAMESPACE)

  #  MATCH            ROUTE                    BACKENDS           NOTES
  1  Exact /api       web rules[1].matches[0]  web-v3:8080  100%  unresolved backend: Service shop/web-v3 not found
  2  PathPrefix /api  web rules[0].matches[0]  web-v1:8080   25%
                                               web-v2:8080   75%

Port 9090 (grpc): GRPCRoutes of namespace shop, for every client
  targets  web.shop.svc.cluster.local:9090
           xds:///web.shop.svc.cluster.local:9090 (proxyless gRPC)
  routes   web-grpc

  #  MATCH             ROUTE                         BACKENDS           NOTES
  1  Exact shop.Web/*  web-grpc rules[0].matches[0]  web-v1:8080  100%

shop/web: 2 ports, 3 entries, 1 problem
`);
    expect(result.code).toBe(1);
  });

  it('gives JSON for one port and one client namespace', async () => {
    const result = await run(['service/web', '-n', 'shop', '--port', '80', '--from', 'checkout', '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const explanation = JSON.parse(result.stdout) as Explanation;
    expect(explanation.ports).toHaveLength(1);
    expect(explanation.ports[0]).toMatchObject({
      port: 80,
      table: 'consumer',
      routesNamespace: 'checkout',
      routes: [{ kind: 'HTTPRoute', namespace: 'checkout', name: 'web-for-checkout', file: null, line: null }],
    });
    expect(explanation.ports[0]?.entries.map((e) => [e.route.name, e.file, e.line, e.backends.map((b) => `${b.namespace}/${b.name} ${b.percent} ${String(b.resolved)}`)])).toEqual([
      ['web-for-checkout', null, null, ['shop/web-v2 100 true']],
    ]);
  });

  it('exits 2 naming a Service the cluster does not have, and a port the Service does not have', async () => {
    const missing = await run(['service/web', '-n', 'checkout']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'gamma-webhook explain: the Service or port to explain does not exist: no Service checkout/web in the cluster; name its namespace with -n [GAMMA_ERR_EXPLAIN_NOT_FOUND]\n',
    );
    const port = await run(['service/web', '-n', 'shop', '--port', '8080']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('Service shop/web has no port 8080 (its ports: 80, 9090)');
  });

  it('exits 2 on an unknown context', async () => {
    const result = await run(['service/web', '--context', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no context "nope" in the kubeconfig (known: loopback) [GAMMA_ERR_LINT_CLUSTER]');
  });

  it('exits 2 with the last error when the cluster cannot be listed in time', async () => {
    server.inject({ verb: 'list', resource: 'httproutes', status: 403, times: Infinity });
    try {
      const result = await run(['service/web', '-n', 'shop'], 1500);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('were not all listed within 1.5 s (last error: HTTPRoute cluster watch failed; restarting: HTTP 403: injected error 403)');
      expect(result.stderr).toContain('[GAMMA_ERR_LINT_CLUSTER]');
    } finally {
      server.clearInjections();
    }
  });

  it('exits 2 when the cluster does not answer', async () => {
    const closed = await startApiServer();
    const config = path.join(dir, 'closed');
    await closed.writeKubeconfig(config);
    await closed.close();
    const result = await explainRun(['service/web', '--kubeconfig', config], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gamma-webhook explain: the live cluster could not be read: https:\/\/127\.0\.0\.1:\d+: .*discovery/);
  });
});
