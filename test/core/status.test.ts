import { describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { RouteReason } from '../../src/gateway/conditions.ts';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, meshParent, services, view, judgeAll } from '../builders.ts';

const conditions = (route: ReturnType<typeof httpRoute>  , v = view) =>
  judgeAll(create(route), v, defaultPolicy).parents.map((p) => p.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`));

describe('parent verdicts', () => {
  it('Accepted and ResolvedRefs True for a good route, with the parentRef written out', () => {
    const evaluation = judgeAll(create(httpRoute({ parentRefs: [meshParent('echo', { port: 80 }), { name: 'gw' }] })), view, defaultPolicy);
    expect(evaluation.parents).toEqual([
      {
        parentIndex: 0,
        parentRef: { group: '', kind: 'Service', name: 'echo', port: 80 },
        conditions: [
          expect.objectContaining({ type: 'Accepted', status: 'True', reason: RouteReason.Accepted }),
          expect.objectContaining({ type: 'ResolvedRefs', status: 'True', reason: RouteReason.ResolvedRefs }),
        ],
      },
    ]);
  });

  it.each<[string, ReturnType<typeof httpRoute>, string[][]]>([
    ['missing parent (warned, still NoMatchingParent)', httpRoute({ parentRefs: [meshParent('nope'), meshParent('echo')] }), [['Accepted=False/NoMatchingParent', 'ResolvedRefs=True/ResolvedRefs'], ['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']]],
    ['headless parent', httpRoute({ parentRefs: [meshParent('headless')] }), [['Accepted=False/UnsupportedValue', 'ResolvedRefs=True/ResolvedRefs']]],
    ['missing backend', httpRoute({ rules: [{ backendRefs: [backend('echo-v3')] }] }), [['Accepted=True/Accepted', 'ResolvedRefs=False/BackendNotFound']]],
    ['one bad rule of two', httpRoute({ rules: [{ backendRefs: [backend()] }, { matches: [{ path: { type: 'RegularExpression', value: '(?=x)' } }], backendRefs: [backend()] }] }), [['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs', 'PartiallyInvalid=True/UnsupportedValue']]],
    ['every rule bad', httpRoute({ rules: [{ matches: [{ path: { type: 'RegularExpression', value: '(?=x)' } }], backendRefs: [backend()] }] }), [['Accepted=False/UnsupportedValue', 'ResolvedRefs=True/ResolvedRefs']]],
  ])('%s', (_, route, expected) => {
    expect(conditions(route)).toEqual(expected);
  });

  it('names the rule and the reference in messages; PartiallyInvalid starts with "Dropped Rule"', () => {
    const evaluation = judgeAll(create(httpRoute({ rules: [{ backendRefs: [backend('echo-v3')] }, { timeouts: { request: 'x' }, backendRefs: [backend()] }] })), view, defaultPolicy);
    const [accepted, resolved, partial] = evaluation.parents[0]?.conditions ?? [];
    expect(accepted?.status).toBe('True');
    expect(resolved?.message).toContain('MR201 spec.rules[0].backendRefs[0]: backend Service default/echo-v3 not found');
    expect(partial?.message).toMatch(/^Dropped Rule 1: MR308/);
  });

  it('MR109: the HTTPRoute that loses to a GRPCRoute is Conflicted', () => {
    const v = staticView([...services, grpcRoute({}, 'default', 'g')]);
    expect(conditions(httpRoute(), v)).toEqual([['Accepted=False/Conflicted', 'ResolvedRefs=True/ResolvedRefs']]);
  });

  it('MR109 per port: a parent that keeps a port stays Accepted and names the lost port; one that keeps none is Conflicted', () => {
    // echo has ports 80 and 8080; the GRPCRoute takes 8080 only.
    const v = staticView([...services, grpcRoute({ parentRefs: [meshParent('echo', { port: 8080 })] }, 'default', 'g')]);
    const route = httpRoute({ parentRefs: [meshParent('echo'), meshParent('echo', { port: 8080 }), meshParent('echo', { port: 80 })] });
    const [partial, total, free] = judgeAll(create(route), v, defaultPolicy).parents.map((p) => p.conditions[0]);
    expect(partial).toEqual({
      type: 'Accepted',
      status: 'True',
      reason: RouteReason.Accepted,
      message:
        'the parent Service accepts the route on the ports it keeps; MR109 spec.parentRefs[0]: GRPCRoute default/g also attaches to echo port 8080 and wins there; this route keeps port 80',
    });
    expect(total).toEqual({
      type: 'Accepted',
      status: 'False',
      reason: RouteReason.Conflicted,
      message: 'MR109 spec.parentRefs[1]: GRPCRoute default/g also attaches to echo port 8080 and wins',
    });
    expect(free).toEqual({ type: 'Accepted', status: 'True', reason: RouteReason.Accepted, message: 'the parent Service accepts the route' });
  });
});
