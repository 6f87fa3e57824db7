/**
 * What the webhook logs about an admission: one line with the uid, kind, operation, names,
 * decision and rule ids, never the object. A route can carry anything its author typed
 * (annotations, header values, tokens in URLs), and logs travel further than the API server.
 * Checked at debug level, which logs more than the default info.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { policy, view, compiled } from '../builders.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview } from '../support/reviews.ts';

const marker = 'SECRET-7f3a9c';

function routeWithSecrets() {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'leaky', namespace: 'default', annotations: { token: marker } },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: 'echo' }],
      rules: [{ matches: [{ headers: [{ name: 'authorization', value: `Bearer ${marker}` }, { name: 'Authorization', value: marker }] }], backendRefs: [{ name: 'echo-v1', port: 80 }] }],
    },
  };
}

describe('admission logging', () => {
  const lines: string[] = [];
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const defaults = policy();
    webhook = await startWebhook(createJudge({ view, policy: () => compiled(defaults) }), { logger: pino({ level: 'debug' }, sink) });
  });
  afterAll(() => webhook.close());

  it.each(['validate', 'mutate'] as const)('/%s logs the decision without the object', async (door) => {
    const review = admissionReview({ object: routeWithSecrets(), operation: 'UPDATE', oldObject: { ...routeWithSecrets(), spec: {} } });
    lines.length = 0;
    const answer = await webhook.postJson(`/${door}`, review);
    expect(answer.status).toBe(200);
    const admission = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'admission');
    expect(admission).toMatchObject({ uid: review.request.uid, door, kind: 'HTTPRoute', operation: 'UPDATE', name: 'leaky', namespace: 'default' });
    if (door === 'validate') expect(admission?.rules).toEqual(['MR301']);
    // The line a per-request child logger would write: the request id right after the base fields.
    expect(Object.keys(admission ?? {}).slice(0, 6)).toEqual(['level', 'time', 'pid', 'hostname', 'reqId', 'uid']);
    expect(admission?.reqId).toMatch(/^req-/);
    expect(lines.join('\n')).not.toContain(marker);
  });

  it('logs a refused body by its error code, without the body', async () => {
    lines.length = 0;
    const review = admissionReview({ object: routeWithSecrets() });
    const answer = await webhook.post('/validate', JSON.stringify({ ...review, request: { ...review.request, operation: marker } }));
    expect(answer.status).toBe(400);
    const rejected = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.code === 'GAMMA_ERR_INVALID_REVIEW');
    // Logged through the request's logger, made on first use: it carries the request id.
    expect(rejected?.reqId).toMatch(/^req-/);
    expect(lines.join('\n')).not.toContain(marker);
  });
});
