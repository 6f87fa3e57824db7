/**
 * GET /metrics, door by door: on the admission port (HTTPS) when no metrics port is configured,
 * and on a separate plain-HTTP port (buildMetricsServer) when one is. After real admissions
 * through the real judge, the exposition carries requests by door, kind, operation and decision,
 * the latency histogram's buckets from 0.1 ms to 30 s, denials by route namespace, findings by rule and action, and every other
 * metric the webhook exports.
 */
import { pino } from 'pino';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { buildMetricsServer } from '../../src/server/app.ts';
import { grpcRoute, httpRoute, view, compiled } from '../builders.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview } from '../support/reviews.ts';

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The samples of a Prometheus text exposition (comment lines skipped). */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and (at least) these labels; undefined when absent. */
function value(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

/** `# TYPE` lines: metric name to type. */
function types(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

const judge = createJudge({ view, policy: () => compiled() });

const valid = httpRoute();
const externalBackend = httpRoute({ rules: [{ backendRefs: [{ name: 'ext', port: 80 }] }] }, 'default', 'to-ext');
const misgrouped = httpRoute({ parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Service', name: 'echo' }] }, 'default', 'misgrouped');
const grpcBefore = grpcRoute();
const grpcAfter = grpcRoute({ rules: [{ backendRefs: [{ name: 'echo-v2', port: 80 }] }] });

/** One request of each decision at both doors, plus a kind the webhook passes untouched. */
async function traffic(post: (pathname: string, value: unknown) => Promise<{ status: number }>) {
  const answers = await Promise.all([
    post('/validate', admissionReview({ object: valid })),
    post('/validate', admissionReview({ object: valid })),
    post('/validate', admissionReview({ object: externalBackend })),
    post('/mutate', admissionReview({ object: misgrouped })),
    post('/mutate', admissionReview({ object: valid })),
    post('/validate', admissionReview({ kind: 'GRPCRoute', operation: 'UPDATE', object: grpcAfter, oldObject: grpcBefore })),
    post('/validate', admissionReview({ kind: 'Service', group: '', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } } })),
  ]);
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
}

/** What every exposition must show after `traffic`. */
function expectAdmissionMetrics(text: string) {
  const samples = parseExposition(text);
  const requests = (labels: Record<string, string>) => value(samples, 'gamma_admission_requests_total', labels);
  expect(requests({ door: 'validate', kind: 'HTTPRoute', operation: 'CREATE', decision: 'allow' })).toBe(2);
  expect(requests({ door: 'validate', kind: 'HTTPRoute', operation: 'CREATE', decision: 'deny' })).toBe(1);
  expect(requests({ door: 'mutate', kind: 'HTTPRoute', operation: 'CREATE', decision: 'patch' })).toBe(1);
  expect(requests({ door: 'mutate', kind: 'HTTPRoute', operation: 'CREATE', decision: 'allow' })).toBe(1);
  expect(requests({ door: 'validate', kind: 'GRPCRoute', operation: 'UPDATE', decision: 'allow' })).toBe(1);
  // A kind the webhook does not judge is counted under `other`: the label stays bounded.
  expect(requests({ door: 'validate', kind: 'other', operation: 'CREATE', decision: 'allow' })).toBe(1);
  expect(samples.some((s) => s.name === 'gamma_admission_requests_total' && s.labels.kind === 'Service')).toBe(false);

  const buckets = samples.filter((s) => s.name === 'gamma_admission_duration_seconds_bucket' && s.labels.door === 'validate');
  expect(buckets.map((b) => b.labels.le)).toEqual(['0.0001', '0.00025', '0.0005', '0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '30', '+Inf']);
  expect(buckets.at(-1)?.value).toBe(5);
  expect(value(samples, 'gamma_admission_duration_seconds_count', { door: 'validate' })).toBe(5);
  expect(value(samples, 'gamma_admission_duration_seconds_count', { door: 'mutate' })).toBe(2);
  // Cumulative buckets never decrease.
  expect(buckets.map((b) => b.value)).toEqual([...buckets.map((b) => b.value)].sort((a, b) => a - b));

  // The one denial, under its route's namespace; allowed and patched routes are not counted.
  expect(samples.filter((s) => s.name === 'gamma_admission_denials_total').map((s) => [s.labels, s.value])).toEqual([
    [{ door: 'validate', route_namespace: 'default' }, 1],
  ]);

  expect(value(samples, 'gamma_findings_total', { rule: 'MR202', action: 'deny', door: 'validate' })).toBe(1);
  expect(value(samples, 'gamma_findings_total', { rule: 'MR101', action: 'warn', door: 'mutate' })).toBe(1);

  // Every metric of the webhook is declared, whether or not it has been recorded yet.
  expect(Object.fromEntries(types(text))).toMatchObject({
    gamma_admission_requests_total: 'counter',
    gamma_admission_duration_seconds: 'histogram',
    gamma_admission_denials_total: 'counter',
    gamma_admission_rejected_requests_total: 'counter',
    gamma_findings_total: 'counter',
    gamma_cache_objects: 'gauge',
    gamma_cache_staleness_seconds: 'gauge',
    gamma_watch_restarts_total: 'counter',
    gamma_live_lookups_total: 'counter',
    gamma_status_writes_total: 'counter',
    gamma_policy_report_writes_total: 'counter',
    gamma_status_queue_depth: 'gauge',
    gamma_leader: 'gauge',
    gamma_policy_reloads_total: 'counter',
    gamma_policy_last_reload_successful: 'gauge',
    gamma_policy_info: 'gauge',
    gamma_certificate_reloads_total: 'counter',
    gamma_certificate_expiry_timestamp_seconds: 'gauge',
  });
}

describe('GET /metrics on the admission port', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    webhook = await startWebhook(judge);
  });
  afterAll(() => webhook.close());

  it('serves the Prometheus text format over HTTPS', async () => {
    const response = await request(`${webhook.origin}/metrics`, { dispatcher: webhook.dispatcher });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    await response.body.dump();
  });

  it('counts admissions by door, kind, operation and decision, their latency and their findings', async () => {
    await traffic(webhook.postJson);
    const metrics = await webhook.get('/metrics');
    expectAdmissionMetrics(metrics.text);
  });

  it('counts requests refused before evaluation by error code', async () => {
    const refused = await webhook.post('/validate', '{"apiVersion":"admission.k8s.io/v1"}');
    expect(refused.status).toBe(400);
    const samples = parseExposition((await webhook.get('/metrics')).text);
    const rejected = samples.filter((s) => s.name === 'gamma_admission_rejected_requests_total');
    expect(rejected.reduce((n, s) => n + s.value, 0)).toBe(1);
    expect(rejected[0]?.labels.code).toMatch(/^GAMMA_ERR_/);
  });
});

describe('GET /metrics on a separate plain-HTTP port', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let metrics: Metrics;
  let metricsServer: ReturnType<typeof buildMetricsServer>;
  let metricsOrigin: string;
  beforeAll(async () => {
    metrics = createMetrics();
    webhook = await startWebhook(judge, { metrics, serveMetrics: false });
    metricsServer = buildMetricsServer(metrics, pino({ level: 'silent' }));
    await metricsServer.listen({ host: '127.0.0.1', port: 0 });
    const address = metricsServer.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    metricsOrigin = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await webhook.close();
    await metricsServer.close();
  });

  it('is not served on the admission port', async () => {
    expect((await webhook.get('/metrics')).status).toBe(404);
  });

  it('serves the admission metrics and the process metrics', async () => {
    await traffic(webhook.postJson);
    const response = await request(`${metricsOrigin}/metrics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.body.text();
    expectAdmissionMetrics(text);
    const samples = parseExposition(text);
    expect(value(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(types(text).get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  it('answers only GET /metrics', async () => {
    const response = await request(`${metricsOrigin}/validate`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(404);
    await response.body.dump();
  });
});
