import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { Agent, request } from 'undici';
import { buildWebhookServer, type WebhookServerOptions } from '../../src/server/app.ts';
import { ensureDevelopmentCertificates, loadKeyPair } from '../../src/server/certificates.ts';
import { createMetrics } from '../../src/metrics.ts';
import type { Judge } from '../../src/admission/judge.ts';

/** Development certificates in a fresh temporary directory. */
export async function temporaryCertificates() {
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-certs-'));
  const certs = await ensureDevelopmentCertificates(dir, ['localhost', '127.0.0.1']);
  return { dir, ...certs, ca: readFileSync(certs.caFile, 'utf8') };
}

/**
 * The real webhook server on 127.0.0.1, ephemeral port, real TLS, with the given judge.
 * `post` sends raw bodies so tests control every byte.
 */
export async function startWebhook(judge: Judge, overrides: Partial<WebhookServerOptions> = {}) {
  const certs = await temporaryCertificates();
  const metrics = createMetrics(undefined, { processMetrics: false });
  const app = buildWebhookServer({
    keyPair: loadKeyPair(certs.certFile, certs.keyFile),
    logger: pino({ level: 'silent' }),
    metrics,
    judge,
    readiness: [],
    bodyLimit: 3 * 1024 * 1024,
    maxWarnings: 10,
    serveMetrics: true,
    ...overrides,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const origin = `https://127.0.0.1:${address.port}`;
  const dispatcher = new Agent({ connect: { ca: certs.ca } });
  const post = async (pathname: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
    const response = await request(`${origin}${pathname}`, { method: 'POST', body, headers, dispatcher });
    const text = await response.body.text();
    return { status: response.statusCode, text, json: () => JSON.parse(text) };
  };
  const get = async (pathname: string) => {
    const response = await request(`${origin}${pathname}`, { dispatcher });
    const text = await response.body.text();
    return { status: response.statusCode, text, json: () => JSON.parse(text) };
  };
  return {
    app,
    certs,
    metrics,
    origin,
    port: address.port,
    dispatcher,
    post,
    postJson: (pathname: string, value: unknown) => post(pathname, JSON.stringify(value)),
    get,
    close: async () => {
      await dispatcher.close();
      await app.close();
    },
  };
}
