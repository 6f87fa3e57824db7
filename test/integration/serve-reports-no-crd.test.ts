/**
 * `serve --policy-reports true` on a cluster that does not serve the PolicyReport CRD: one log
 * line, one discovery request, and everything else works. On the fake API server, not the real
 * one of test/e2e/policy-reports.test.ts: the real server is shared by a worker's test files and
 * cannot un-serve a CRD another file installed, while the fake serves a fixed set of APIs without
 * it and records every request it gets.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

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

describe('serve --policy-reports without the PolicyReport CRD', () => {
  it('says so in one log line, sends no report request, and the rest works', async () => {
    api = await startApiServer({ objects: [service('echo-service'), service('echo-v1')] });
    const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-kube-')), 'config');
    await api.writeKubeconfig(kubeconfig);
    server = await startServeProcess(['--kubeconfig', kubeconfig, '--namespace', 'gamma-system', '--policy-reports', 'true']);
    const running = server;
    await eventually('/readyz 200', async () => (await running.get('/readyz')).status === 200);

    await eventually('the discovery log line', () => running.lines.some((line) => line.includes('PolicyReport')));
    const said = running.lines.filter((line) => line.includes('PolicyReport'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('PolicyReport CRD not served');
    const touched = api.requests.filter((r) => r.path.includes('wgpolicyk8s.io') || r.path.includes('policyreports')).map((r) => `${r.method} ${r.path}`);
    expect(touched).toEqual(['GET /apis/wgpolicyk8s.io/v1alpha2']);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });
});
