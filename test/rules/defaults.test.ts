import { applyJsonPatch } from '../support/json-patch.ts';
import { describe, expect, it } from 'vitest';
import { fieldPath } from '../../src/core/index.ts';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, meshParent, policy, view, judgeAll } from '../builders.ts';

const misgrouped = httpRoute({ parentRefs: [{ ...meshParent(), group: 'gateway.networking.k8s.io' }] });

describe('defaults (mutating door)', () => {
  it('MR101: replaces the group, announces it, and the result needs nothing more', () => {
    const evaluation = judgeAll(create(misgrouped), view, defaultPolicy);
    expect(evaluation.patch).toEqual([{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
    expect(evaluation.mutations.map((m) => `${m.ruleId} ${fieldPath(m.path)}`)).toEqual(['MR101 spec.parentRefs[0]']);
    expect(judgeAll(create(applyJsonPatch(misgrouped, evaluation.patch)), view, defaultPolicy).patch).toEqual([]);
  });

  it('MR101: adds the group when the object has none (not yet defaulted), and not when the policy turns it off', () => {
    const bare = httpRoute({ parentRefs: [{ kind: 'Service', name: 'echo' }] });
    expect(judgeAll(create(bare), view, defaultPolicy).patch).toEqual([{ op: 'add', path: '/spec/parentRefs/0/group', value: '' }]);
    const off = policy({ mutations: { fixServiceParentGroup: false } });
    expect(judgeAll(create(misgrouped), view, off).patch).toEqual([]);
    expect(judgeAll(create(misgrouped), view, policy({ rules: { MR101: { action: 'off' } } })).patch).toEqual([]);
  });

  it('MR204: adds the only port of the Service, for backends and mirror backends; not for two-port Services', () => {
    const route = httpRoute({
      rules: [
        {
          filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'single' } } }],
          backendRefs: [{ name: 'single' }, { name: 'echo' }],
        },
      ],
    });
    const evaluation = judgeAll(create(route), view, defaultPolicy);
    expect(evaluation.patch).toEqual([
      { op: 'add', path: '/spec/rules/0/filters/0/requestMirror/backendRef/port', value: 80 },
      { op: 'add', path: '/spec/rules/0/backendRefs/0/port', value: 80 },
    ]);
    expect(evaluation.mutations.every((m) => m.ruleId === 'MR204')).toBe(true);
    expect(judgeAll(create(route), view, policy({ mutations: { defaultBackendPort: false } })).patch).toEqual([]);
  });

  it('default timeouts: opt-in, only where a rule has none of that kind, never breaking backendRequest <= request', () => {
    const timeouts = policy({ mutations: { defaultTimeouts: { request: '10s', backendRequest: '5s' } } });
    const route = httpRoute({
      rules: [
        { backendRefs: [backend()] },
        { timeouts: { request: '30s' }, backendRefs: [backend()] },
        { timeouts: { request: '2s' }, backendRefs: [backend()] },
        { timeouts: { request: '1s', backendRequest: '1s' }, backendRefs: [backend()] },
      ],
    });
    expect(judgeAll(create(route), view, defaultPolicy).patch).toEqual([]);
    const evaluation = judgeAll(create(route), view, timeouts);
    expect(evaluation.patch).toEqual([
      { op: 'add', path: '/spec/rules/0/timeouts', value: { request: '10s', backendRequest: '5s' } },
      { op: 'add', path: '/spec/rules/1/timeouts/backendRequest', value: '5s' },
    ]);
    expect(evaluation.mutations.map((m) => m.ruleId)).toEqual(['MR308', 'MR308']);
    expect(judgeAll(create(applyJsonPatch(route, evaluation.patch)), view, timeouts).patch).toEqual([]);
    expect(judgeAll(create(grpcRoute()), view, timeouts).patch).toEqual([]);
  });

  it('escapes JSON Pointer segments and leaves routes without a mesh parent alone', () => {
    const gatewayOnly = httpRoute({ parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'single' }] }] });
    const evaluation = judgeAll(create(gatewayOnly), view, defaultPolicy);
    expect(evaluation).toMatchObject({ judged: false, patch: [], findings: [] });
  });
});
