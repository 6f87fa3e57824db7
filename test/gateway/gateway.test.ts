import { describe, expect, it } from 'vitest';
import { backendRequestExceedsRequest, isMeshParent, isMisgroupedServiceParent, isPrintableHeaderValue, parseDuration, re2SyntaxError } from '../../src/gateway/index.ts';
import { fieldPath, jsonPointer } from '../../src/core/path.ts';

describe('gateway helpers', () => {
  it.each([
    ['10s30m1h', 5_410_000], ['100ms200ms300ms', 600], ['0s', 0],
    ['1', undefined], ['1m1', undefined], ['1d', undefined], ['1h30m10s20ms50h', undefined], ['999999h', undefined], ['1.5h', undefined], ['-15m', undefined],
  ])('parseDuration(%s) = %s (GEP-2257 vectors)', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it('compares backendRequest with request, skipping 0s', () => {
    expect(backendRequestExceedsRequest('1s', '2s')).toBe(true);
    expect(backendRequestExceedsRequest('0s', '2s')).toBe(false);
    expect(backendRequestExceedsRequest('2s', '2000ms')).toBe(false);
  });

  it.each([
    [{ group: '', kind: 'Service', name: 'a' }, true, false],
    [{ group: 'core', kind: 'Service', name: 'a' }, true, false],
    [{ kind: 'Service', name: 'a' }, false, true],
    [{ group: 'gateway.networking.k8s.io', kind: 'Service', name: 'a' }, false, true],
    [{ name: 'gw' }, false, false],
    ['junk', false, false],
  ])('parent %j: mesh %s, misgrouped %s', (ref, mesh, misgrouped) => {
    expect(isMeshParent(ref)).toBe(mesh);
    expect(isMisgroupedServiceParent(ref)).toBe(misgrouped);
  });

  it.each([['a b\tc', true], ['a  b', false], [' a', false], ['a ', false], ['', false], ['é', false]])('header value %j printable: %s', (value, ok) => {
    expect(isPrintableHeaderValue(value)).toBe(ok);
  });

  it('checks RE2 syntax', () => {
    expect(re2SyntaxError('^/api/(v1|v2)/.*$')).toBeUndefined();
    expect(re2SyntaxError('(?!x)')).toBeTypeOf('string');
  });

  it('spells paths for kubectl and for JSON Pointer (RFC 6901)', () => {
    expect(fieldPath(['spec', 'rules', 0, 'matches', 1, 'headers', 2, 'name'])).toBe('spec.rules[0].matches[1].headers[2].name');
    expect(jsonPointer(['metadata', 'annotations', 'a/b~c'])).toBe('/metadata/annotations/a~1b~0c');
  });
});
