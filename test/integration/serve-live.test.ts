import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { admissionReview, meshRoute } from '../support/reviews.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const service = (name: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});
const policyConfigMap = (policy: string) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gamma-webhook-policy', namespace: 'gamma-system' },
  data: { 'policy.yaml': policy },
});

let api: ApiServer | undefined;
let server: ServeProcess | undefined;
afterEach(async () => {
  await server?.kill();
  await api?.close();
});

describe('serve against a live cluster (loopback API server, real client)', () => {
  it('gates readiness on the cache, judges from it, follows the policy ConfigMap and writes route status', async () => {
    api = await startApiServer({
      objects: [service('echo-service'), service('echo-v1'), policyConfigMap('rules: {MR108: {action: deny}}\n')],
    });
    const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-kube-')), 'config');
    await api.writeKubeconfig(kubeconfig);
    server = await startServeProcess(['--kubeconfig', kubeconfig, '--namespace', 'gamma-system']);
    const running = server;
    expect(running.lines.join('\n')).toMatch(/live cluster https:\/\/127\.0\.0\.1:\d+/);
    await eventually('/readyz 200', async () => (await running.get('/readyz')).status === 200);

    const route = { ...meshRoute('hosts'), spec: { ...meshRoute().spec, hostnames: ['echo.example.com'] } };
    const denied = (await running.post('/validate', admissionReview({ object: route }))).json().response;
    expect(denied.allowed).toBe(false);
    expect(denied.status.message).toMatch(/^MR108 spec\.hostnames/);

    // A backend that only the API server knows: the cache learns it, no MR201 warning.
    api.create(service('echo-v2'));
    const backend = meshRoute('v2');
    backend.spec.rules = [{ backendRefs: [{ name: 'echo-v2', port: 80 }] }];
    const found = (await running.post('/validate', admissionReview({ object: backend }))).json().response;
    expect(found).toEqual({ uid: expect.any(String), allowed: true });

    api.replace(policyConfigMap('rules: {MR108: {action: warn}}\n'));
    await eventually('the new policy', async () => {
      const response = (await running.post('/validate', admissionReview({ object: route }))).json().response;
      return response.allowed === true && response.warnings?.[0]?.startsWith('MR108') === true;
    });

    // The status door: the process takes the Lease and writes the route's status.
    api.create({ ...meshRoute('status-route'), metadata: { name: 'status-route', namespace: 'default' } });
    const ref = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: 'default', name: 'status-route' };
    await eventually('the route status', () => ((api?.read(ref)?.status as { parents?: unknown[] } | undefined)?.parents?.length ?? 0) > 0);
    const [parent] = (api.read(ref)?.status as { parents: { controllerName: string; parentRef: unknown; conditions: { type: string; status: string }[] }[] }).parents;
    expect(parent?.controllerName).toBe('gamma-webhook.io/mesh-route-status');
    expect(parent?.parentRef).toEqual({ group: '', kind: 'Service', name: 'echo-service' });
    expect(parent?.conditions.map((c) => [c.type, c.status])).toEqual([['Accepted', 'True'], ['ResolvedRefs', 'True']]);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });
});
