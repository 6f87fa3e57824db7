import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../src/server/shutdown.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview, meshRoute } from '../support/reviews.ts';

const allow = { allowed: true, denials: [], warnings: [], patch: [], ruleIds: [], findings: [] };

describe('graceful shutdown', () => {
  it('turns not-ready at once, completes the in-flight request, then refuses new connections', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    // The readiness check runs only after `shutdown` below is made.
    const webhook = await startWebhook(async () => {
      await held;
      return allow;
    }, { readiness: [{ name: 'not-draining', ready: () => !shutdown.draining() }] });
    const shutdown = createShutdown({
      drainDelaySeconds: 0.3,
      timeoutSeconds: 10,
      logger: pino({ level: 'silent' }),
      close: async () => {
        await webhook.app.close();
      },
    });

    const review = admissionReview({ object: meshRoute() });
    const inFlight = webhook.postJson('/validate', review);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const exitCode = shutdown.begin('SIGTERM');
    expect((await webhook.get('/readyz')).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The drain is over and the listener is closed: a new connection is refused...
    await expect(fetchNew(webhook.port)).rejects.toThrow();
    // ...while the request that was in flight still gets its answer.
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.json().response.uid).toBe(review.request.uid);
    expect(await exitCode).toBe(0);
    await webhook.dispatcher.close();
  });

  it('exits 1 when in-flight requests outlast the timeout', async () => {
    const shutdown = createShutdown({
      drainDelaySeconds: 0,
      timeoutSeconds: 0.1,
      logger: pino({ level: 'silent' }),
      close: () => new Promise(() => {}),
    });
    expect(await shutdown.begin('SIGTERM')).toBe(1);
    expect(shutdown.draining()).toBe(true);
  });
});

async function fetchNew(port: number): Promise<void> {
  const { connect } = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve();
    });
    socket.on('error', reject);
  });
}
