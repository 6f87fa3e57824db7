/**
 * The ConfigMap source through the real @kubernetes/client-node when the API server misbehaves:
 * a dropped watch connection, a failing list, a refused Event, and the end of the watch on
 * stop(). Against the loopback fake API server, not ../shared/envtest's real one: each case needs
 * a fault at a chosen moment (or the count of open watches) that only the fake gives on demand.
 * The happy paths run against the real server in configmap-source.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { PolicyConfigMapSource } from '../../src/policy/configmap-source.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import { KubeClient } from '../../src/kube/client.ts';
import type { Backoff } from '../../src/kube/reflector.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import { captureLogger, testMetrics } from './helpers.ts';

const namespace = 'gamma-system';
const name = 'gamma-webhook-policy';
const wait = { timeout: 10_000, interval: 10 };

function configMap(data: Record<string, string> | undefined, metaName = name, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { namespace, name: metaName, ...(labels ? { labels } : {}) },
    ...(data ? { data } : {}),
  };
}

let server: ApiServer;
let stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  server = await startApiServer();
  stops = [];
});

afterEach(async () => {
  for (const stop of stops) await stop();
  await server.close();
});

async function start(options: { backoff?: Backoff } = {}) {
  const { logger, lines } = captureLogger();
  const metrics = testMetrics();
  const store = new PolicyStore({ logger, metrics });
  const source = new PolicyConfigMapSource({
    store, kube: new KubeClient(server.kubeConfig()), metrics, namespace, name, logger, instance: 'gamma-webhook-0',
    now: () => new Date('2025-05-01T12:00:00Z'), ...options,
  });
  stops.push(() => source.stop());
  await source.start();
  return { store, source, lines, metrics };
}

describe('PolicyConfigMapSource when the API server misbehaves', () => {
  it('keeps following the ConfigMap after the watch connection drops', async () => {
    server.create(configMap({ 'policy.yaml': 'mode: warn\n' }));
    const { store } = await start();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'configmaps' })).toBe(1), wait);
    expect(server.dropWatches({ resource: 'configmaps' })).toBe(1);
    server.replace(configMap({ 'policy.yaml': 'mode: audit\n' }));
    await vi.waitFor(() => expect(store.current.mode).toBe('audit'), wait);
  });

  it('a failing list at start keeps the defaults, logs GAMMA_ERR_POLICY_WATCH, and retries until it succeeds', async () => {
    server.create(configMap({ 'policy.yaml': 'mode: warn\n' }));
    server.inject({ verb: 'list', resource: 'configmaps', status: 500, times: 2 });
    const { store, lines } = await start({ backoff: { initialMs: 20, maxMs: 20 } });
    expect(store.current).toBe(defaultPolicy);
    await vi.waitFor(() => expect(store.current.mode).toBe('warn'), wait);
    expect(lines.filter((l) => l.code === 'GAMMA_ERR_POLICY_WATCH').length).toBeGreaterThanOrEqual(2);
  });

  it('a failure to create the Event is logged and does not affect the policy', async () => {
    server.inject({ verb: 'create', resource: 'events', status: 403, times: Infinity });
    server.create(configMap({ 'policy.yaml': 'mode: nope\n' }));
    const { store, source, lines } = await start();
    await source.settled();
    expect(store.current).toBe(defaultPolicy);
    expect(lines.some((l) => l.msg === 'could not create the Event for a refused policy')).toBe(true);
  });

  it('stop() ends the watch', async () => {
    const { source } = await start();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'configmaps' })).toBe(1), wait);
    await source.stop();
    await vi.waitFor(() => expect(server.openWatches({ resource: 'configmaps' })).toBe(0), wait);
  });
});
