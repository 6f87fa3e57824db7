/**
 * gamma_certificate_expiry_timestamp_seconds in a real `serve` process: the notAfter of the
 * certificate it serves at start, and of the new one after the files are rotated in place.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { certificateNotAfter, ensureDevelopmentCertificates, loadKeyPair } from '../../src/server/certificates.ts';
import { eventually, startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const day = 24 * 3600 * 1000;

/** The gauge's value in an exposition, or undefined when the line is missing. */
function expiryGauge(exposition: string): number | undefined {
  const match = /^gamma_certificate_expiry_timestamp_seconds (\S+)$/m.exec(exposition);
  return match ? Number(match[1]) : undefined;
}

let server: ServeProcess | undefined;
afterEach(async () => {
  await server?.kill();
  server = undefined;
});

describe('certificateNotAfter', () => {
  it('is the notAfter of the first certificate of the chain, the one served', async () => {
    const issued = new Date('2026-03-01T12:00:00Z');
    const dir = mkdtempSync(path.join(tmpdir(), 'gamma-expiry-'));
    const certs = await ensureDevelopmentCertificates(path.join(dir, 'first'), ['localhost'], issued);
    const pair = loadKeyPair(certs.certFile, certs.keyFile);
    expect(certificateNotAfter(pair).getTime()).toBe(issued.getTime() + 365 * day);
    // Another certificate after it in the chain (an intermediate) does not change the answer.
    const later = await ensureDevelopmentCertificates(path.join(dir, 'later'), ['localhost'], new Date(issued.getTime() + 100 * day));
    const chain = `${pair.cert.trimEnd()}\n${readFileSync(later.certFile, 'utf8')}`;
    expect(new X509Certificate(readFileSync(later.certFile)).validToDate.getTime()).toBe(issued.getTime() + 465 * day);
    expect(certificateNotAfter({ ...pair, cert: chain }).getTime()).toBe(issued.getTime() + 365 * day);
  });
});

describe('gamma_certificate_expiry_timestamp_seconds in the serve process', () => {
  it('is the served certificate\'s notAfter at start and follows a rotation of the files', async () => {
    server = await startServeProcess(['--static-view', path.resolve('examples/cluster.yaml')]);
    const running = server;
    const certsDir = path.join(running.dir, 'certs');
    const notAfter = (file: string) => new X509Certificate(readFileSync(file)).validToDate.getTime() / 1000;
    const initial = notAfter(path.join(certsDir, 'tls.crt'));
    expect(expiryGauge((await running.get('/metrics')).text)).toBe(initial);

    // A pair issued 30 days ago by another CA: its notAfter is 30 days earlier.
    const next = await ensureDevelopmentCertificates(path.join(running.dir, 'next'), ['localhost', '127.0.0.1'], new Date(Date.now() - 30 * day));
    const rotated = notAfter(next.certFile);
    expect(initial - rotated).toBeGreaterThan(29 * 86400);
    writeFileSync(path.join(certsDir, '.tls.key.new'), readFileSync(next.keyFile));
    writeFileSync(path.join(certsDir, '.tls.crt.new'), readFileSync(next.certFile));
    renameSync(path.join(certsDir, '.tls.key.new'), path.join(certsDir, 'tls.key'));
    renameSync(path.join(certsDir, '.tls.crt.new'), path.join(certsDir, 'tls.crt'));

    // Fresh connections trusting both CAs: after the swap the server presents the new chain.
    const agent = new Agent({ connect: { ca: [running.ca, readFileSync(next.caFile, 'utf8')] } });
    const scrape = async () => {
      const response = await request(`https://127.0.0.1:${running.port}/metrics`, { dispatcher: agent, reset: true });
      return expiryGauge(await response.body.text());
    };
    try {
      await eventually('the gauge to follow the rotated certificate', async () => (await scrape()) === rotated);
    } finally {
      await agent.close();
    }
    expect(running.lines.some((line) => line.includes('TLS certificate reloaded'))).toBe(true);
  });
});
