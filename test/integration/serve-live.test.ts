/**
 * `gamma-webhook serve` as a child process against the real kube-apiserver of ../shared/envtest
 * (the worker's server; the process watches only this test's namespace and keeps its Lease and
 * policy ConfigMap in another): readiness gated on the cache, decisions from it, the policy
 * ConfigMap followed without a restart, and route status written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { realCluster } from '../support/real-cluster.ts';
import { admissionReview, meshRoute } from '../support/reviews.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const service = (name: string, namespace: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace },
  spec: { type: 'ClusterIP', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});
const policyConfigMap = (policy: string, namespace: string) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gamma-webhook-policy', namespace },
  data: { 'policy.yaml': policy },
});

const real = realCluster();
let server: ServeProcess | undefined;

afterEach(async () => {
  await server?.kill();
});

describe.skipIf(real.missing)('serve against a live cluster (real API server, real client)', () => {
  it('gates readiness on the cache, judges from it, follows the policy ConfigMap and writes route status', async () => {
    const ns = await real.cluster.namespace('serve-');
    const system = await real.cluster.namespace('serve-system-');
    await real.objects.createAll([service('echo-service', ns), service('echo-v1', ns), policyConfigMap('rules: {MR108: {action: deny}}\n', system)]);
    server = await startServeProcess(['--kubeconfig', real.cluster.kubeconfigPath, '--namespace', system, '--watch-namespaces', ns]);
    const running = server;
    expect(running.lines.join('\n')).toMatch(/live cluster https:\/\/127\.0\.0\.1:\d+/);
    await eventually('/readyz 200', async () => (await running.get('/readyz')).status === 200);

    const inNamespace = (name: string) => meshRoute(name, { namespace: ns });
    const route = { ...inNamespace('hosts'), spec: { ...inNamespace('hosts').spec, hostnames: ['echo.example.com'] } };
    const review = (object: unknown) => admissionReview({ object, namespace: ns });
    const denied = (await running.post('/validate', review(route))).json().response;
    expect(denied.allowed).toBe(false);
    expect(denied.status.message).toMatch(/^MR108 spec\.hostnames/);

    // A backend that only the API server knows: the cache learns it, no MR201 warning.
    await real.objects.create(service('echo-v2', ns));
    const backend = inNamespace('v2');
    backend.spec.rules = [{ backendRefs: [{ name: 'echo-v2', port: 80 }] }];
    const found = (await running.post('/validate', review(backend))).json().response;
    expect(found).toEqual({ uid: expect.any(String), allowed: true });

    await real.objects.replace(policyConfigMap('rules: {MR108: {action: warn}}\n', system));
    await eventually('the new policy', async () => {
      const response = (await running.post('/validate', review(route))).json().response;
      return response.allowed === true && response.warnings?.[0]?.startsWith('MR108') === true;
    });

    // The status door: the process takes the Lease and writes the route's status.
    await real.objects.create(inNamespace('status-route'));
    const ref = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: ns, name: 'status-route' };
    const parents = async () => ((await real.objects.read(ref))?.status as { parents?: { controllerName: string; parentRef: unknown; conditions: { type: string; status: string }[] }[] } | undefined)?.parents;
    await eventually('the route status', async () => ((await parents())?.length ?? 0) > 0);
    const [parent] = (await parents()) ?? [];
    expect(parent?.controllerName).toBe('gamma-webhook.io/mesh-route-status');
    expect(parent?.parentRef).toEqual({ group: '', kind: 'Service', name: 'echo-service' });
    expect(parent?.conditions.map((c) => [c.type, c.status])).toEqual([['Accepted', 'True'], ['ResolvedRefs', 'True']]);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  }, 60_000);
});
