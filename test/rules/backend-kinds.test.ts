/**
 * Backend kinds beyond Service: the policy's `backendKinds` (MR205 quiet for a listed kind) and
 * ServiceImport backends (MR201/MR203 when `features` enables ServiceImport), through /validate
 * (the judge), the status verdicts, and lint reading ServiceImports from its files.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createJudge } from '../../src/admission/judge.ts';
import { staticView } from '../../src/cluster/static-view.ts';
import type { Policy } from '../../src/core/policy.ts';
import type { PolicyDocument } from '../../src/core/policy-schema.ts';
import { backend, compiled, create, httpRoute, judgeAll, meshParent, policy, services } from '../builders.ts';
import { lintRun } from '../cli/lint-io.ts';

const MC = 'multicluster.x-k8s.io';

const serviceImport = {
  apiVersion: `${MC}/v1alpha1`,
  kind: 'ServiceImport',
  metadata: { name: 'echo-east', namespace: 'default' },
  spec: { type: 'ClusterSetIP', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
};

const clusterView = staticView([...services, serviceImport]);

function route(ref: Record<string, unknown>): ReturnType<typeof httpRoute> {
  return httpRoute({ parentRefs: [meshParent()], rules: [{ backendRefs: [ref] }] });
}

const importRef = (name: string, port: number): Record<string, unknown> => ({ group: MC, kind: 'ServiceImport', name, port });
const hostname = (group: string): Record<string, unknown> => ({ group, kind: 'Hostname', name: 'reviews.example.com', port: 80 });

const istioKinds: PolicyDocument = { backendKinds: [{ group: 'networking.istio.io', kind: 'Hostname' }] };
const imports: PolicyDocument = { features: ['ServiceImport'] };

async function validate(ref: Record<string, unknown>, document: PolicyDocument): Promise<{ allowed: boolean; ruleIds: readonly string[]; warnings: readonly string[] }> {
  const judge = createJudge({ view: clusterView, policy: () => compiled(policy(document)) });
  return judge(create(route(ref)), 'validate');
}

function resolvedRefs(ref: Record<string, unknown>, inForce: Policy): string {
  const condition = judgeAll(create(route(ref)), clusterView, inForce).parents[0]?.conditions.find((c) => c.type === 'ResolvedRefs');
  return `${condition?.status} ${condition?.reason}`;
}

describe('backendKinds', () => {
  it('/mutate leaves a listed kind alone (no port default, no warning), while a core Service backend gets its port', async () => {
    const judge = createJudge({ view: clusterView, policy: () => compiled(policy(istioKinds)) });
    const { port: _port, ...portless } = hostname('networking.istio.io');
    const listed = await judge(create(route(portless)), 'mutate');
    expect(listed.patch).toEqual([]);
    expect(listed.warnings).toEqual([]);
    const service = await judge(create(route({ name: 'single' })), 'mutate');
    expect(service.patch).toEqual([{ op: 'add', path: '/spec/rules/0/backendRefs/0/port', value: 80 }]);
  });

  it('a listed kind raises no MR205 and status says ResolvedRefs=True', async () => {
    const decision = await validate(hostname('networking.istio.io'), istioKinds);
    expect(decision.ruleIds).toEqual([]);
    expect(decision.warnings).toEqual([]);
    expect(resolvedRefs(hostname('networking.istio.io'), policy(istioKinds))).toBe('True ResolvedRefs');
  });

  it('the same kind in another group, or any kind without the policy entry, is still MR205 / InvalidKind', async () => {
    const other = await validate(hostname('example.com'), istioKinds);
    expect(other.ruleIds).toEqual(['MR205']);
    expect(other.warnings).toEqual(['MR205 spec.rules[0].backendRefs[0]: backend kind example.com/Hostname is not supported']);
    expect(resolvedRefs(hostname('example.com'), policy(istioKinds))).toBe('False InvalidKind');
    expect((await validate(hostname('networking.istio.io'), {})).ruleIds).toEqual(['MR205']);
    expect(resolvedRefs(hostname('networking.istio.io'), policy({}))).toBe('False InvalidKind');
  });

  it('is denied under strict only when not listed (MR205 is referential)', async () => {
    expect((await validate(hostname('networking.istio.io'), { ...istioKinds, strict: true })).allowed).toBe(true);
    expect((await validate(hostname('example.com'), { ...istioKinds, strict: true })).allowed).toBe(false);
  });
});

describe('ServiceImport backends', () => {
  it('present, on one of its ports: no finding, ResolvedRefs=True', async () => {
    const decision = await validate(importRef('echo-east', 8080), imports);
    expect(decision.ruleIds).toEqual([]);
    expect(resolvedRefs(importRef('echo-east', 8080), policy(imports))).toBe('True ResolvedRefs');
  });

  it('missing: MR201, BackendNotFound', async () => {
    const decision = await validate(importRef('echo-west', 8080), imports);
    expect(decision.ruleIds).toEqual(['MR201']);
    expect(decision.warnings).toEqual([
      'MR201 spec.rules[0].backendRefs[0]: backend multicluster.x-k8s.io/ServiceImport default/echo-west not found; create it or fix the name',
    ]);
    expect(resolvedRefs(importRef('echo-west', 8080), policy(imports))).toBe('False BackendNotFound');
    expect((await validate(importRef('echo-west', 8080), { ...imports, strict: true })).allowed).toBe(false);
  });

  it('missing with weight 0: exempt, as for Services', async () => {
    expect((await validate({ ...importRef('echo-west', 8080), weight: 0 }, imports)).ruleIds).toEqual([]);
  });

  it('a port it does not have: MR203, BackendNotFound', async () => {
    const decision = await validate(importRef('echo-east', 80), imports);
    expect(decision.ruleIds).toEqual(['MR203']);
    expect(decision.warnings).toEqual([
      'MR203 spec.rules[0].backendRefs[0].port: backend multicluster.x-k8s.io/ServiceImport default/echo-east has no port 80; ports: 8080',
    ]);
    expect(resolvedRefs(importRef('echo-east', 80), policy(imports))).toBe('False BackendNotFound');
  });

  it('a mirror backend is checked too', async () => {
    // A non-empty `features` also turns on MR309, so the mirror feature is listed too.
    const judge = createJudge({ view: clusterView, policy: () => compiled(policy({ features: ['ServiceImport', 'HTTPRouteRequestMirror'] })) });
    const mirrored = httpRoute({
      parentRefs: [meshParent()],
      rules: [{ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: importRef('gone', 80) as { name: string } } }], backendRefs: [backend()] }],
    });
    const decision = await judge(create(mirrored), 'validate');
    expect(decision.warnings).toEqual([
      'MR201 spec.rules[0].filters[0].requestMirror.backendRef: mirror backend multicluster.x-k8s.io/ServiceImport default/gone not found; create it or fix the name',
    ]);
  });

  it('feature off: MR205 as before, and neither MR201 nor MR203', async () => {
    for (const ref of [importRef('echo-east', 8080), importRef('echo-west', 8080), importRef('echo-east', 80)]) {
      expect((await validate(ref, {})).ruleIds).toEqual(['MR205']);
      expect(resolvedRefs(ref, policy({}))).toBe('False InvalidKind');
    }
  });

  it('a kind other than ServiceImport in the multicluster group is not looked up', async () => {
    expect((await validate({ group: MC, kind: 'ServiceExport', name: 'echo-east', port: 8080 }, imports)).ruleIds).toEqual(['MR205']);
  });
});

describe('lint: backend kinds and ServiceImports from the files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gamma-backend-kinds-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Lints the cluster objects with one route under `document`; returns `ruleId path` lines. */
  async function lint(name: string, ref: Record<string, unknown>, document: PolicyDocument): Promise<string[]> {
    const file = path.join(dir, `${name}.yaml`);
    const policyFile = path.join(dir, `${name}.policy.yaml`);
    await writeFile(file, [...services, serviceImport, route(ref)].map((d) => stringify(d)).join('---\n'), 'utf8');
    await writeFile(policyFile, stringify(document), 'utf8');
    const run = await lintRun(['--output', 'json', '--policy', policyFile, file], { cwd: dir });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; path: string }[] };
    return report.findings.map((f) => `${f.ruleId} ${f.path}`);
  }

  it('backendKinds: a listed kind passes, the same kind in another group does not', async () => {
    expect(await lint('listed', hostname('networking.istio.io'), istioKinds)).toEqual([]);
    expect(await lint('unlisted', hostname('example.com'), istioKinds)).toEqual(['MR205 spec.rules[0].backendRefs[0]']);
  });

  it('ServiceImport: present passes; missing is MR201; a wrong port is MR203; feature off is MR205', async () => {
    expect(await lint('present', importRef('echo-east', 8080), imports)).toEqual([]);
    expect(await lint('missing', importRef('echo-west', 8080), imports)).toEqual(['MR201 spec.rules[0].backendRefs[0]']);
    expect(await lint('port', importRef('echo-east', 80), imports)).toEqual(['MR203 spec.rules[0].backendRefs[0].port']);
    expect(await lint('off', importRef('echo-east', 8080), {})).toEqual(['MR205 spec.rules[0].backendRefs[0]']);
  });
});
