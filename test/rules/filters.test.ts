import { describe, expect, it } from 'vitest';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, summarize, view, judgeAll } from '../builders.ts';

type Rules = NonNullable<ReturnType<typeof httpRoute>['spec']['rules']>;
type Rule = Rules[number];
type Modifier = { set?: { name: string; value: string }[]; add?: { name: string; value: string }[]; remove?: string[] };

const modifier = (m: Modifier): Rule => ({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: m }], backendRefs: [backend()] });
const rewrite = { type: 'URLRewrite' as const, urlRewrite: { path: { type: 'ReplacePrefixMatch' as const, replacePrefixMatch: '/x' } } };
type Filter = NonNullable<Rule['filters']>[number];
const fullPath = (key: 'urlRewrite' | 'requestRedirect', value: string): Filter =>
  ({ type: key === 'urlRewrite' ? 'URLRewrite' : 'RequestRedirect', [key]: { path: { type: 'ReplaceFullPath', replaceFullPath: value } } });
const prefix = (value: string) => ({ type: 'URLRewrite' as const, urlRewrite: { path: { type: 'ReplacePrefixMatch' as const, replacePrefixMatch: value } } });

describe('filter rules', () => {
  it.each<[string, string, Rules, string[]]>([
    ['MR302', 'distinct actions', [modifier({ set: [{ name: 'a', value: '1' }], add: [{ name: 'b', value: '2' }], remove: ['c'] })], []],
    ['MR302', 'set and add, other case', [modifier({ set: [{ name: 'X-A', value: '1' }], add: [{ name: 'x-a', value: '2' }] })], ['MR302 deny spec.rules[0].filters[0].requestHeaderModifier.add[0].name']],
    ['MR302', 'add and remove', [modifier({ add: [{ name: 'a', value: '1' }], remove: ['A'] })], ['MR302 deny spec.rules[0].filters[0].requestHeaderModifier.remove[0]']],
    ['MR302', 'backendRef-level response modifier', [{ backendRefs: [{ ...backend(), filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'a', value: '1' }, { name: 'A', value: '2' }] } }] }] }], ['MR302 deny spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.set[1].name']],
    ['MR303', 'token', [modifier({ remove: ['X-Remove'] })], []],
    ['MR303', 'space in name', [modifier({ remove: ['X Remove'] })], ['MR303 deny spec.rules[0].filters[0].requestHeaderModifier.remove[0]']],
    ['MR303', 'too long', [modifier({ remove: ['a'.repeat(257)] })], ['MR303 deny spec.rules[0].filters[0].requestHeaderModifier.remove[0]']],
    ['MR304', 'one PathPrefix match', [{ matches: [{ path: { type: 'PathPrefix', value: '/p' } }], filters: [rewrite], backendRefs: [backend()] }], []],
    ['MR304', 'default match', [{ filters: [rewrite], backendRefs: [backend()] }], []],
    ['MR304', 'Exact match', [{ matches: [{ path: { type: 'Exact', value: '/p' } }], filters: [rewrite], backendRefs: [backend()] }], ['MR304 deny spec.rules[0].filters[0].urlRewrite.path']],
    ['MR304', 'two backendRefs with rewrites (the CRD gap)', [{ matches: [{ path: { type: 'Exact', value: '/p' } }], backendRefs: [{ ...backend(), filters: [rewrite] }, { ...backend('echo-v2'), filters: [rewrite] }] }], ['MR304 deny spec.rules[0].backendRefs[0].filters[0].urlRewrite.path', 'MR304 deny spec.rules[0].backendRefs[1].filters[0].urlRewrite.path']],
    ['MR311', 'absolute full path', [{ filters: [fullPath('urlRewrite', '/v2')], backendRefs: [backend()] }], []],
    ['MR311', 'relative full path', [{ filters: [fullPath('urlRewrite', 'v2')], backendRefs: [backend()] }], ['MR311 deny spec.rules[0].filters[0].urlRewrite.path.replaceFullPath']],
    ['MR311', 'relative redirect path', [{ filters: [fullPath('requestRedirect', 'foo/bar')] }], ['MR311 deny spec.rules[0].filters[0].requestRedirect.path.replaceFullPath']],
    ['MR311', 'absolute prefix at backendRef level', [{ backendRefs: [{ ...backend(), filters: [prefix('/v2')] }] }], []],
    ['MR311', 'relative prefix at backendRef level', [{ backendRefs: [{ ...backend(), filters: [prefix('v2')] }] }], ['MR311 deny spec.rules[0].backendRefs[0].filters[0].urlRewrite.path.replacePrefixMatch']],
    ['MR310', 'printable value', [modifier({ set: [{ name: 'a', value: 'one two\tthree' }] })], []],
    ['MR310', 'double space', [modifier({ set: [{ name: 'a', value: 'one  two' }] })], ['MR310 warn spec.rules[0].filters[0].requestHeaderModifier.set[0].value']],
    ['MR310', 'non-ASCII match value', [{ matches: [{ headers: [{ name: 'h', value: 'é' }] }], backendRefs: [backend()] }], ['MR310 warn spec.rules[0].matches[0].headers[0].value']],
  ])('%s: %s', (id, _, rules, expected) => {
    expect(summarize(judgeAll(create(httpRoute({ rules })), view, defaultPolicy), id)).toEqual(expected);
  });

  it('MR311 names the field and says to start it with /; it drops the rule; GRPCRoute is not judged', () => {
    const route = httpRoute({ rules: [{ filters: [fullPath('requestRedirect', 'foo/bar')] }] });
    const [found] = judgeAll(create(route), view, defaultPolicy).findings;
    expect(found).toMatchObject({ ruleId: 'MR311', action: 'deny', status: { condition: 'DropsRule' }, message: 'replaceFullPath "foo/bar" is not an absolute path; start it with /' });
    const grpc = grpcRoute({ rules: [{ filters: [fullPath('urlRewrite', 'v2')], backendRefs: [backend()] }] });
    expect(summarize(judgeAll(create(grpc), view, defaultPolicy), 'MR311')).toEqual([]);
  });

  it('MR302 applies to GRPCRoute header modifiers', () => {
    const route = grpcRoute({ rules: [{ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'a', value: '1' }], remove: ['a'] } }], backendRefs: [backend()] }] });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR302')).toEqual(['MR302 deny spec.rules[0].filters[0].requestHeaderModifier.remove[0]']);
  });

  it('MR310 checks in linear time (no backtracking on a long near-miss)', () => {
    const route = httpRoute({ rules: [modifier({ set: [{ name: 'a', value: `${'a'.repeat(5000)}\u0001` }] })] });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR310')).toHaveLength(1);
  });
});
