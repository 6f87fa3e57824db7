import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionReview, meshRoute } from '../support/reviews.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
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

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
});

/** Starts `gamma-webhook serve` as users do, on an ephemeral port; resolves with its port and CA. */
async function startProcess(extraArgs: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-process-'));
  writeFileSync(path.join(dir, 'cluster.yaml'), cluster);
  const lines: string[] = [];
  child = spawn(process.execPath, [
    path.join(root, 'src/cli/main.ts'), 'serve', '--port', '0', '--certs-dir', path.join(dir, 'certs'),
    '--static-view', path.join(dir, 'cluster.yaml'), '--drain-delay', '0.5', ...extraArgs,
  ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) lines.push(line);
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      const match = /Server listening at https:\/\/127\.0\.0\.1:(\d+)/.exec(lines.join('\n'));
      if (match) resolve(Number(match[1]));
    });
    child?.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)));
  });
  return { port, ca: readFileSync(path.join(dir, 'certs/ca.crt'), 'utf8'), exited, lines };
}

describe('the serve process', () => {
  it('drains on SIGTERM: the request in flight completes and the process exits 0', async () => {
    const server = await startProcess();
    const body = Buffer.from(JSON.stringify(admissionReview({ object: meshRoute() })));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpsRequest({
        host: '127.0.0.1', port: server.port, path: '/validate', method: 'POST', ca: server.ca, servername: 'localhost',
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
        child?.kill('SIGTERM');
        setTimeout(() => request.end(body.subarray(100)), 300);
      }, 100);
    });
    const response = await answer;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).response.allowed).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.lines.join('\n')).toContain('shut down cleanly');
  });

  it('stops at start with a coded error naming a bad option', async () => {
    await expect(startProcess(['--log-level', 'loud'])).rejects.toThrow(/--log-level \(GAMMA_LOG_LEVEL\) must be one of/);
  });
});
