/**
 * lint's status report: per route and parent Service, the status the reconciler would write
 * (JSON `statuses`, SARIF run and result properties, text with `--status`), MR109 per port in it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { evaluate, readSubmission } from '../../src/core/index.ts';
import { planStatus } from '../../src/status/desired.ts';
import { backend, compiled, grpcRoute, httpRoute, meshParent, service } from '../builders.ts';
import { lintRun } from './lint-io.ts';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}
interface Status {
  file: string;
  line: number;
  route: { kind: string; namespace: string; name: string };
  parents: { parentRef: Record<string, unknown>; conditions: Condition[] }[];
}

// Service api serves gRPC on 7070 and HTTP on 8080; the GRPCRoute takes 7070.
const objects = [
  service('api', { ports: [{ name: 'grpc', port: 7070 }, { name: 'http', port: 8080 }] }),
  service('echo-v1'),
  grpcRoute({ parentRefs: [meshParent('api', { port: 7070 })], rules: [{ backendRefs: [backend('api', { port: 7070 })] }] }, 'default', 'api-grpc'),
  // parentRefs[0] keeps 8080 (partial), parentRefs[1] loses its only port (total), parentRefs[2] is free.
  httpRoute({ parentRefs: [meshParent('api'), meshParent('api', { port: 7070 }), meshParent('api', { port: 8080 })] }, 'default', 'api-http'),
  httpRoute({ parentRefs: [meshParent('echo-v1')], rules: [{ backendRefs: [backend('missing')] }] }, 'default', 'unresolved'),
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'gateway-only' }, spec: { parentRefs: [{ name: 'gw' }] } },
];

const brief = (conditions: Condition[]) => conditions.map((c) => `${c.type}=${c.status}/${c.reason}`);

describe('lint status output', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gamma-lint-status-'));
    file = path.join(dir, 'mesh.yaml');
    await writeFile(file, objects.map((o) => stringify(o)).join('---\n'), 'utf8');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const statuses = async (argv: string[] = []): Promise<Status[]> => {
    const run = await lintRun(['-o', 'json', ...argv, 'mesh.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as { statuses: Status[] }).statuses;
  };

  it('carries per route and parent Service the Accepted and ResolvedRefs the reconciler would write, MR109 per port', async () => {
    const all = await statuses();
    expect(all.map((s) => `${s.route.kind}/${s.route.name}@${s.line}`)).toEqual(['GRPCRoute/api-grpc@25', 'HTTPRoute/api-http@41', 'HTTPRoute/unresolved@64']);
    const http = all[1]!;
    expect(http.parents.map((p) => p.parentRef)).toEqual([
      { group: '', kind: 'Service', name: 'api' },
      { group: '', kind: 'Service', name: 'api', port: 7070 },
      { group: '', kind: 'Service', name: 'api', port: 8080 },
    ]);
    const [partial, total, free] = http.parents.map((p) => p.conditions);
    expect(brief(partial!)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']);
    expect(partial![0]!.message).toContain('GRPCRoute default/api-grpc also attaches to api port 7070 and wins there; this route keeps port 8080');
    expect(brief(total!)).toEqual(['Accepted=False/Conflicted', 'ResolvedRefs=True/ResolvedRefs']);
    expect(total![0]!.message).toBe('MR109 spec.parentRefs[1]: GRPCRoute default/api-grpc also attaches to api port 7070 and wins');
    expect(free![0]).toEqual({ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'the parent Service accepts the route' });
    expect(brief(all[2]!.parents[0]!.conditions)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=False/BackendNotFound']);
  });

  it('is what the status door plans for the same routes, conditions for conditions', async () => {
    const view = staticView(objects);
    const policy = compiled();
    const linted = await statuses();
    for (const object of objects.filter((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute')) {
      const route = object as ReturnType<typeof httpRoute>;
      const evaluation = evaluate(readSubmission({ kind: route.kind, operation: 'CREATE', namespace: 'default', object: route }), view, policy, 'status');
      const plan = planStatus({ route, verdicts: evaluation.parents, controllerName: policy.policy.status.controllerName, now: new Date() });
      const planned = plan.outcome === 'write' ? plan.parents : [];
      const fromLint = linted.find((s) => s.route.name === route.metadata.name)?.parents ?? [];
      expect(fromLint.length, route.metadata.name).toBe(planned.length);
      planned.forEach((entry, i) => {
        const { parentRef, conditions } = entry as { parentRef: unknown; conditions: (Condition & { lastTransitionTime: string })[] };
        expect(fromLint[i]).toEqual({ parentRef, conditions: conditions.map(({ type, status, reason, message }) => ({ type, status, reason, message })) });
      });
    }
  });

  it('is empty when the policy turns status off', async () => {
    await writeFile(path.join(dir, 'policy.yaml'), 'status: {enabled: false}\n', 'utf8');
    expect(await statuses(['--policy', 'policy.yaml'])).toEqual([]);
  });

  it('is the run and result properties of SARIF', async () => {
    const run = await lintRun(['-o', 'sarif', 'mesh.yaml'], { cwd: dir });
    const [sarif] = (JSON.parse(run.stdout) as { runs: { properties: { statuses: Status[] }; results: { ruleId: string; properties: { parents: Status['parents'] } }[] }[] }).runs;
    expect(sarif!.properties.statuses).toEqual(await statuses());
    const mr109 = sarif!.results.filter((r) => r.ruleId === 'MR109');
    expect(mr109).toHaveLength(2);
    expect(brief(mr109[0]!.properties.parents[1]!.conditions)).toEqual(['Accepted=False/Conflicted', 'ResolvedRefs=True/ResolvedRefs']);
  });

  it('shows in text only with --status, per route, parent and condition', async () => {
    const plain = await lintRun(['mesh.yaml'], { cwd: dir });
    expect(plain.stdout).not.toContain('Accepted=');
    const run = await lintRun(['--status', 'mesh.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'mesh.yaml:41: status of HTTPRoute default/api-http',
        '  parent Service default/api',
        '    Accepted=True Accepted: the parent Service accepts the route on the ports it keeps; MR109 spec.parentRefs[0]: GRPCRoute default/api-grpc also attaches to api port 7070 and wins there; this route keeps port 8080',
        '    ResolvedRefs=True ResolvedRefs: every backend reference resolves',
        '  parent Service default/api port 7070',
        '    Accepted=False Conflicted: MR109 spec.parentRefs[1]: GRPCRoute default/api-grpc also attaches to api port 7070 and wins',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('gateway-only');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('4 routes in 1 file: 0 denials, 3 warnings');
  });
});
