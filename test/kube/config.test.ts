/**
 * Where the client configuration comes from, and the coded errors when it is unusable. The
 * in-cluster and kubeconfig cases end with a real request against the loopback API server.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/kube/client.ts';
import { findKubeConfigSource, isClusterConfigured, loadKubeConfig } from '../../src/kube/config.ts';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';

let server: ApiServer;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  server = await startApiServer();
  dir = await mkdtemp(path.join(tmpdir(), 'gamma-kubeconfig-'));
  kubeconfig = path.join(dir, 'config');
  await server.writeKubeconfig(kubeconfig);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function reachable(loaded: ReturnType<typeof loadKubeConfig>): Promise<unknown> {
  const kube = new KubeClient(loaded.kubeConfig);
  try {
    return await kube.request({ method: 'GET', path: '/version' });
  } finally {
    await kube.close();
  }
}

describe('findKubeConfigSource', () => {
  it.each([
    ['--kubeconfig wins over everything', { kubeconfigPath: '/x', env: { KUBECONFIG: '/y', KUBERNETES_SERVICE_HOST: '10.0.0.1' } }, 'flag'],
    ['KUBECONFIG wins over in-cluster', { env: { KUBECONFIG: `/a${path.delimiter}/b`, KUBERNETES_SERVICE_HOST: '10.0.0.1' } }, 'env'],
    ['in-cluster when KUBERNETES_SERVICE_HOST is set', { env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', HOME: '/nonexistent' } }, 'in-cluster'],
    ['nothing configured', { env: { HOME: '/nonexistent' } }, undefined],
  ] as const)('%s', (_, lookup, kind) => {
    expect(findKubeConfigSource(lookup)?.kind).toBe(kind);
    expect(isClusterConfigured(lookup)).toBe(kind !== undefined);
  });

  it('finds ~/.kube/config under HOME', async () => {
    const home = path.join(dir, 'home');
    await mkdir(path.join(home, '.kube'), { recursive: true });
    await server.writeKubeconfig(path.join(home, '.kube', 'config'));
    const loaded = loadKubeConfig({ env: { HOME: home } });
    expect(loaded.source.kind).toBe('home');
    expect(loaded.server).toBe(server.url);
  });
});

describe('loadKubeConfig', () => {
  it('loads --kubeconfig and talks to the API server with its CA and token', async () => {
    const loaded = loadKubeConfig({ kubeconfigPath: kubeconfig, env: {} });
    expect(loaded.source).toEqual({ kind: 'flag', paths: [kubeconfig] });
    expect(await reachable(loaded)).toMatchObject({ major: '1', minor: '32' });
  });

  it('loads KUBECONFIG, merging several files, the first current-context winning', async () => {
    const other = path.join(dir, 'other');
    await writeFile(other, JSON.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'elsewhere',
      clusters: [{ name: 'elsewhere', cluster: { server: 'https://192.0.2.1:6443' } }],
      users: [{ name: 'elsewhere', user: { token: 'x' } }],
      contexts: [{ name: 'elsewhere', context: { cluster: 'elsewhere', user: 'elsewhere' } }],
    }));
    const loaded = loadKubeConfig({ env: { KUBECONFIG: [kubeconfig, other].join(path.delimiter) } });
    expect(loaded.server).toBe(server.url);
    expect(loadKubeConfig({ env: { KUBECONFIG: [kubeconfig, other].join(path.delimiter) }, context: 'elsewhere' }).server).toBe('https://192.0.2.1:6443');
  });

  it('builds the in-cluster configuration from the service account files', async () => {
    const sa = path.join(dir, 'sa');
    await mkdir(sa, { recursive: true });
    await writeFile(path.join(sa, 'token'), server.token);
    await writeFile(path.join(sa, 'ca.crt'), server.ca);
    const port = new URL(server.url).port;
    const loaded = loadKubeConfig({ env: { KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port }, serviceAccountDir: sa });
    expect(loaded.source.kind).toBe('in-cluster');
    expect(loaded.server).toBe(server.url);
    expect(await reachable(loaded)).toMatchObject({ major: '1' });
  });

  it.each([
    ['nothing configured', { env: { HOME: '/nonexistent' } }],
    ['a missing --kubeconfig file', { kubeconfigPath: '/nonexistent/config', env: {} }],
    ['a missing KUBECONFIG file', { env: { KUBECONFIG: '/nonexistent/config' } }],
    ['in-cluster without a token', { env: { KUBERNETES_SERVICE_HOST: '10.0.0.1' }, serviceAccountDir: '/nonexistent' }],
    ['an unknown context', { kubeconfigPath: 'KUBECONFIG_FILE', env: {}, context: 'nope' }],
  ] as const)('fails with GAMMA_ERR_KUBECONFIG for %s', (_, lookup) => {
    const resolved = 'kubeconfigPath' in lookup && lookup.kubeconfigPath === 'KUBECONFIG_FILE' ? { ...lookup, kubeconfigPath: kubeconfig } : lookup;
    expect(() => loadKubeConfig(resolved)).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_KUBECONFIG' }) as unknown);
  });

  it('fails with GAMMA_ERR_KUBECONFIG for a kubeconfig that is not one', async () => {
    const broken = path.join(dir, 'broken');
    await writeFile(broken, 'clusters: [');
    expect(() => loadKubeConfig({ kubeconfigPath: broken, env: {} })).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_KUBECONFIG' }) as unknown);
    const empty = path.join(dir, 'empty');
    await writeFile(empty, '{"apiVersion":"v1","kind":"Config","clusters":[],"users":[],"contexts":[]}');
    expect(() => loadKubeConfig({ kubeconfigPath: empty, env: {} })).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_KUBECONFIG' }) as unknown);
  });
});
