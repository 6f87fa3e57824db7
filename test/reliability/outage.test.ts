/**
 * An API server outage: every request to it fails (5xx) and its watches are cut. Admission keeps
 * answering from the live view's cache, with `gamma_cache_staleness_seconds` growing; the status
 * reconciler, which gained the Lease during the outage and so queued every route, backs off on
 * the failing writes and, once the API server is back, writes the queued route's status. After
 * the outage the cache catches up with what changed meanwhile.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { LiveClusterView } from '../../src/cluster/live-view.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import type { Leadership, LeadershipListener } from '../../src/status/leader.ts';
import { StatusReconciler } from '../../src/status/reconciler.ts';
import { kubeRouteStatusApi } from '../../src/status/writer.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview } from '../support/reviews.ts';
import { answerProblem } from './support.ts';

const gw = 'gateway.networking.k8s.io';
const logger = pino({ level: 'silent' });

function service(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80 }] } };
}

/** An HTTPRoute on echo for the path `/NAME`: routes of their own paths, so none shadows another (MR110). */
function route(name: string, backend: string): KubeObject {
  return {
    apiVersion: `${gw}/v1`,
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'default' },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: 'echo' }],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/${name}` } }], backendRefs: [{ name: backend, port: 80 }] }],
    },
  };
}

/** Leadership the test hands over by hand (the Lease itself lives on the failing API server). */
class ManualLeadership implements Leadership {
  #leading = false;
  readonly #listeners = new Set<LeadershipListener>();
  isLeader(): boolean {
    return this.#leading;
  }
  onChange(listener: LeadershipListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  set(leading: boolean): void {
    this.#leading = leading;
    for (const listener of this.#listeners) listener(leading);
  }
}

async function gauge(metrics: Metrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  return metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('API server outage', () => {
  it('answers admissions from the cache, exports the staleness, and the reconciler resumes its queued route', async () => {
    const server: ApiServer = await startApiServer({
      objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, service('echo'), service('echo-v1'), route('queued', 'echo-v1')],
    });
    cleanup.push(() => server.close());
    const metrics = createMetrics(new Registry(), { processMetrics: false });
    const view = new LiveClusterView({
      kube: new KubeClient(server.kubeConfig()), metrics, logger, backoff: { initialMs: 50, maxMs: 400 }, metricsIntervalMs: 100, lookupTimeoutMs: 200,
    });
    cleanup.push(() => view.stop());
    await view.start();
    await view.whenSynced();
    const policy = new PolicyStore({ logger, metrics });
    const leadership = new ManualLeadership();
    const reconciler = new StatusReconciler({
      source: view, api: kubeRouteStatusApi(new KubeClient(server.kubeConfig())), leadership, policy, metrics, logger, retryBaseDelayMs: 50, retryMaxDelayMs: 400,
    });
    cleanup.push(() => reconciler.stop());
    reconciler.start();
    const webhook = await startWebhook(createJudge({ view, resolver: view, policy: () => policy.compiled }));
    cleanup.push(() => webhook.close());

    const judge = async (backend: string) => {
      const review = admissionReview({ object: route('r', backend) });
      const answer = await webhook.postJson('/validate', review);
      expect(answerProblem(answer.status, answer.text, review.request.uid, 'validate')).toBeUndefined();
      return answer.json().response as { allowed: boolean; warnings?: string[] };
    };

    // The outage: every request fails, every watch is cut.
    server.inject({ path: '/', status: 503, times: Infinity });
    server.dropWatches();
    await until('the watches to be down', () => server.openWatches() === 0);
    const writesBefore = server.count({ verb: 'patch', subresource: 'status' });
    // Leadership arrives during the outage: every cached route is queued, and its write fails.
    leadership.set(true);
    await until('failed status writes', () => server.count({ verb: 'patch', subresource: 'status' }) + server.count({ verb: 'get', resource: 'httproutes' }) > writesBefore + 2);

    // Admission answers from the cache: the cached backend is known, a new one is not (the
    // live lookup fails fast and is counted); nothing fails.
    for (let i = 0; i < 20; i++) {
      expect(await judge('echo-v1')).toEqual({ uid: expect.any(String), allowed: true });
      expect((await judge('missing')).warnings?.[0]).toMatch(/^MR201 /);
    }
    await until('staleness above one second', async () => (await gauge(metrics, 'gamma_cache_staleness_seconds', { kind: 'Service' })) > 1);
    expect(await gauge(metrics, 'gamma_live_lookups_total', { result: 'error' })).toBeGreaterThan(0);
    // Changes made meanwhile are not seen yet, and the route's status is not written.
    server.create(service('created-during-outage'));
    expect(server.read({ apiVersion: `${gw}/v1`, kind: 'HTTPRoute', namespace: 'default', name: 'queued' })?.status).toBeUndefined();

    // The API server comes back.
    server.clearInjections();
    await until('the queued route to get its status', () => {
      const status = server.read({ apiVersion: `${gw}/v1`, kind: 'HTTPRoute', namespace: 'default', name: 'queued' })?.status as { parents?: unknown[] } | undefined;
      return (status?.parents?.length ?? 0) === 1;
    });
    await until('the cache to catch up', () => view.service('default', 'created-during-outage') !== undefined);
    expect((await judge('created-during-outage')).warnings).toBeUndefined();
    await until('staleness back under a second', async () => (await gauge(metrics, 'gamma_cache_staleness_seconds', { kind: 'Service' })) < 1);
  }, 60_000);
});
