import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { meshRoute } from '../support/reviews.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const service = (name: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});

let api: ApiServer | undefined;
let server: ServeProcess | undefined;
afterEach(async () => {
  await server?.kill();
  await api?.close();
});

const missing = 'namespace gamma-system not found: create it or pass --namespace (GAMMA_NAMESPACE)';

/** The value of `gamma_status_lease_errors_total{reason="namespace_not_found"}`, 0 when absent. */
function leaseErrors(metrics: string): number {
  const match = /^gamma_status_lease_errors_total\{reason="namespace_not_found"\} (\d+)$/m.exec(metrics);
  return match ? Number(match[1]) : 0;
}

describe('serve when the status Lease cannot be taken', () => {
  it('warns once with the fix, counts the failures, says so in /readyz without failing it, and writes status once the namespace exists', async () => {
    api = await startApiServer({ namespaceLifecycle: true, objects: [namespace('default'), service('echo-service')] });
    const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-kube-')), 'config');
    await api.writeKubeconfig(kubeconfig);
    server = await startServeProcess(['--kubeconfig', kubeconfig, '--namespace', 'gamma-system']);
    const running = server;
    api.create({ ...meshRoute('status-route'), metadata: { name: 'status-route', namespace: 'default' } });

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
    const ref = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: 'default', name: 'status-route' };
    expect(api.read(ref)?.status).toBeUndefined();

    // The fix, without a restart: the next attempt takes the Lease and the route's status is written.
    api.create(namespace('gamma-system'));
    await eventually('the route status', () => ((api?.read(ref)?.status as { parents?: unknown[] } | undefined)?.parents?.length ?? 0) > 0, 20_000);
    const leading = JSON.parse((await running.get('/readyz')).text);
    expect(leading.detail).toEqual(['status: leader (holds Lease gamma-system/gamma-webhook-status; writing route status)']);
    expect(running.lines.some((l) => l.includes('acquired the status Lease'))).toBe(true);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  }, 60_000);
});
