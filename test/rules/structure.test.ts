import { describe, expect, it } from 'vitest';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, meshParent, policy, summarize, view, judgeAll } from '../builders.ts';

type Rules = NonNullable<ReturnType<typeof httpRoute>['spec']['rules']>;

describe('structure rules', () => {
  it.each<[string, string, Rules, string[]]>([
    ['MR305', 'distinct names', [{ name: 'a', backendRefs: [backend()] }, { name: 'b', backendRefs: [backend()] }], []],
    ['MR305', 'same name twice', [{ name: 'a', backendRefs: [backend()] }, { name: 'a', backendRefs: [backend()] }], ['MR305 deny spec.rules[1].name']],
    ['MR308', 'valid timeouts', [{ timeouts: { request: '100s', backendRequest: '1m30s' }, backendRefs: [backend()] }], []],
    ['MR308', 'malformed duration', [{ timeouts: { request: '1.5s' }, backendRefs: [backend()] }], ['MR308 deny spec.rules[0].timeouts.request']],
    ['MR308', 'backendRequest longer than request', [{ timeouts: { request: '1s', backendRequest: '2s' }, backendRefs: [backend()] }], ['MR308 deny spec.rules[0].timeouts.backendRequest']],
    ['MR308', 'request 0s disables the comparison', [{ timeouts: { request: '0s', backendRequest: '2s' }, backendRefs: [backend()] }], []],
    ['MR308', 'retry backoff', [{ retry: { backoff: '1d' }, backendRefs: [backend()] }], ['MR308 deny spec.rules[0].retry.backoff']],
  ])('%s: %s', (id, _, rules, expected) => {
    expect(summarize(judgeAll(create(httpRoute({ rules })), view, defaultPolicy), id)).toEqual(expected);
  });

  it('MR305 applies to GRPCRoute', () => {
    const route = grpcRoute({ rules: [{ name: 'x', backendRefs: [backend()] }, { name: 'x', backendRefs: [backend()] }] });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR305')).toEqual(['MR305 deny spec.rules[1].name']);
  });

  it('MR309: no check with an empty feature list; unsupported features warn at their first use', () => {
    const route = httpRoute({
      parentRefs: [meshParent('echo', { port: 80 })],
      rules: [{ retry: { attempts: 2 }, timeouts: { request: '5s' }, backendRefs: [backend()] }],
    });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR309')).toEqual([]);
    const mesh = policy({ features: ['HTTPRouteParentRefPort', 'HTTPRouteRequestTimeout'] });
    expect(summarize(judgeAll(create(route), view, mesh), 'MR309')).toEqual(['MR309 warn spec.rules[0].retry']);
  });
});
