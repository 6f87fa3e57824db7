import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { envtest, type Envtest } from '../support/envtest.ts';
import { eventually } from '../support/serve-process.ts';

const policyReports = ['crds', 'wgpolicyk8s.io_policyreports.yaml'] as const;
const handle = envtest({ crds: [policyReports] });
const harness = fileURLToPath(new URL('../support/envtest.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(handle.missing)('the envtest harness', () => {
  let cluster: Envtest;
  beforeAll(async () => {
    cluster = await handle.start();
  });

  it('serves the standard Gateway API CRDs and the extra ones, Established', async () => {
    const extensions = cluster.kubeConfig.makeApiClient(ApiextensionsV1Api);
    const httpRoutes = await extensions.readCustomResourceDefinition({ name: 'httproutes.gateway.networking.k8s.io' });
    expect(httpRoutes.metadata?.annotations?.['gateway.networking.k8s.io/channel']).toBe('standard');
    expect(httpRoutes.metadata?.annotations?.['gateway.networking.k8s.io/bundle-version']).toBe('v1.6.1');
    const reports = await extensions.readCustomResourceDefinition({ name: 'policyreports.wgpolicyk8s.io' });
    expect(reports.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
  });

  it('is a real API server: the CRD schema rejects a route before anything of ours runs', async () => {
    const namespace = await cluster.namespace();
    const routes = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    const route = (port: number) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: `port-${port}` },
      spec: { parentRefs: [{ group: '', kind: 'Service', name: 'echo', port }], rules: [{ backendRefs: [{ name: 'echo', port: 80 }] }] },
    });
    const create = (body: object) => routes.createNamespacedCustomObject({ group: 'gateway.networking.k8s.io', version: 'v1', namespace, plural: 'httproutes', body });
    await expect(create(route(0))).rejects.toMatchObject({ code: 422 });
    const stored = (await create(route(80))) as { spec: { rules: { matches: unknown; backendRefs: unknown }[] } };
    // The CRD's defaulting ran.
    expect(stored.spec.rules[0]!.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(stored.spec.rules[0]!.backendRefs).toEqual([{ group: '', kind: 'Service', name: 'echo', port: 80, weight: 1 }]);
  });

  it('makes a unique namespace per call, with the given labels', async () => {
    const [a, b] = await Promise.all([cluster.namespace('harness-', { team: 'a' }), cluster.namespace('harness-', { team: 'a' })]);
    expect(a).not.toBe(b);
    expect(a.startsWith('harness-')).toBe(true);
    const read = await cluster.kubeConfig.makeApiClient(CoreV1Api).readNamespace({ name: a });
    expect(read.metadata?.labels?.team).toBe('a');
  });

  it('shares one server between the files of a worker', async () => {
    const again = await handle.start();
    expect(again.url).toBe(cluster.url);
    expect(readFileSync(again.kubeconfigPath, 'utf8')).toContain(cluster.url);
  });

  it('serves the experimental channel from a server of its own, stopped when its process is killed', async () => {
    // A separate process starts it, so that killing that process is what this test observes.
    const code = `const { envtest } = await import(${JSON.stringify(harness)}); const c = await envtest({ channel: 'experimental' }).start(); console.log(c.kubeconfigPath);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', `${code} setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    const kubeconfigPath = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.on('exit', (status) => reject(new Error(`the child exited ${status}`)));
    });
    const config = new KubeConfig();
    config.loadFromFile(kubeconfigPath);
    expect(config.getCurrentCluster()?.server).not.toBe(cluster.url);
    const crd = await config.makeApiClient(ApiextensionsV1Api).readCustomResourceDefinition({ name: 'httproutes.gateway.networking.k8s.io' });
    expect(crd.metadata?.annotations?.['gateway.networking.k8s.io/channel']).toBe('experimental');

    const dir = path.dirname(kubeconfigPath);
    const pids = ['kube-apiserver', 'etcd'].map((p) => Number(readFileSync(path.join(dir, `${p}.pid`), 'utf8')));
    expect(pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    await eventually('kube-apiserver and etcd to stop after their test process was killed', () => !pids.some(alive), 30_000);
  }, 180_000);
});
