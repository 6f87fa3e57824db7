import { describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { backend, create, defaultPolicy, grpcRoute, httpRoute, meshParent, policy, services, summarize, view, judgeAll } from '../builders.ts';

type Parent = ReturnType<typeof meshParent>;

describe('parent rules', () => {
  it.each<[string, string, Parent[], string[]]>([
    ['MR101', 'core Service parent', [meshParent()], []],
    ['MR101', 'Service in the Gateway API group', [{ ...meshParent(), group: 'gateway.networking.k8s.io' }], ['MR101 deny spec.parentRefs[0]']],
    ['MR101', 'group left out (CRD default applies)', [{ kind: 'Service', name: 'echo' }], ['MR101 deny spec.parentRefs[0]']],
    ['MR101', 'Service in group: core', [{ ...meshParent(), group: 'core' }], ['MR101 deny spec.parentRefs[0]']],
    ['MR101', 'another kind in group: core', [{ group: 'core', kind: 'Endpoints', name: 'echo' }], []],
    ['MR102', 'missing parent in group: core (judged as a mesh parent)', [{ ...meshParent('nope'), group: 'core' }], ['MR102 warn spec.parentRefs[0]']],
    ['MR105', 'port in group: core (judged as a mesh parent)', [{ ...meshParent('echo', { port: 81 }), group: 'core' }], ['MR105 warn spec.parentRefs[0].port']],
    ['MR102', 'existing parent', [meshParent('echo')], []],
    ['MR102', 'missing parent', [meshParent('nope')], ['MR102 warn spec.parentRefs[0]']],
    ['MR103', 'ClusterIP parent', [meshParent('echo')], []],
    ['MR103', 'ExternalName parent', [meshParent('ext')], ['MR103 warn spec.parentRefs[0]']],
    ['MR104', 'ClusterIP parent', [meshParent('echo')], []],
    ['MR104', 'headless parent', [meshParent('headless')], ['MR104 warn spec.parentRefs[0]']],
    ['MR105', 'existing port', [meshParent('echo', { port: 8080 })], []],
    ['MR105', 'unknown port', [meshParent('echo', { port: 81 })], ['MR105 warn spec.parentRefs[0].port']],
    ['MR105', 'out-of-range port', [meshParent('echo', { port: 800080 })], ['MR105 warn spec.parentRefs[0].port']],
    ['MR105', 'out-of-range port of a missing Service', [meshParent('nope', { port: 800080 })], ['MR105 warn spec.parentRefs[0].port']],
    ['MR105', 'highest port of a Service without it', [meshParent('echo', { port: 65535 })], ['MR105 warn spec.parentRefs[0].port']],
    ['MR106', 'existing port name', [meshParent('echo', { sectionName: 'http' })], []],
    ['MR106', 'unknown port name', [meshParent('echo', { sectionName: 'grpc' })], ['MR106 warn spec.parentRefs[0].sectionName']],
    ['MR106', 'port and name agree', [meshParent('echo', { sectionName: 'http', port: 80 })], []],
    ['MR106', 'port and name disagree', [meshParent('echo', { sectionName: 'http', port: 8080 })], ['MR106 warn spec.parentRefs[0].sectionName']],
  ])('%s: %s', (id, _, parentRefs, expected) => {
    expect(summarize(judgeAll(create(httpRoute({ parentRefs })), view, defaultPolicy), id)).toEqual(expected);
  });

  it('MR103 and MR104 warn by default and deny under strict; status stays Accepted=False, UnsupportedValue', () => {
    const strict = policy({ strict: true });
    for (const [id, name] of [['MR103', 'ext'], ['MR104', 'headless']] as const) {
      const route = create(httpRoute({ parentRefs: [meshParent(name)] }));
      const warned = judgeAll(route, view, defaultPolicy);
      expect(summarize(warned, id)).toEqual([`${id} warn spec.parentRefs[0]`]);
      expect(warned.findings.find((f) => f.ruleId === id)?.status).toEqual({ condition: 'Accepted', reason: 'UnsupportedValue' });
      expect(summarize(judgeAll(route, view, strict), id)).toEqual([`${id} deny spec.parentRefs[0]`]);
      expect(summarize(judgeAll(create(httpRoute({ parentRefs: [meshParent('echo')] })), view, strict), id)).toEqual([]);
    }
  });

  it('MR101 at a group: core parentRef says to use group "", and /mutate rewrites it', () => {
    const route = create(httpRoute({ parentRefs: [{ ...meshParent(), group: 'core' }] }));
    const evaluation = judgeAll(route, view, defaultPolicy);
    expect(evaluation.findings.map((f) => f.message)).toEqual(['the core group is written group: "", not core; use group ""']);
    expect(evaluation.patch).toEqual([{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
    expect(judgeAll(route, view, policy({ mutations: { fixServiceParentGroup: false } })).patch).toEqual([]);
  });

  it('MR105 says an out-of-range port is out of range, not that the Service lacks it', () => {
    const evaluation = judgeAll(create(httpRoute({ parentRefs: [meshParent('echo', { port: 800080 })] })), view, defaultPolicy);
    expect(evaluation.findings.map((f) => f.message)).toEqual(['port 800080 is out of range; a Service port is 1 to 65535']);
  });

  it('MR107: consumer routes are allowed by default and denied when the policy forbids them', () => {
    const route = httpRoute({ parentRefs: [meshParent('echo', { namespace: 'other' })] });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR107')).toEqual([]);
    const forbidding = policy({ consumerRoutes: 'deny' });
    expect(summarize(judgeAll(create(route), view, forbidding), 'MR107')).toEqual(['MR107 deny spec.parentRefs[0]']);
    expect(summarize(judgeAll(create(httpRoute()), view, forbidding), 'MR107')).toEqual([]);
  });

  it.each<[string, Parent[], string[] | undefined, string[]]>([
    ['mesh-only route with hostnames', [meshParent()], ['echo.example.com'], ['MR108 warn spec.hostnames']],
    ['mesh-only route without hostnames', [meshParent()], undefined, []],
    ['route that also has a Gateway parent', [meshParent(), { name: 'gw' }], ['echo.example.com'], []],
  ])('MR108: %s', (_, parentRefs, hostnames, expected) => {
    const route = httpRoute(hostnames === undefined ? { parentRefs } : { parentRefs, hostnames });
    expect(summarize(judgeAll(create(route), view, defaultPolicy), 'MR108')).toEqual(expected);
  });

  it('MR109: an HTTPRoute on a Service and port a GRPCRoute uses is flagged; the GRPCRoute is not', () => {
    const grpc = grpcRoute({ parentRefs: [meshParent('echo', { port: 8080 })] }, 'default', 'g');
    const conflictView = staticView([...services, grpc]);
    const onPort = httpRoute({ parentRefs: [meshParent('echo', { port: 8080 })] });
    const otherPort = httpRoute({ parentRefs: [meshParent('echo', { port: 80 })] });
    const allPorts = httpRoute({ parentRefs: [meshParent('echo')] });
    expect(summarize(judgeAll(create(onPort), conflictView, defaultPolicy), 'MR109')).toEqual(['MR109 warn spec.parentRefs[0]']);
    expect(summarize(judgeAll(create(otherPort), conflictView, defaultPolicy), 'MR109')).toEqual([]);
    expect(summarize(judgeAll(create(allPorts), conflictView, defaultPolicy), 'MR109')).toEqual(['MR109 warn spec.parentRefs[0]']);
    expect(summarize(judgeAll(create(grpc), conflictView, defaultPolicy), 'MR109')).toEqual([]);
  });

  // Service echo has ports 80 (http) and 8080 (http-alt).
  const mr109 = (grpcParents: Parent[][], parent: Parent) => {
    const grpcs = grpcParents.map((parentRefs, i) => grpcRoute({ parentRefs }, 'default', `g${i}`));
    return judgeAll(create(httpRoute({ parentRefs: [parent] })), staticView([...services, ...grpcs]), defaultPolicy)
      .findings.filter((f) => f.ruleId === 'MR109')
      .map((f) => `${f.status?.condition === 'NarrowsParent' ? 'partial' : `total ${f.status?.condition}`}: ${f.message}`);
  };

  it.each<[string, Parent[][], Parent, string[]]>([
    ['same port', [[meshParent('echo', { port: 8080 })]], meshParent('echo', { port: 8080 }), ['total Accepted: GRPCRoute default/g0 also attaches to echo port 8080 and wins']],
    ['another port', [[meshParent('echo', { port: 8080 })]], meshParent('echo', { port: 80 }), []],
    ['a portless HTTPRoute parent loses one of two ports', [[meshParent('echo', { port: 8080 })]], meshParent('echo'), ['partial: GRPCRoute default/g0 also attaches to echo port 8080 and wins there; this route keeps port 80']],
    ['a portless GRPCRoute takes every port', [[meshParent('echo')]], meshParent('echo'), ['total Accepted: GRPCRoute default/g0 also attaches to echo ports 80, 8080 and wins']],
    ['two GRPCRoutes take one port each', [[meshParent('echo', { port: 80 })], [meshParent('echo', { port: 8080 })]], meshParent('echo'), ['total Accepted: GRPCRoute default/g0 also attaches to echo port 80 and wins; GRPCRoute default/g1 also attaches to echo port 8080 and wins']],
    ['an HTTPRoute sectionName on the taken port', [[meshParent('echo', { port: 8080 })]], meshParent('echo', { sectionName: 'http-alt' }), ['total Accepted: GRPCRoute default/g0 also attaches to echo port 8080 and wins']],
    ['an HTTPRoute sectionName on the free port', [[meshParent('echo', { port: 8080 })]], meshParent('echo', { sectionName: 'http' }), []],
    ['a GRPCRoute sectionName takes only its port', [[meshParent('echo', { sectionName: 'http-alt' })]], meshParent('echo', { port: 80 }), []],
    ['a GRPCRoute sectionName on the same port', [[meshParent('echo', { sectionName: 'http-alt' })]], meshParent('echo', { port: 8080 }), ['total Accepted: GRPCRoute default/g0 also attaches to echo port 8080 and wins']],
    ['a GRPCRoute on another Service', [[meshParent('echo-v1')]], meshParent('echo'), []],
    ['an unknown Service (MR102 reports it; its ports are unknown)', [[meshParent('nope', { port: 80 })]], meshParent('nope'), []],
  ])('MR109 per port: %s', (_, grpcParents, parent, expected) => {
    expect(mr109(grpcParents, parent)).toEqual(expected);
  });

  it('never flags several routes of one kind on a Service, a backend equal to its parent, or mixed parents', () => {
    // Routes of one kind merge; with matches of their own neither shadows the other (MR110).
    const other = httpRoute({ rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/other' } }], backendRefs: [backend()] }] }, 'default', 'other');
    const sameKind = staticView([...services, other]);
    const route = httpRoute({ parentRefs: [meshParent('echo'), { name: 'gw' }], rules: [{ backendRefs: [{ name: 'echo', port: 80 }] }] });
    expect(summarize(judgeAll(create(route), sameKind, defaultPolicy))).toEqual([]);
  });
});
