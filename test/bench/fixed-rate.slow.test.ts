/**
 * The fixed-rate client (`bench/fixed-rate.ts`) against small HTTPS servers whose behaviour is
 * known: it must keep the rate, count wrong answers as errors, and charge the time a request
 * waits for a busy connection to that request (no coordinated omission).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFixedRate } from '../../bench/fixed-rate.ts';
import { ensureDevelopmentCertificates } from '../../src/server/certificates.ts';

let tls: { key: string; cert: string; ca: string };
let server: Server | undefined;

beforeAll(async () => {
  const files = await ensureDevelopmentCertificates(mkdtempSync(path.join(tmpdir(), 'gamma-fixed-rate-')), ['localhost', '127.0.0.1']);
  tls = { key: readFileSync(files.keyFile, 'utf8'), cert: readFileSync(files.certFile, 'utf8'), ca: readFileSync(files.caFile, 'utf8') };
});

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server?.closeAllConnections();
  server = undefined;
});

/** An HTTPS server that answers every request after `delayMs` with `status` and `body`. */
async function answering(status: number, body: string, delayMs = 0): Promise<string> {
  server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    request.resume();
    request.on('end', () => {
      setTimeout(() => {
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return `https://127.0.0.1:${address.port}`;
}

const allowed = JSON.stringify({ response: { uid: 'u', allowed: true } });
const base = { path: '/validate', body: '{"request":{"uid":"u"}}', warmupMs: 0 };

describe('runFixedRate', () => {
  it('sends at the rate asked for and records every good answer', async () => {
    const origin = await answering(200, allowed);
    const result = await runFixedRate({ ...base, origin, ca: tls.ca, connections: 4, durationMs: 1000, rate: 200 });
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThanOrEqual(190);
    expect(result.requests).toBeLessThanOrEqual(201);
    expect(result.p50Us).toBeGreaterThan(0);
  });

  it('counts answers that are not 200 with allowed:true as errors', async () => {
    const origin = await answering(500, allowed);
    const result = await runFixedRate({ ...base, origin, ca: tls.ca, connections: 2, durationMs: 300, rate: 100 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(result.requests);
  });

  it('charges the wait for a busy connection to the request: one connection, 50 ms answers, 40 requests/s', async () => {
    // Each answer takes 50 ms and requests are due every 25 ms: half of them wait for the only
    // connection. Measured from the send on the wire, every latency would be about 50 ms.
    const origin = await answering(200, allowed, 50);
    const result = await runFixedRate({ ...base, origin, ca: tls.ca, connections: 1, durationMs: 1000, rate: 40 });
    expect(result.errors).toBe(0);
    expect(result.p99Us).toBeGreaterThan(150_000);
  });
});
