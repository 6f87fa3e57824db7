import { describe, expect, it } from 'vitest';
import { CoverChecker, covers } from '../../src/core/routing-cover.ts';
import { readGrpcMatch, readHttpMatch } from '../../src/core/routing-match.ts';
import { matchHints, mayShadowAcross, mayShadowWithin } from '../../src/core/routing-hints.ts';

const http = (match: Record<string, unknown>) => readHttpMatch(match);
const grpc = (match: Record<string, unknown>) => readGrpcMatch(match);
const prefix = (value: string) => ({ path: { type: 'PathPrefix', value } });
const exact = (value: string) => ({ path: { type: 'Exact', value } });
const regex = (value: string) => ({ path: { type: 'RegularExpression', value } });

describe('covers (HTTPRoute)', () => {
  it.each([
    ['no path (PathPrefix /) covers any path', {}, exact('/a'), true],
    ['PathPrefix / covers a regular expression', prefix('/'), regex('/a.*'), true],
    ['a prefix covers the path itself and paths under it by elements', prefix('/api'), exact('/api'), true],
    ['a prefix covers a longer prefix under it', prefix('/api/'), prefix('/api/v1'), true],
    ['a prefix does not cover a path that only starts with its letters', prefix('/api'), exact('/apis'), false],
    ['a longer prefix does not cover a shorter one', prefix('/api/v1'), prefix('/api'), false],
    ['an Exact path covers the same Exact path only', exact('/a'), exact('/a'), true],
    ['an Exact path does not cover a prefix', exact('/a'), prefix('/a'), false],
    ['a prefix other than / does not cover a regular expression', prefix('/a'), regex('/a/.*'), false],
    ['a regular expression covers the identical expression', regex('/a.*'), regex('/a.*'), true],
    ['a regular expression covers nothing else', regex('/.*'), exact('/a'), false],
    ['an unknown path type covers nothing', { path: { type: 'Glob', value: '/*' } }, { path: { type: 'Glob', value: '/*' } }, false],
    ['no method covers a method', prefix('/'), { method: 'GET' }, true],
    ['a method covers the same method', { method: 'GET' }, { method: 'GET' }, true],
    ['a method does not cover another method', { method: 'GET' }, { method: 'POST' }, false],
    ['a method does not cover no method', { method: 'GET' }, {}, false],
    ['headers are a subset, names in any case', { headers: [{ name: 'X-A', value: '1' }] }, { headers: [{ name: 'x-a', value: '1' }, { name: 'b', value: '2' }] }, true],
    ['a header value differs', { headers: [{ name: 'a', value: '1' }] }, { headers: [{ name: 'a', value: '2' }] }, false],
    ['a header type differs', { headers: [{ name: 'a', value: '1' }] }, { headers: [{ name: 'a', type: 'RegularExpression', value: '1' }] }, false],
    ['more headers do not cover fewer', { headers: [{ name: 'a', value: '1' }, { name: 'b', value: '1' }] }, { headers: [{ name: 'a', value: '1' }] }, false],
    ['query names are case-sensitive', { queryParams: [{ name: 'Q', value: '1' }] }, { queryParams: [{ name: 'q', value: '1' }] }, false],
    ['query parameters are a subset', { queryParams: [{ name: 'q', value: '1' }] }, { queryParams: [{ name: 'q', value: '1' }, { name: 'r', value: '1' }] }, true],
  ])('%s', (_name, earlier, later, expected) => {
    expect(covers(http(earlier), http(later))).toBe(expected);
  });
});

describe('covers (GRPCRoute)', () => {
  const method = (m: Record<string, unknown>) => ({ method: m });
  it.each([
    ['no method covers every method', {}, method({ service: 's.S', method: 'M' }), true],
    ['a service covers its methods', method({ service: 's.S' }), method({ service: 's.S', method: 'M' }), true],
    ['a service does not cover another service', method({ service: 's.S' }), method({ service: 's.T', method: 'M' }), false],
    ['a method in any service covers that method in one service', method({ method: 'M' }), method({ service: 's.S', method: 'M' }), true],
    ['a service and method do not cover the service alone', method({ service: 's.S', method: 'M' }), method({ service: 's.S' }), false],
    ['a regular expression covers only the identical one', method({ type: 'RegularExpression', service: 's\\..*' }), method({ type: 'RegularExpression', service: 's\\..*' }), true],
    ['a regular expression does not cover an Exact service it would match', method({ type: 'RegularExpression', service: 's\\..*' }), method({ service: 's.S' }), false],
    ['headers are a subset', { headers: [{ name: 'a', value: '1' }] }, { headers: [{ name: 'a', value: '2' }] }, false],
  ])('%s', (_name, earlier, later, expected) => {
    expect(covers(grpc(earlier), grpc(later))).toBe(expected);
  });

  it('never covers across protocols', () => {
    expect(covers(http({}), grpc({}))).toBe(false);
    expect(covers(grpc({}), http({}))).toBe(false);
  });
});

describe('match hints: no ranking where no shadow is possible', () => {
  const rules = (...paths: (string | undefined)[]) => paths.map((value) => (value === undefined ? {} : { matches: [{ path: { type: 'PathPrefix', value } }] }));
  it('allow a shadow between a path and one under it, or with a match-all, and not between unrelated paths', () => {
    expect(mayShadowWithin(matchHints('HTTPRoute', rules('/a', '/b', '/c/d')))).toBe(false);
    expect(mayShadowWithin(matchHints('HTTPRoute', rules('/a', '/b', '/a/d')))).toBe(true);
    expect(mayShadowWithin(matchHints('HTTPRoute', rules('/a', undefined)))).toBe(true);
    expect(mayShadowWithin(matchHints('HTTPRoute', rules(undefined)))).toBe(false);
    expect(mayShadowWithin(matchHints('HTTPRoute', rules(undefined, undefined)))).toBe(true);
    expect(mayShadowAcross(matchHints('HTTPRoute', rules('/api')), matchHints('HTTPRoute', rules('/web', '/api/v1')))).toBe(true);
    expect(mayShadowAcross(matchHints('HTTPRoute', rules('/api/v1')), matchHints('HTTPRoute', rules('/api', '/web')))).toBe(false);
    expect(mayShadowAcross(matchHints('HTTPRoute', rules(undefined)), matchHints('HTTPRoute', rules('/x')))).toBe(true);
    expect(mayShadowAcross(matchHints('HTTPRoute', rules('/x')), matchHints('HTTPRoute', []))).toBe(false);
  });

  it('read GRPCRoute services: a match without a service matches every service', () => {
    const grpcRules = (...services: (string | undefined)[]) => services.map((service) => ({ matches: [{ method: service === undefined ? { method: 'M' } : { service } }] }));
    expect(mayShadowWithin(matchHints('GRPCRoute', grpcRules('a.A', 'b.B')))).toBe(false);
    expect(mayShadowWithin(matchHints('GRPCRoute', grpcRules('a.A', 'a.A')))).toBe(true);
    expect(mayShadowWithin(matchHints('GRPCRoute', grpcRules('a.A', undefined)))).toBe(true);
  });
});

describe('CoverChecker', () => {
  it('answers as covers until its budget is spent, then false, and says it is spent', () => {
    const all = http({});
    const checker = new CoverChecker(2);
    expect(checker.spent).toBe(false);
    expect(checker.covers(all, all)).toBe(true);
    expect(checker.covers(all, all)).toBe(true);
    expect(checker.spent).toBe(true);
    expect(checker.covers(all, all)).toBe(false);
  });
});
