import { describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { backend, compiled, create, defaultPolicy, grpcRoute, httpRoute, judgeAll, meshParent, policy, service, services, summarize, update, type Route } from '../builders.ts';

const prefix = (value: string) => ({ path: { type: 'PathPrefix', value } });
const created = (route: Route, timestamp: string): Route => ({ ...route, metadata: { ...route.metadata, creationTimestamp: timestamp } });
const findings = (route: Route, id: string, clusterView = staticView(services)) =>
  judgeAll(create(route, route.metadata.namespace), clusterView, defaultPolicy).findings.filter((f) => f.ruleId === id).map((f) => `${f.action} ${f.path.join('.')}: ${f.message}`);

describe('MR312: a rule the same route shadows', () => {
  it('flags a weighted split written as two rules without matches, naming both rules', () => {
    const split = httpRoute({ rules: [{ name: 'stable', backendRefs: [backend('echo-v1', { weight: 90 })] }, { name: 'canary', backendRefs: [backend('echo-v2', { weight: 10 })] }] });
    expect(findings(split, 'MR312')).toEqual([
      'warn spec.rules.1: rule 1 (canary) is shadowed by rule 0 (stable): no request reaches it; narrow or remove it',
    ]);
  });

  it('does not flag the same split written as one rule, or a later rule that asks for more', () => {
    const oneRule = httpRoute({ rules: [{ backendRefs: [backend('echo-v1', { weight: 90 }), backend('echo-v2', { weight: 10 })] }] });
    const moreHeaders = httpRoute({ rules: [{ matches: [prefix('/api')] }, { matches: [{ ...prefix('/api'), headers: [{ name: 'x-canary', value: '1' }] }] }] });
    expect(findings(oneRule, 'MR312')).toEqual([]);
    expect(findings(moreHeaders, 'MR312')).toEqual([]);
  });

  it('needs every match of the rule taken, and names each rule that takes one', () => {
    const rules = [
      { matches: [prefix('/a')] },
      { matches: [prefix('/b')] },
      { matches: [prefix('/a/'), prefix('/b')] },
      { matches: [prefix('/a'), prefix('/c')] },
    ];
    expect(findings(httpRoute({ rules }), 'MR312')).toEqual([
      'warn spec.rules.2: rule 2 is shadowed by rule 0 and rule 1: no request reaches it; narrow or remove it',
    ]);
  });

  it('reads GRPCRoute matches: a method under an earlier service match is not shadowed, the same match is', () => {
    const service = { method: { service: 'shop.Cart' } };
    expect(findings(grpcRoute({ rules: [{ matches: [service] }, { matches: [service] }] }), 'MR312')).toEqual([
      'warn spec.rules.1: rule 1 is shadowed by rule 0: no request reaches it; narrow or remove it',
    ]);
    expect(findings(grpcRoute({ rules: [{ matches: [service] }, { matches: [{ method: { service: 'shop.Cart', method: 'Add' } }] }] }), 'MR312')).toEqual([]);
  });
});

describe('MR110: a rule another route on the same Service port shadows', () => {
  const older = created(httpRoute({ rules: [{ matches: [prefix('/api')], backendRefs: [backend('echo-v1')] }] }, 'default', 'api'), '2026-01-01T00:00:00Z');
  const newer = created(httpRoute({ rules: [{ matches: [prefix('/api/')], backendRefs: [backend('echo-v2')] }] }, 'default', 'api-canary'), '2026-03-01T00:00:00Z');
  const cluster = staticView([...services, older, newer]);

  it('is the newer route\'s warning, naming the older route', () => {
    expect(findings(newer, 'MR110', cluster)).toEqual([
      'warn spec.rules.0: shadowed on Service default/echo:80 by HTTPRoute default/api rule 0: no request reaches it',
    ]);
    expect(findings(older, 'MR110', cluster)).toEqual([]);
  });

  it('does not flag a newer rule that asks for more, another port, or a consumer route of another group', () => {
    const narrower = created(httpRoute({ rules: [{ matches: [{ ...prefix('/api'), method: 'POST' }] }] }, 'default', 'api-canary'), '2026-03-01T00:00:00Z');
    expect(findings(narrower, 'MR110', cluster)).toEqual([]);
    const otherPort = created(httpRoute({ parentRefs: [meshParent('echo', { port: 8080 })], rules: newer.spec.rules ?? [] }, 'default', 'api-canary'), '2026-03-01T00:00:00Z');
    const olderOn80 = created(httpRoute({ parentRefs: [meshParent('echo', { port: 80 })], rules: older.spec.rules ?? [] }, 'default', 'api'), '2026-01-01T00:00:00Z');
    expect(findings(otherPort, 'MR110', staticView([...services, olderOn80, otherPort]))).toEqual([]);
    const consumer = httpRoute({ parentRefs: [meshParent('echo', { namespace: 'default' })], rules: newer.spec.rules ?? [] }, 'shop', 'api-canary');
    expect(findings(consumer, 'MR110', staticView([...services, service('echo', { namespace: 'shop' }), older, consumer]))).toEqual([]);
  });

  it('checks consumer routes against the consumer routes of their own namespace', () => {
    const parent = meshParent('echo', { namespace: 'default' });
    const first = created(httpRoute({ parentRefs: [parent], rules: older.spec.rules ?? [] }, 'shop', 'a'), '2026-01-01T00:00:00Z');
    const second = created(httpRoute({ parentRefs: [parent], rules: newer.spec.rules ?? [] }, 'shop', 'b'), '2026-03-01T00:00:00Z');
    const lenient = policy({ consumerRoutes: 'allow' });
    const result = judgeAll(create(second, 'shop'), staticView([...services, first, second]), lenient);
    expect(summarize(result, 'MR110')).toEqual(['MR110 warn spec.rules[0]']);
    expect(result.findings.find((f) => f.ruleId === 'MR110')?.message).toContain('HTTPRoute shop/a rule 0');
  });

  it('judges the route as submitted, not the copy the view holds, and leaves a rule the route shadows itself to MR312', () => {
    const fixed = created(httpRoute({ rules: [{ matches: [prefix('/api/v2')] }] }, 'default', 'api-canary'), '2026-03-01T00:00:00Z');
    expect(summarize(judgeAll(update(newer, fixed), cluster, defaultPolicy), 'MR110')).toEqual([]);
    const selfShadowed = created(httpRoute({ rules: [{ matches: [prefix('/api')] }, { matches: [prefix('/api')] }] }, 'default', 'api-canary'), '2026-03-01T00:00:00Z');
    const result = judgeAll(create(selfShadowed), cluster, defaultPolicy);
    expect(summarize(result, 'MR110')).toEqual(['MR110 warn spec.rules[0]']);
    expect(summarize(result, 'MR312')).toEqual(['MR312 warn spec.rules[1]']);
  });

  it('denies in strict mode, as every referential rule', () => {
    expect(summarize(judgeAll(create(newer), cluster, policy({ strict: true })), 'MR110')).toEqual(['MR110 deny spec.rules[0]']);
  });
});

describe('MR110 and MR312 at the status door', () => {
  it('are not run there: they set no status, and the reconciler writes only the status', () => {
    const plan = compiled().plan('HTTPRoute', 'status');
    expect(plan.checks.map((c) => c.rule.id)).not.toContain('MR110');
    expect(plan.checks.every((c) => c.rule.status !== undefined)).toBe(true);
    expect(compiled().plan('HTTPRoute', 'lint').checks.map((c) => c.rule.id)).toEqual(expect.arrayContaining(['MR110', 'MR312']));
  });
});
