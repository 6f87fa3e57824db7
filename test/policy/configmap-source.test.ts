/**
 * The ConfigMap source through the real @kubernetes/client-node against the real kube-apiserver
 * of ../shared/envtest (the worker's server, one namespace per test): list + watch with a field
 * selector, hot reload, Events on refusal, deletion. The cases that need the API server to
 * misbehave are in configmap-source-faults.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KubeClient } from '../../src/kube/client.ts';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { invalidPolicyReason, PolicyConfigMapSource } from '../../src/policy/configmap-source.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import type { KubeObject } from '../support/apiserver/index.ts';
import { realCluster } from '../support/real-cluster.ts';
import { captureLogger, reloadCounts, testMetrics } from './helpers.ts';

const name = 'gamma-webhook-policy';
const wait = { timeout: 10_000, interval: 10 };

const real = realCluster();
const stops: (() => Promise<void>)[] = [];


afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});


function configMap(namespace: string, data: Record<string, string> | undefined, metaName = name, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { namespace, name: metaName, ...(labels ? { labels } : {}) },
    ...(data ? { data } : {}),
  };
}

async function policyEvents(namespace: string): Promise<KubeObject[]> {
  return (await real.objects.list('v1', 'Event', namespace)).filter((e) => e.reason === invalidPolicyReason);
}

async function start(namespace: string) {
  const { logger, lines } = captureLogger();
  const metrics = testMetrics();
  const policy = new PolicyStore({ logger, metrics });
  const client = new KubeClient(real.cluster.kubeConfig);
  const source = new PolicyConfigMapSource({
    store: policy, kube: client, metrics, namespace, name, logger, instance: 'gamma-webhook-0',
    now: () => new Date('2025-05-01T12:00:00Z'),
  });
  stops.push(async () => {
    await source.stop();
    await client.close();
  });
  await source.start();
  return { store: policy, source, lines, metrics };
}

describe.skipIf(real.missing)('PolicyConfigMapSource on a real API server', () => {
  it('loads the ConfigMap at start, before start() resolves', async () => {
    const ns = await real.cluster.namespace('policy-');
    await real.objects.create(configMap(ns, { 'policy.yaml': 'mode: warn\nrules: {MR108: {action: deny}}\n' }));
    const { store: policy } = await start(ns);
    expect(policy.current.mode).toBe('warn');
    expect(policy.current.rules).toEqual({ MR108: { action: 'deny' } });
    expect(policy.snapshot.origin).toBe(`configmap ${ns}/${name}`);
  });

  it('watches only its own ConfigMap (fieldSelector metadata.name)', async () => {
    const ns = await real.cluster.namespace('policy-');
    await real.objects.create(configMap(ns, { 'policy.yaml': 'mode: audit\n' }, 'something-else'));
    const { store: policy } = await start(ns);
    expect(policy.current).toBe(defaultPolicy);
    await real.objects.replace(configMap(ns, { 'policy.yaml': 'mode: warn\n' }, 'something-else'));
    await real.objects.create(configMap(ns, { 'policy.yaml': 'strict: true\n' }));
    await vi.waitFor(() => expect(policy.current.strict).toBe(true), wait);
    expect(policy.current.mode).toBe('enforce');
  });

  it('applies a created, then a changed ConfigMap while running; returns to the defaults when it is deleted', async () => {
    const ns = await real.cluster.namespace('policy-');
    const { store: policy } = await start(ns);
    expect(policy.current).toBe(defaultPolicy);
    const changes: string[] = [];
    policy.onChange((next) => changes.push(`${next.source}:${next.policy.mode}`));

    await real.objects.create(configMap(ns, { 'policy.yaml': 'mode: warn\n' }));
    await vi.waitFor(() => expect(policy.current.mode).toBe('warn'), wait);
    await real.objects.replace(configMap(ns, { 'policy.yaml': 'mode: audit\n' }));
    await vi.waitFor(() => expect(policy.current.mode).toBe('audit'), wait);
    await real.objects.remove({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name });
    await vi.waitFor(() => expect(policy.current).toBe(defaultPolicy), wait);
    expect(changes).toEqual(['configmap:warn', 'configmap:audit', 'default:enforce']);
  });

  it('refuses an invalid change: keeps the last good policy, logs the fields, counts it, and creates a Warning Event on the ConfigMap', async () => {
    const ns = await real.cluster.namespace('policy-');
    await real.objects.create(configMap(ns, { 'policy.yaml': 'regexMaxLength: 64\n' }));
    const { store: policy, source, lines, metrics } = await start(ns);
    expect(policy.current.regexMaxLength).toBe(64);

    const stored = await real.objects.replace(configMap(ns, { 'policy.yaml': 'regexMaxLength: 0\nmode: enforced\n' }));
    await vi.waitFor(async () => expect(await policyEvents(ns)).toHaveLength(1), wait);
    await source.settled();
    expect(policy.current.regexMaxLength).toBe(64);
    expect(await reloadCounts(metrics)).toEqual({ applied: 1, invalid: 1 });
    expect(lines.find((l) => l.code === 'GAMMA_ERR_POLICY_INVALID')?.problems).toMatchObject([
      { path: 'regexMaxLength', schemaPath: '#/properties/regexMaxLength/minimum' },
      { path: 'mode', schemaPath: '#/properties/mode/enum' },
    ]);

    const [event] = await policyEvents(ns);
    expect(event).toMatchObject({
      type: 'Warning',
      reason: 'InvalidPolicy',
      involvedObject: { kind: 'ConfigMap', apiVersion: 'v1', namespace: ns, name, uid: stored.metadata.uid },
      source: { component: 'gamma-webhook', host: 'gamma-webhook-0' },
      reportingComponent: 'gamma-webhook',
      reportingInstance: 'gamma-webhook-0',
      count: 1,
    });
    expect(event?.message).toContain('GAMMA_ERR_POLICY_INVALID');
    expect(event?.message).toContain('line 1: regexMaxLength: must be >= 1');
    expect(event?.message).toContain('line 2: mode: must be one of enforce, warn, audit');

    // A change that keeps the same bad text (a label) is not reported again; a fix applies.
    await real.objects.replace(configMap(ns, { 'policy.yaml': 'regexMaxLength: 0\nmode: enforced\n' }, name, { touched: 'yes' }));
    await real.objects.replace(configMap(ns, { 'policy.yaml': 'regexMaxLength: 128\n' }));
    await vi.waitFor(() => expect(policy.current.regexMaxLength).toBe(128), wait);
    await source.settled();
    expect(await policyEvents(ns)).toHaveLength(1);
    expect(await reloadCounts(metrics)).toEqual({ applied: 2, invalid: 1 });
  });

  it('an invalid ConfigMap at start: serves with the built-in defaults and reports it with an Event', async () => {
    const ns = await real.cluster.namespace('policy-');
    await real.objects.create(configMap(ns, { 'policy.yaml': 'consumerRoutes: forbid\n' }));
    const { store: policy, source, metrics } = await start(ns);
    await source.settled();
    expect(policy.current).toBe(defaultPolicy);
    expect(await reloadCounts(metrics)).toEqual({ invalid: 1 });
    const events = await policyEvents(ns);
    expect(events).toHaveLength(1);
    expect(events[0]?.message).toContain('consumerRoutes: must be one of allow, deny');
    expect(events[0]?.message).toContain('keeping the policy from built-in defaults');
  });

  it('a ConfigMap without the policy.yaml key is refused with an Event naming the key', async () => {
    const ns = await real.cluster.namespace('policy-');
    await real.objects.create(configMap(ns, { 'policy.yml': 'mode: warn\n' }));
    const { store: policy, source } = await start(ns);
    await source.settled();
    expect(policy.current).toBe(defaultPolicy);
    const message = String((await policyEvents(ns))[0]?.message);
    expect(message).toContain('GAMMA_ERR_POLICY_UNREADABLE');
    expect(message).toContain('data["policy.yaml"]: missing');
    expect(message).toContain('policy.yml');
  });
});
