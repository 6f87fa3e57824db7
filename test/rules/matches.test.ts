import { describe, expect, it } from 'vitest';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, policy, summarize, view, judgeAll } from '../builders.ts';

type HttpMatch = NonNullable<NonNullable<ReturnType<typeof httpRoute>['spec']['rules']>[number]['matches']>[number];
type GrpcMatch = NonNullable<NonNullable<ReturnType<typeof grpcRoute>['spec']['rules']>[number]['matches']>[number];

const http = (match: HttpMatch) => httpRoute({ rules: [{ matches: [match], backendRefs: [backend()] }] });
const grpc = (match: GrpcMatch) => grpcRoute({ rules: [{ matches: [match], backendRefs: [backend()] }] });

describe('match rules', () => {
  it.each<[string, string, ReturnType<typeof http>  , string[]]>([
    ['MR301', 'distinct header names', http({ headers: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }] }), []],
    ['MR301', 'same name, other case', http({ headers: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] }), ['MR301 deny spec.rules[0].matches[0].headers[1].name']],
    ['MR301', 'GRPCRoute duplicate', grpc({ headers: [{ name: 'k', value: '1' }, { name: 'K', value: '2' }] }), ['MR301 deny spec.rules[0].matches[0].headers[1].name']],
    ['MR306', 'regex with a service', grpc({ method: { type: 'RegularExpression', service: 'echo.*' } }), []],
    ['MR306', 'regex with both empty', grpc({ method: { type: 'RegularExpression', service: '', method: '' } }), ['MR306 deny spec.rules[0].matches[0].method']],
    ['MR306', 'exact with empty method', grpc({ method: { type: 'Exact', service: 'a.B' } }), []],
    ['MR307', 'valid RE2 path', http({ path: { type: 'RegularExpression', value: '^/v[0-9]+/.*' } }), []],
    ['MR307', 'lookahead path', http({ path: { type: 'RegularExpression', value: '/(?=a)' } }), ['MR307 deny spec.rules[0].matches[0].path.value']],
    ['MR307', 'backreference header', http({ headers: [{ type: 'RegularExpression', name: 'h', value: '(a)\\1' }] }), ['MR307 deny spec.rules[0].matches[0].headers[0].value']],
    ['MR307', 'exact header is not a regex', http({ headers: [{ name: 'h', value: '(a)\\1' }] }), []],
    ['MR307', 'query parameter', http({ queryParams: [{ type: 'RegularExpression', name: 'q', value: '[' }] }), ['MR307 deny spec.rules[0].matches[0].queryParams[0].value']],
    ['MR307', 'gRPC method', grpc({ method: { type: 'RegularExpression', service: 'ok', method: '(?<!x)' } }), ['MR307 deny spec.rules[0].matches[0].method.method']],
  ])('%s: %s', (id, _, route, expected) => {
    expect(summarize(judgeAll(create(route), view, defaultPolicy), id)).toEqual(expected);
  });

  it('MR307: the length limit comes from the policy', () => {
    const route = http({ path: { type: 'RegularExpression', value: '/a{1,3}b' } });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR307')).toEqual([]);
    expect(summarize(judgeAll(create(route), view, policy({ regexMaxLength: 4 })), 'MR307')).toEqual([
      'MR307 deny spec.rules[0].matches[0].path.value',
    ]);
  });
});
