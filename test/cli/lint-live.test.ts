import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLiveCluster } from '../../src/cli/lint/live.ts';
import { lintRun } from './lint-io.ts';

/**
 * Plain HTTP on loopback (client-node allows it with insecure-skip-tls-verify). A loopback API server with what lint lists: Services over two pages (limit/continue), and
 * ReferenceGrants only as v1beta1 (a cluster with an older Gateway API: v1 answers 404).
 */
const services = [
  { metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [{ name: 'http', port: 80 }] } },
  { metadata: { name: 'billing', namespace: 'payments' }, spec: { ports: [{ port: 80 }] } },
];
const grants = [
  {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: 'shop-to-billing', namespace: 'payments' },
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service' }] },
  },
];

const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: checkout
  namespace: shop
spec:
  parentRefs:
  - group: ""
    kind: Service
    name: web
    port: 80
  rules:
  - backendRefs:
    - name: billing
      namespace: payments
      port: 80
`;

describe('lint with a live cluster', () => {
  let server: Server;
  let dir: string;
  let kubeconfig: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      requests.push(`${url.pathname}?${url.searchParams.toString()}`);
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (url.pathname === '/api/v1/services') {
        const page = url.searchParams.get('continue') === 'page2' ? 1 : 0;
        return json(200, {
          kind: 'ServiceList',
          apiVersion: 'v1',
          metadata: page === 0 ? { resourceVersion: '10', continue: 'page2' } : { resourceVersion: '10' },
          items: [services[page]],
        });
      }
      if (url.pathname === '/apis/gateway.networking.k8s.io/v1beta1/referencegrants') {
        return json(200, { kind: 'ReferenceGrantList', apiVersion: 'gateway.networking.k8s.io/v1beta1', metadata: {}, items: grants });
      }
      return json(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    dir = await mkdtemp(path.join(tmpdir(), 'lint-live-'));
    kubeconfig = path.join(dir, 'kubeconfig');
    await writeFile(
      kubeconfig,
      `apiVersion: v1
kind: Config
clusters:
- name: loopback
  cluster: {server: "http://127.0.0.1:${address.port}", insecure-skip-tls-verify: true}
users:
- name: dev
  user: {token: dev-token}
contexts:
- name: loopback
  context: {cluster: loopback, user: dev}
- name: other
  context: {cluster: loopback, user: dev}
current-context: other
`,
    );
    await writeFile(path.join(dir, 'route.yaml'), route);
    await writeFile(path.join(dir, 'policy.yaml'), 'crossNamespaceBackends: requireReferenceGrant\n');
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('lists Services page by page and ReferenceGrants with the v1beta1 fallback', async () => {
    requests.length = 0;
    const objects = await readLiveCluster({ kubeconfig, context: 'loopback' });
    expect(objects.map((o) => `${String(o.apiVersion)} ${String(o.kind)} ${(o.metadata as { name: string }).name}`)).toEqual([
      'v1 Service web',
      'v1 Service billing',
      'gateway.networking.k8s.io/v1beta1 ReferenceGrant shop-to-billing',
    ]);
    expect(requests).toEqual([
      '/api/v1/services?limit=500',
      '/api/v1/services?continue=page2&limit=500',
      '/apis/gateway.networking.k8s.io/v1/referencegrants?limit=500',
      '/apis/gateway.networking.k8s.io/v1beta1/referencegrants?limit=500',
    ]);
  });

  it('judges the files against the cluster: Services and grants found there are not missing', async () => {
    const offline = await lintRun(['-o', 'json', '--policy', 'policy.yaml', 'route.yaml'], { cwd: dir });
    expect(JSON.parse(offline.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['MR102', 'MR201', 'MR206']);
    const live = await lintRun(['-o', 'json', '--policy', 'policy.yaml', '--kubeconfig', 'kubeconfig', '--context', 'loopback', 'route.yaml'], {
      cwd: dir,
    });
    expect(live.stderr).toBe('');
    expect(JSON.parse(live.stdout).findings).toEqual([]);
    expect(live.code).toBe(0);
  });

  it('lets a Service in the files win over the cluster one', async () => {
    const headless = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {clusterIP: None, ports: [{port: 80}]}\n';
    const run = await lintRun(['-o', 'json', '--kubeconfig', 'kubeconfig', 'route.yaml', '-'], { cwd: dir, stdin: headless });
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['MR104']);
    expect(run.code).toBe(0);
  });

  it.each([
    ['an unknown context', ['--kubeconfig', 'kubeconfig', '--context', 'nope'], 'no context "nope"'],
    ['a missing kubeconfig', ['--kubeconfig', 'missing'], 'kubeconfig'],
  ])('exits 2 on %s', async (_, flags, text) => {
    const run = await lintRun([...flags, 'route.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(text);
    expect(run.stderr).toContain('[GAMMA_ERR_LINT_CLUSTER]');
  });

  it('exits 2 when the cluster does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const config = path.join(dir, 'unreachable');
    await writeFile(
      config,
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`,
    );
    const run = await lintRun(['--kubeconfig', config, 'route.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('listing Services');
    expect(run.stderr).toContain('[GAMMA_ERR_LINT_CLUSTER]');
  });
});
