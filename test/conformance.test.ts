import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applyJsonPatch } from './support/json-patch.ts';
import { describe, expect, it } from 'vitest';
import { staticView } from '../src/cluster/static-view.ts';
import { decide, formatFinding } from '../src/core/index.ts';
import { defaultPolicy, service, judgeAll } from './builders.ts';
import { sharedPath } from './support/shared.ts';

const mesh = sharedPath('gateway-api', 'v1.6.1', 'conformance-mesh');
const fixtures = sharedPath('fixtures', 'kube-apiserver-1.32');

function documents(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as unknown);
}

function routesIn(dir: string): { file: string; route: Record<string, unknown> }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'manifests.yaml')
    .flatMap((file) =>
      documents(path.join(dir, file))
        .filter((d): d is Record<string, unknown> => ['HTTPRoute', 'GRPCRoute'].includes(String((d as { kind?: unknown } | null)?.kind)))
        .map((route) => ({ file, route })),
    );
}

function request(route: Record<string, unknown>) {
  const metadata = route.metadata as { namespace?: string };
  return { kind: route.kind as 'HTTPRoute' | 'GRPCRoute', operation: 'CREATE' as const, namespace: metadata.namespace ?? 'default', object: route };
}

describe.skipIf(mesh.missing !== undefined)('Gateway API v1.6.1 mesh conformance routes', () => {
  const view = staticView(mesh.missing ? [] : documents(path.join(mesh.path, 'manifests.yaml')));
  const routes = mesh.missing ? [] : routesIn(mesh.path);

  it('finds the 21 route manifests', () => {
    expect(routes.length).toBeGreaterThanOrEqual(21);
  });

  it.each(routes.map(({ file, route }) => [file, (route.metadata as { name: string }).name, route] as const))(
    '%s %s is admitted by /validate with no deny finding',
    (_, __, route) => {
      const evaluation = judgeAll(request(route), view, defaultPolicy);
      expect(evaluation.judged).toBe(true);
      expect(evaluation.findings.filter((f) => f.action === 'deny').map(formatFinding)).toEqual([]);
      expect(decide(evaluation, 'validate', defaultPolicy).allowed).toBe(true);
    },
  );
});

describe.skipIf(fixtures.missing !== undefined)('the mission examples (recorded admission requests)', () => {
  const view = staticView([
    service('echo-service', { ports: [{ name: 'http', port: 80 }] }),
    service('echo-v1', { ports: [{ name: 'http', port: 80 }] }),
    service('echo-v2', { ports: [{ name: 'http', port: 80 }] }),
    service('grpc-infra-backend-v1', { ports: [{ name: 'grpc', port: 8080, appProtocol: 'kubernetes.io/h2c' }] }),
    service('grpc-infra-backend-v2', { ports: [{ name: 'grpc', port: 8080 }] }),
  ]);
  const load = (file: string) => (JSON.parse(readFileSync(path.join(fixtures.path, file), 'utf8')) as { request: { object: Record<string, unknown> } }).request.object;

  it('A-07-validate-create-grpcroute.json is admitted without findings', () => {
    const evaluation = judgeAll(request(load('A-07-validate-create-grpcroute.json')), view, defaultPolicy);
    expect(evaluation.findings.map(formatFinding)).toEqual([]);
    expect(decide(evaluation, 'validate', defaultPolicy)).toMatchObject({ allowed: true, warnings: [] });
    expect(decide(evaluation, 'mutate', defaultPolicy).patch).toEqual([]);
  });

  it('A-01-validate-create.json is admitted with one warning: its 9:1 split is two rules matching PathPrefix /', () => {
    const evaluation = judgeAll(request(load('A-01-validate-create.json')), view, defaultPolicy);
    const unreachable = 'MR312 spec.rules[1]: rule 1 is shadowed by rule 0: no request reaches it; narrow or remove it';
    expect(evaluation.findings.map(formatFinding)).toEqual([unreachable]);
    expect(decide(evaluation, 'validate', defaultPolicy)).toMatchObject({ allowed: true, warnings: [unreachable] });
    expect(decide(evaluation, 'mutate', defaultPolicy).patch).toEqual([]);
  });

  it.each(['A-01-validate-create.json', 'A-07-validate-create-grpcroute.json'])(
    '%s without group "" is repaired by /mutate and denied by /validate without the repair',
    (file) => {
      const route = structuredClone(load(file));
      const parents = (route.spec as { parentRefs: Record<string, unknown>[] }).parentRefs;
      for (const parent of parents) parent.group = 'gateway.networking.k8s.io';
      const evaluation = judgeAll(request(route), view, defaultPolicy);
      expect(decide(evaluation, 'validate', defaultPolicy)).toMatchObject({ allowed: false, denials: [expect.stringMatching(/^MR101 /)] });
      const mutated = decide(evaluation, 'mutate', defaultPolicy);
      expect(mutated.patch).toEqual([{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
      const repaired = applyJsonPatch<Record<string, unknown>>(route, mutated.patch);
      expect(decide(judgeAll(request(repaired), view, defaultPolicy), 'validate', defaultPolicy).allowed).toBe(true);
    },
  );

  it('matches the recorded A-02 mutation of the route written without group', () => {
    const evaluation = judgeAll(request(load('A-02-mutate-create-default-group.json')), view, defaultPolicy);
    expect(evaluation.patch).toEqual([{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
  });
});
