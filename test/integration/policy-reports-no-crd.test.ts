/**
 * `serve --policy-reports true` on a cluster that does not serve the PolicyReport CRD: one log
 * line says so, nothing fails (readiness, route status), and no request touches policyreports
 * beyond the one discovery of wgpolicyk8s.io/v1alpha2.
 *
 * This uses the loopback fake API server (test/support/apiserver), not the real one of
 * test/e2e/policy-reports.test.ts: the real server is shared by a worker's test files and cannot
 * un-serve a CRD another file has installed, while the fake serves a fixed set of APIs without it
 * and records every request it gets.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { meshRoute } from '../support/reviews.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const service = (name: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});

let api: ApiServer | undefined;
let server: ServeProcess | undefined;
afterEach(async () => {
  await server?.kill();
  await api?.close();
});

describe('PolicyReports without the CRD', () => {
  it('one log line, no report request, and the rest of the server works', async () => {
    api = await startApiServer({ objects: [service('echo-service'), service('echo-v1')] });
    const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-kube-')), 'config');
    await api.writeKubeconfig(kubeconfig);
    server = await startServeProcess(['--kubeconfig', kubeconfig, '--namespace', 'gamma-system', '--policy-reports', 'true']);
    const running = server;
    await eventually('/readyz 200', async () => (await running.get('/readyz')).status === 200);

    // The status door still writes: the process holds the Lease and judges routes.
    api.create({ ...meshRoute('status-route'), metadata: { name: 'status-route', namespace: 'default' } });
    const ref = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: 'default', name: 'status-route' };
    await eventually('the route status', () => ((api?.read(ref)?.status as { parents?: unknown[] } | undefined)?.parents?.length ?? 0) > 0);

    const said = running.lines.filter((line) => line.includes('PolicyReport'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('PolicyReport CRD not served');
    const touched = api.requests.filter((r) => r.path.includes('wgpolicyk8s.io') || r.path.includes('policyreports')).map((r) => `${r.method} ${r.path}`);
    expect(touched).toEqual(['GET /apis/wgpolicyk8s.io/v1alpha2']);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });
});
