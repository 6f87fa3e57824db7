import { writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionReview, meshRoute } from '../support/reviews.ts';
import { startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const cluster = `
apiVersion: v1
kind: Service
metadata: {name: echo-service, namespace: default}
spec: {ports: [{name: http, port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: echo-v1, namespace: default}
spec: {ports: [{name: http, port: 80}]}
`;

let server: ServeProcess | undefined;
afterEach(async () => {
  await server?.kill();
  server = undefined;
});

/** `serve` with the static view of `cluster` (no cluster configured: HOME is empty). */
async function startStatic(extraArgs: string[] = []) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-view-')), 'cluster.yaml');
  writeFileSync(file, cluster);
  return startServeProcess(['--static-view', file, '--drain-delay', '0.5', ...extraArgs]);
}

describe('the serve process', () => {
  it('drains on SIGTERM: the request in flight completes and the process exits 0', async () => {
    server = await startStatic();
    const running = server;
    const body = Buffer.from(JSON.stringify(admissionReview({ object: meshRoute() })));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpsRequest({
        host: '127.0.0.1', port: running.port, path: '/validate', method: 'POST', ca: running.ca, servername: 'localhost',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      // Half the body now, SIGTERM, the rest later: the request is in flight across the signal.
      request.write(body.subarray(0, 100));
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => request.end(body.subarray(100)), 300);
      }, 100);
    });
    const response = await answer;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).response.allowed).toBe(true);
    expect(await running.exited).toBe(0);
    expect(running.lines.join('\n')).toContain('shut down cleanly');
  });

  it('stops at start with a coded error naming a bad option', async () => {
    await expect(startStatic(['--log-level', 'loud'])).rejects.toThrow(/--log-level \(GAMMA_LOG_LEVEL\) must be one of/);
  });
});
