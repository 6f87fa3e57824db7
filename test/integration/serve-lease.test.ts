/**
 * `gamma-webhook serve` when its status Lease cannot be taken because its namespace does not
 * exist: against the real kube-apiserver of ../shared/envtest (the worker's server), whose
 * NamespaceLifecycle admission refuses the Lease with 404 as a cluster does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { realCluster } from '../support/real-cluster.ts';
import { meshRoute } from '../support/reviews.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const service = (name: string, namespace: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace },
  spec: { type: 'ClusterIP', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});

const real = realCluster();
let server: ServeProcess | undefined;

afterEach(async () => {
  await server?.kill();
});

/** The value of `gamma_status_lease_errors_total{reason="namespace_not_found"}`, 0 when absent. */
function leaseErrors(metrics: string): number {
  const match = /^gamma_status_lease_errors_total\{reason="namespace_not_found"\} (\d+)$/m.exec(metrics);
  return match ? Number(match[1]) : 0;
}

describe.skipIf(real.missing)('serve when the status Lease cannot be taken', () => {
  it('warns once with the fix, counts the failures, says so in /readyz without failing it, and writes status once the namespace exists', async () => {
    const ns = await real.cluster.namespace('lease-');
    // Not created yet: the fix the warning asks for comes later in the test.
    const system = `gamma-system-${ns}`;
    const missing = `namespace ${system} not found: create it or pass --namespace (GAMMA_NAMESPACE)`;
    await real.objects.create(service('echo-service', ns));
    server = await startServeProcess(['--kubeconfig', real.cluster.kubeconfigPath, '--namespace', system, '--watch-namespaces', ns]);
    const running = server;
    await real.objects.create(meshRoute('status-route', { namespace: ns }));

    // At start: whether route status will be written, and why not.
    await eventually('the start-up line about route status', () => running.lines.some((l) => l.includes('route status will not be written now')));
    const startLine = running.lines.find((l) => l.includes('route status will not be written now')) ?? '';
    expect(JSON.parse(startLine).msg).toBe(`route status will not be written now: status: not leader (${missing})`);

    // Retrying: several failed attempts, counted, but one warning for the one cause.
    await eventually('two failed Lease attempts', async () => leaseErrors((await running.get('/metrics')).text) >= 2, 20_000);
    const warnings = running.lines.filter((l) => l.includes('status Lease could not be taken'));
    expect(warnings).toHaveLength(1);
    const warning = JSON.parse(warnings[0] ?? '{}');
    expect(warning).toMatchObject({ level: 40, code: 'GAMMA_ERR_LEASE', reason: 'namespace_not_found' });
    expect(warning.msg).toContain(missing);

    const ready = await running.get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready', detail: [`status: not leader (${missing})`] });
    const ref = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: ns, name: 'status-route' };
    expect((await real.objects.read(ref))?.status).toBeUndefined();

    // The fix, without a restart: the next attempt takes the Lease and the route's status is written.
    await real.objects.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: system } });
    await eventually('the route status', async () => (((await real.objects.read(ref))?.status as { parents?: unknown[] } | undefined)?.parents?.length ?? 0) > 0, 20_000);
    const leading = JSON.parse((await running.get('/readyz')).text);
    expect(leading.detail).toEqual([`status: leader (holds Lease ${system}/gamma-webhook-status; writing route status)`]);
    expect(running.lines.some((l) => l.includes('acquired the status Lease'))).toBe(true);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  }, 60_000);
});
