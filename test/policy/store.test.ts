import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { PolicyError, policyHash } from '../../src/policy/parse.ts';
import type { Policy } from '../../src/core/policy.ts';
import { PolicyStore, type PolicyOrigin, type PolicySnapshot } from '../../src/policy/store.ts';
import { captureLogger, policyInfo, reloadCounts, testMetrics } from './helpers.ts';

const configMap: PolicyOrigin = { kind: 'configmap', name: 'gamma-system/gamma-webhook-policy' };

function newStore() {
  const { logger, lines } = captureLogger();
  const metrics = testMetrics();
  return { store: new PolicyStore({ logger, metrics }), lines, metrics };
}

describe('PolicyStore', () => {
  it('starts with the built-in defaults and says so in policyInfo', async () => {
    const { store, metrics } = newStore();
    expect(store.current).toBe(defaultPolicy);
    expect(store.snapshot).toMatchObject({ source: 'default', origin: 'built-in defaults', generation: 0, hash: policyHash(defaultPolicy) });
    expect(await policyInfo(metrics)).toEqual([`default/${policyHash(defaultPolicy)}`]);
  });

  it('applies a valid policy, counts it, publishes its hash and calls listeners once', async () => {
    const { store, metrics, lines } = newStore();
    const seen: [PolicySnapshot, PolicySnapshot][] = [];
    store.onChange((next, previous) => seen.push([next, previous]));
    const result = store.load('mode: warn\n', configMap);
    expect(result.outcome).toBe('applied');
    expect(store.current.mode).toBe('warn');
    expect(store.snapshot).toMatchObject({ source: 'configmap', origin: 'configmap gamma-system/gamma-webhook-policy', generation: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toBe(store.snapshot);
    expect(seen[0]?.[1].policy).toBe(defaultPolicy);
    expect(await reloadCounts(metrics)).toEqual({ applied: 1 });
    expect(await policyInfo(metrics)).toEqual([`configmap/${store.snapshot.hash}`]);
    expect(lines.some((l) => l.msg === 'policy applied' && l.hash === store.snapshot.hash)).toBe(true);
  });

  it('refuses an invalid policy: logs every problem with its schema path, counts it, keeps the last good one', async () => {
    const { store, metrics, lines } = newStore();
    store.load('mode: warn\nregexMaxLength: 64\n', configMap);
    const good = store.snapshot;
    let calls = 0;
    store.onChange(() => calls++);

    const result = store.load('mode: enforced\nregexMaxLength: 10\nrules: {MR999: {action: deny}}\n', configMap);
    expect(result.outcome).toBe('invalid');
    expect(result.outcome === 'invalid' && result.error.code).toBe('GAMMA_ERR_POLICY_INVALID');
    expect(store.snapshot).toBe(good);
    expect(store.current.mode).toBe('warn');
    expect(store.current.regexMaxLength).toBe(64);
    expect(calls).toBe(0);
    expect(await reloadCounts(metrics)).toEqual({ applied: 1, invalid: 1 });
    expect(await policyInfo(metrics)).toEqual([`configmap/${good.hash}`]);

    const line = lines.find((l) => l.code === 'GAMMA_ERR_POLICY_INVALID');
    expect(line).toMatchObject({ level: 50, origin: 'configmap gamma-system/gamma-webhook-policy', keptHash: good.hash });
    expect(line?.problems).toEqual([
      { path: 'mode', message: expect.any(String), schemaPath: '#/properties/mode/enum', line: 1 },
      { path: 'rules.MR999', message: expect.any(String), schemaPath: '#/properties/rules/propertyNames/enum', line: 3 },
    ]);
    expect(String(line?.msg)).toContain('mode: must be one of enforce, warn, audit');
  });

  it('policyLastReloadSuccessful is 0 from a refused policy until the next good one, whatever refused it', async () => {
    const { store, metrics } = newStore();
    const successful = async () => (await metrics.policyLastReloadSuccessful.get()).values[0]?.value;
    expect(await successful()).toBe(1);
    store.load('mode: warn\n', configMap);
    expect(await successful()).toBe(1);
    store.load('mode: enforced\n', configMap);
    expect(await successful()).toBe(0);
    // A re-list of the same bad text changes nothing: still refused.
    store.load('mode: enforced\n', configMap);
    expect(await successful()).toBe(0);
    store.load('mode: audit\n', configMap);
    expect(await successful()).toBe(1);
    store.refuse(configMap, new PolicyError('GAMMA_ERR_POLICY_UNREADABLE', 'configmap x', [{ path: 'data["policy.yaml"]', message: 'missing' }]));
    expect(await successful()).toBe(0);
    // The source deleted: the defaults are what is meant to be in force, not a refusal.
    store.useDefaults(configMap, 'deleted');
    expect(await successful()).toBe(1);
  });

  it('keeps the last good policy through a series of different invalid documents', () => {
    const { store } = newStore();
    store.load('strict: true\nfeatures: [HTTPRouteRetry]\n', configMap);
    const good = store.current;
    for (const bad of ['strict: maybe\n', 'mode: [\n', '- a\n', 'features: HTTPRouteRetry\n', 'stirct: true\n']) {
      expect(store.load(bad, configMap).outcome).toBe('invalid');
      expect(store.current).toBe(good);
    }
  });

  it('at start, an invalid policy leaves the built-in defaults in force', () => {
    const { store } = newStore();
    expect(store.load('mode: block\n', configMap).outcome).toBe('invalid');
    expect(store.current).toBe(defaultPolicy);
    expect(store.snapshot.source).toBe('default');
  });

  it('does not report the same text twice (a re-list of an unchanged ConfigMap is quiet)', async () => {
    const { store, metrics } = newStore();
    store.load('mode: block\n', configMap);
    expect(store.load('mode: block\n', configMap).outcome).toBe('unchanged');
    store.load('mode: audit\n', configMap);
    expect(store.load('mode: audit\n', configMap).outcome).toBe('unchanged');
    expect(await reloadCounts(metrics)).toEqual({ invalid: 1, applied: 1 });
  });

  it('a reload to an equivalent text is applied without calling listeners', () => {
    const { store } = newStore();
    store.load('mode: audit\n', configMap);
    const before = store.snapshot;
    let calls = 0;
    store.onChange(() => calls++);
    const result = store.load('# same policy\nmode: audit\nstrict: false\n', configMap);
    expect(result).toMatchObject({ outcome: 'applied', changed: false });
    expect(store.snapshot).toBe(before);
    expect(calls).toBe(0);
  });

  it('refuse() reports an unreadable source once and keeps the policy', async () => {
    const { store, metrics, lines } = newStore();
    store.load('mode: warn\n', configMap);
    const error = new PolicyError('GAMMA_ERR_POLICY_UNREADABLE', 'configmap x', [{ path: 'data["policy.yaml"]', message: 'missing' }]);
    expect(store.refuse(configMap, error).outcome).toBe('invalid');
    expect(store.refuse(configMap, error).outcome).toBe('unchanged');
    expect(store.current.mode).toBe('warn');
    expect(await reloadCounts(metrics)).toEqual({ applied: 1, invalid: 1 });
    expect(lines.filter((l) => l.code === 'GAMMA_ERR_POLICY_UNREADABLE')).toHaveLength(1);
  });

  it('useDefaults() returns to the built-in defaults and calls listeners; the same text then applies again', async () => {
    const { store, metrics } = newStore();
    store.load('mode: warn\n', configMap);
    const changes: string[] = [];
    store.onChange((next) => changes.push(`${next.source}:${next.policy.mode}`));
    store.useDefaults(configMap, 'deleted');
    expect(store.current).toBe(defaultPolicy);
    expect(store.snapshot.source).toBe('default');
    expect(await policyInfo(metrics)).toEqual([`default/${policyHash(defaultPolicy)}`]);
    expect(store.load('mode: warn\n', configMap).outcome).toBe('applied');
    expect(changes).toEqual(['default:enforce', 'configmap:warn']);
  });

  it('a listener that throws is logged and does not stop the swap or the other listeners', () => {
    const { store, lines } = newStore();
    const seen: string[] = [];
    store.onChange(() => {
      throw new Error('boom');
    });
    store.onChange((next) => seen.push(next.policy.mode));
    store.load('mode: audit\n', configMap);
    expect(store.current.mode).toBe('audit');
    expect(seen).toEqual(['audit']);
    expect(lines.some((l) => l.msg === 'policy change listener failed')).toBe(true);
  });

  it('onChange returns an unsubscribe function', () => {
    const { store } = newStore();
    let calls = 0;
    const off = store.onChange(() => calls++);
    store.load('mode: audit\n', configMap);
    off();
    store.load('mode: warn\n', configMap);
    expect(calls).toBe(1);
  });

  it('the policy in force cannot be changed by a reader', () => {
    const { store } = newStore();
    store.load('exemptions: {namespaces: [a]}\n', configMap);
    const policy = store.current;
    expect(() => {
      (policy as { mode: string }).mode = 'audit';
    }).toThrow(TypeError);
    expect(() => {
      policy.exemptions.namespaces.push('b');
    }).toThrow(TypeError);
    expect(Object.isFrozen(store.snapshot)).toBe(true);
  });
});

describe('PolicyStore under concurrent reads during reloads', () => {
  // Two policies that differ in every field a request reads below.
  const a = 'mode: enforce\nstrict: false\nregexMaxLength: 100\nconsumerRoutes: allow\nfeatures: [HTTPRouteRetry]\n';
  const b = 'mode: audit\nstrict: true\nregexMaxLength: 200\nconsumerRoutes: deny\nfeatures: [HTTPRouteCORS]\n';
  const fingerprint = (p: Policy) => `${p.mode}/${p.strict}/${p.regexMaxLength}/${p.consumerRoutes}/${p.features.join()}`;

  /**
   * A request that reads several fields with awaits in between, as a door does around its
   * async steps. `policy()` is how it gets the policy for each read.
   */
  async function request(policy: () => Policy): Promise<string> {
    const mode = policy().mode;
    await nextTurn();
    const strict = policy().strict;
    await nextTurn();
    const regexMaxLength = policy().regexMaxLength;
    await Promise.resolve();
    const consumerRoutes = policy().consumerRoutes;
    await nextTurn();
    const features = policy().features.join();
    return `${mode}/${strict}/${regexMaxLength}/${consumerRoutes}/${features}`;
  }

  async function burst(read: (store: PolicyStore) => () => Policy): Promise<{ seen: Set<string>; allowed: Set<string> }> {
    const { store } = newStore();
    store.load(a, configMap);
    const allowed = new Set([fingerprint(store.current)]);
    let reloads = 0;
    let running = true;
    // Reloads alternate a, b, invalid, a, ... on every turn of the event loop while requests run.
    const reloader = (async () => {
      const texts = [b, 'mode: nope\n', a];
      while (running) {
        const result = store.load(texts[reloads % texts.length] ?? a, configMap);
        if (result.outcome === 'applied') allowed.add(fingerprint(store.current));
        reloads++;
        await nextTurn();
      }
    })();
    const results = await Promise.all(Array.from({ length: 500 }, async (_, i) => {
      for (let k = 0; k < i % 7; k++) await nextTurn(); // stagger the starts across reloads
      return request(read(store));
    }));
    running = false;
    await reloader;
    expect(reloads).toBeGreaterThan(5);
    return { seen: new Set(results), allowed };
  }

  it('a request that reads store.current once sees exactly one policy, never a mix', async () => {
    const { seen, allowed } = await burst((store) => {
      const snapshot = store.current;
      return () => snapshot;
    });
    expect(allowed.size).toBe(2);
    for (const result of seen) expect(allowed).toContain(result);
    // Both policies were in force for some requests: the reloads did interleave with them.
    expect(seen.size).toBe(2);
  });

  it('(control) reading store.current at each step does see mixes, so the test above can fail', async () => {
    const { seen, allowed } = await burst((store) => () => store.current);
    expect([...seen].some((result) => !allowed.has(result))).toBe(true);
  });
});
