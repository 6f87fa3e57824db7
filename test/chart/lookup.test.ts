import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { find, fullname, helmBin, helmEnv, namespace, parseObjects, release, templateArgs, type K8sObject } from './helm.ts';

/**
 * The chart's `lookup` of the previous release's TLS Secret, against a small API server on
 * loopback: `helm template --dry-run=server` talks to it as to a cluster (discovery, then GETs).
 * Only what Helm reads is served: discovery for the kinds the chart renders, and the Secret.
 */
const resources: Record<string, [string, string, boolean][]> = {
  v1: [['secrets', 'Secret', true], ['configmaps', 'ConfigMap', true], ['services', 'Service', true], ['serviceaccounts', 'ServiceAccount', true]],
  'apps/v1': [['deployments', 'Deployment', true]],
  'policy/v1': [['poddisruptionbudgets', 'PodDisruptionBudget', true]],
  'rbac.authorization.k8s.io/v1': [['clusterroles', 'ClusterRole', false], ['clusterrolebindings', 'ClusterRoleBinding', false], ['roles', 'Role', true], ['rolebindings', 'RoleBinding', true]],
  'admissionregistration.k8s.io/v1': [['mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false], ['validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false]],
};
const secretPath = `/api/v1/namespaces/${namespace}/secrets/${fullname}-tls`;
const dnsNames = [fullname, `${fullname}.${namespace}`, `${fullname}.${namespace}.svc`, `${fullname}.${namespace}.svc.cluster.local`];
const b64 = (s: string) => Buffer.from(s).toString('base64');

function storedSecret(data: Record<string, string>, issuedFor = dnsNames.join(',')): object {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/tls',
    metadata: {
      name: `${fullname}-tls`,
      namespace,
      resourceVersion: '42',
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace, 'gamma-webhook.io/issued-for': issuedFor },
    },
    data,
  };
}

let server: Server;
let kubeconfig = '';
let secret: object | undefined;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const list = (gv: string) => ({
      kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv,
      resources: (resources[gv] ?? []).map(([name, kind, namespaced]) => ({ name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ['get', 'list', 'create'] })),
    });
    const notFound = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${url.pathname} not found` };
    if (url.pathname === '/version') return send(200, { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
    if (url.pathname === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (url.pathname === '/apis') {
      const groups = Object.keys(resources).filter((gv) => gv.includes('/')).map((gv) => {
        const [name, version] = gv.split('/');
        return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
      });
      return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    }
    if (url.pathname === '/api/v1') return send(200, list('v1'));
    const group = /^\/apis\/([^/]+\/[^/]+)$/.exec(url.pathname)?.[1];
    if (group && resources[group]) return send(200, list(group));
    if (req.method === 'GET' && url.pathname === secretPath && secret) return send(200, secret);
    return send(404, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-lookup-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, JSON.stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'loopback',
    clusters: [{ name: 'loopback', cluster: { server: `http://127.0.0.1:${port}` } }],
    users: [{ name: 'test', user: { token: 'test' } }],
    contexts: [{ name: 'loopback', context: { cluster: 'loopback', user: 'test', namespace } }],
  }));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** helm template against the loopback server (asynchronous: the server runs in this process). */
async function renderAgainstServer(json: Record<string, unknown> = {}): Promise<K8sObject[]> {
  if (!helmBin) throw new Error('helm is not available');
  const args = templateArgs({ json }, ['--dry-run=server', '--disable-openapi-validation']);
  const { stdout } = await promisify(execFile)(helmBin, args, { env: helmEnv({ KUBECONFIG: kubeconfig }), maxBuffer: 64 * 1024 * 1024 });
  return parseObjects(stdout);
}

const tlsData = (objects: K8sObject[]) => (find(objects, 'Secret') as K8sObject & { data: Record<string, string> }).data;
const caBundles = (objects: K8sObject[]) => ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']
  .map((kind) => ((find(objects, kind).webhooks as { clientConfig: { caBundle?: string } }[])[0])?.clientConfig.caBundle);

describe.skipIf(!helmBin)('chart: generated certificates are kept across upgrades (lookup)', () => {
  const previous = { 'tls.crt': b64('previous serving cert'), 'tls.key': b64('previous key'), 'ca.crt': b64('previous CA') };

  it('reuses a whole Secret issued for the same names, and its CA as caBundle', async () => {
    secret = storedSecret(previous);
    requests.length = 0;
    const objects = await renderAgainstServer();
    expect(requests).toContain(`GET ${secretPath}`);
    expect(tlsData(objects)).toEqual(previous);
    expect(caBundles(objects)).toEqual([previous['ca.crt'], previous['ca.crt']]);
  });

  it('issues a new CA when there is no Secret yet', async () => {
    secret = undefined;
    const objects = await renderAgainstServer();
    const data = tlsData(objects);
    expect(Buffer.from(data['ca.crt'] ?? '', 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(caBundles(objects)).toEqual([data['ca.crt'], data['ca.crt']]);
  });

  it('issues a new CA when the Secret lacks a key', async () => {
    const { 'tls.key': _key, ...partial } = previous;
    secret = storedSecret(partial);
    const data = tlsData(await renderAgainstServer());
    expect(data['ca.crt']).not.toBe(previous['ca.crt']);
    expect(Buffer.from(data['tls.key'] ?? '', 'base64').toString()).toMatch(/PRIVATE KEY/);
  });

  it('issues a new certificate when the names changed (here the cluster domain)', async () => {
    secret = storedSecret(previous);
    const objects = await renderAgainstServer({ clusterDomain: 'corp.internal' });
    const data = tlsData(objects);
    expect(data['tls.crt']).not.toBe(previous['tls.crt']);
    expect(find(objects, 'Secret').metadata.annotations?.['gamma-webhook.io/issued-for']).toContain(`${fullname}.${namespace}.svc.corp.internal`);
  });
});
