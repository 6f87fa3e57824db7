/**
 * The ConfigMap source through the real @kubernetes/client-node against the loopback API server:
 * list + watch with a field selector, hot reload, Events on refusal, deletion, reconnects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { invalidPolicyReason, PolicyConfigMapSource } from '../../src/policy/configmap-source.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import { KubeClient } from '../../src/kube/client.ts';
import type { Backoff } from '../../src/kube/reflector.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import { captureLogger, reloadCounts, testMetrics } from './helpers.ts';

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

function policyEvents(server: ApiServer): KubeObject[] {
  return server.list('v1', 'Event', namespace).filter((e) => e.reason === invalidPolicyReason);
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

describe('PolicyConfigMapSource', () => {
  it('loads the ConfigMap at start, before start() resolves', async () => {
    server.create(configMap({ 'policy.yaml': 'mode: warn\nrules: {MR108: {action: deny}}\n' }));
    const { store } = await start();
    expect(store.current.mode).toBe('warn');
    expect(store.current.rules).toEqual({ MR108: { action: 'deny' } });
    expect(store.snapshot.origin).toBe(`configmap ${namespace}/${name}`);
  });

  it('watches only its own ConfigMap (fieldSelector metadata.name)', async () => {
    server.create(configMap({ 'policy.yaml': 'mode: audit\n' }, 'something-else'));
    const { store } = await start();
    expect(store.current).toBe(defaultPolicy);
    server.replace(configMap({ 'policy.yaml': 'mode: warn\n' }, 'something-else'));
    server.create(configMap({ 'policy.yaml': 'strict: true\n' }));
    await vi.waitFor(() => expect(store.current.strict).toBe(true), wait);
    expect(store.current.mode).toBe('enforce');
  });

  it('applies a created, then a changed ConfigMap while running; returns to the defaults when it is deleted', async () => {
    const { store } = await start();
    expect(store.current).toBe(defaultPolicy);
    const changes: string[] = [];
    store.onChange((next) => changes.push(`${next.source}:${next.policy.mode}`));

    server.create(configMap({ 'policy.yaml': 'mode: warn\n' }));
    await vi.waitFor(() => expect(store.current.mode).toBe('warn'), wait);
    server.replace(configMap({ 'policy.yaml': 'mode: audit\n' }));
    await vi.waitFor(() => expect(store.current.mode).toBe('audit'), wait);
    server.remove({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name });
    await vi.waitFor(() => expect(store.current).toBe(defaultPolicy), wait);
    expect(changes).toEqual(['configmap:warn', 'configmap:audit', 'default:enforce']);
  });

  it('refuses an invalid change: keeps the last good policy, logs the fields, counts it, and creates a Warning Event on the ConfigMap', async () => {
    server.create(configMap({ 'policy.yaml': 'regexMaxLength: 64\n' }));
    const { store, source, lines, metrics } = await start();
    expect(store.current.regexMaxLength).toBe(64);

    const stored = server.replace(configMap({ 'policy.yaml': 'regexMaxLength: 0\nmode: enforced\n' }));
    await vi.waitFor(() => expect(policyEvents(server)).toHaveLength(1), wait);
    await source.settled();
    expect(store.current.regexMaxLength).toBe(64);
    expect(await reloadCounts(metrics)).toEqual({ applied: 1, invalid: 1 });
    expect(lines.find((l) => l.code === 'GAMMA_ERR_POLICY_INVALID')?.problems).toMatchObject([
      { path: 'regexMaxLength', schemaPath: '#/properties/regexMaxLength/minimum' },
      { path: 'mode', schemaPath: '#/properties/mode/enum' },
    ]);

    const event = policyEvents(server)[0]!;
    expect(event).toMatchObject({
      type: 'Warning',
      reason: 'InvalidPolicy',
      involvedObject: { kind: 'ConfigMap', apiVersion: 'v1', namespace, name, uid: stored.metadata.uid },
      source: { component: 'gamma-webhook', host: 'gamma-webhook-0' },
      reportingComponent: 'gamma-webhook',
      reportingInstance: 'gamma-webhook-0',
      count: 1,
    });
    expect(event.message).toContain('GAMMA_ERR_POLICY_INVALID');
    expect(event.message).toContain('line 1: regexMaxLength: must be >= 1');
    expect(event.message).toContain('line 2: mode: must be one of enforce, warn, audit');

    // A change that keeps the same bad text (a label) is not reported again; a fix applies.
    server.replace(configMap({ 'policy.yaml': 'regexMaxLength: 0\nmode: enforced\n' }, name, { touched: 'yes' }));
    server.replace(configMap({ 'policy.yaml': 'regexMaxLength: 128\n' }));
    await vi.waitFor(() => expect(store.current.regexMaxLength).toBe(128), wait);
    await source.settled();
    expect(policyEvents(server)).toHaveLength(1);
    expect(await reloadCounts(metrics)).toEqual({ applied: 2, invalid: 1 });
  });

  it('an invalid ConfigMap at start: serves with the built-in defaults and reports it with an Event', async () => {
    server.create(configMap({ 'policy.yaml': 'consumerRoutes: forbid\n' }));
    const { store, source, metrics } = await start();
    await source.settled();
    expect(store.current).toBe(defaultPolicy);
    expect(await reloadCounts(metrics)).toEqual({ invalid: 1 });
    const events = policyEvents(server);
    expect(events).toHaveLength(1);
    expect(events[0]?.message).toContain('consumerRoutes: must be one of allow, deny');
    expect(events[0]?.message).toContain('keeping the policy from built-in defaults');
  });

  it('a ConfigMap without the policy.yaml key is refused with an Event naming the key', async () => {
    server.create(configMap({ 'policy.yml': 'mode: warn\n' }));
    const { store, source } = await start();
    await source.settled();
    expect(store.current).toBe(defaultPolicy);
    const message = String(policyEvents(server)[0]?.message);
    expect(message).toContain('GAMMA_ERR_POLICY_UNREADABLE');
    expect(message).toContain('data["policy.yaml"]: missing');
    expect(message).toContain('policy.yml');
  });

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
