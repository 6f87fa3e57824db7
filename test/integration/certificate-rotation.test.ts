import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connect } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { useKeyPair } from '../../src/server/app.ts';
import { watchKeyPair } from '../../src/server/certificates.ts';
import { startWebhook, temporaryCertificates } from '../support/https-server.ts';
import { admissionReview, meshRoute } from '../support/reviews.ts';

/** The fingerprint of the certificate a new TLS connection is served. */
function servedFingerprint(port: number, ca: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
      resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('certificate rotation', () => {
  it('serves the new certificate without failing a request across the swap', async () => {
    const webhook = await startWebhook(async () => ({ allowed: true, denials: [], warnings: [], patch: [], ruleIds: [], findings: [] }));
    const next = await temporaryCertificates();
    const trusted = [webhook.certs.ca, next.ca];
    let applied = 0;
    const watcher = watchKeyPair(webhook.certs.certFile, webhook.certs.keyFile, {
      onChange: (pair) => {
        useKeyPair(webhook.app, pair);
        applied += 1;
      },
      onInvalid: () => {},
    }, 200);
    // Fresh connections only (reset), so every request makes a handshake during the swap.
    const agent = new Agent({ connect: { ca: trusted } });
    const body = JSON.stringify(admissionReview({ object: meshRoute() }));
    let sent = 0;
    const failures: string[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        sent += 1;
        try {
          const response = await request(`${webhook.origin}/validate`, {
            method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher: agent, reset: true,
          });
          const text = await response.body.text();
          if (response.statusCode !== 200 || !JSON.parse(text).response.allowed) failures.push(`${response.statusCode} ${text}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    try {
      const before = await servedFingerprint(webhook.port, trusted);
      const clients = Array.from({ length: 4 }, client);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Kubernetes writes the new pair into the mounted directory; write key and certificate
      // through temporary files and renames, as the kubelet's atomic writer does.
      const dir = path.dirname(webhook.certs.certFile);
      writeFileSync(path.join(dir, '.tls.key.new'), readFileSync(next.keyFile));
      writeFileSync(path.join(dir, '.tls.crt.new'), readFileSync(next.certFile));
      renameSync(path.join(dir, '.tls.key.new'), webhook.certs.keyFile);
      renameSync(path.join(dir, '.tls.crt.new'), webhook.certs.certFile);
      const expected = new X509Certificate(readFileSync(next.certFile)).fingerprint256;
      const deadline = Date.now() + 10_000;
      while (applied === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 300));
      stop = true;
      await Promise.all(clients);
      expect(applied).toBeGreaterThanOrEqual(1);
      expect(before).not.toBe(expected);
      expect(await servedFingerprint(webhook.port, trusted)).toBe(expected);
      expect(sent).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    } finally {
      stop = true;
      watcher.close();
      await agent.close();
      await webhook.close();
    }
  });

  it('keeps the old pair when the new files do not match', async () => {
    const webhook = await startWebhook(async () => ({ allowed: true, denials: [], warnings: [], patch: [], ruleIds: [], findings: [] }));
    const other = await temporaryCertificates();
    const invalid: string[] = [];
    let changed = 0;
    const watcher = watchKeyPair(webhook.certs.certFile, webhook.certs.keyFile, {
      onChange: () => { changed += 1; },
      onInvalid: (error) => invalid.push(error.code),
    }, 100);
    try {
      const before = await servedFingerprint(webhook.port, [webhook.certs.ca]);
      writeFileSync(webhook.certs.certFile, readFileSync(other.certFile));
      const deadline = Date.now() + 5_000;
      while (invalid.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(invalid[0]).toBe('GAMMA_ERR_CERTIFICATE');
      expect(changed).toBe(0);
      expect(await servedFingerprint(webhook.port, [webhook.certs.ca])).toBe(before);
    } finally {
      watcher.close();
      await webhook.close();
    }
  });
});
