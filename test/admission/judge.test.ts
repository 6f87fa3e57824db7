import { describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { staticView } from '../../src/cluster/static-view.ts';
import { backend, compiled, create, grpcRoute, httpRoute, meshParent, policy, services, view } from '../builders.ts';

describe('createJudge', () => {
  const request = create(httpRoute({ parentRefs: [meshParent()], rules: [{ backendRefs: [backend('echo-v1', { port: 8080 }), backend('missing', { port: 80 })] }] }));

  it('asks the resolver for every Service the route names before it decides', async () => {
    const asked: string[] = [];
    const judge = createJudge({
      view,
      resolver: { resolveServices: (refs) => void asked.push(...refs.map((r) => `${r.namespace}/${r.name}`)) },
      policy: () => compiled(),
    });
    const decision = await judge(request, 'validate');
    expect(asked).toEqual(['default/echo', 'default/echo-v1', 'default/missing']);
    expect(decision.ruleIds).toEqual(['MR201']);
  });

  it('waits for a live lookup, then decides as it would have without one', async () => {
    let lookedUp = false;
    const judge = createJudge({
      view,
      resolver: { resolveServices: () => new Promise<void>((resolve) => setImmediate(() => { lookedUp = true; resolve(); })) },
      policy: () => compiled(),
    });
    const pending = judge(request, 'validate');
    expect(lookedUp).toBe(false);
    const decision = await pending;
    expect(lookedUp).toBe(true);
    expect(decision).toEqual(await createJudge({ view, policy: () => compiled() })(request, 'validate'));
  });

  it('reads the policy in force after the lookup, once per request', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const lookup = new Promise<void>((resolve) => (release = resolve));
    const strict = compiled(policy({ strict: true }));
    const judge = createJudge({ view, resolver: { resolveServices: () => lookup }, policy: () => (reads++, strict) });
    const pending = judge(request, 'validate');
    expect(reads).toBe(0);
    release();
    const decision = await pending;
    expect(reads).toBe(1);
    expect(decision.allowed).toBe(false);
  });

  it('answers each door from its own part of the evaluation', async () => {
    const judge = createJudge({ view, policy: () => compiled() });
    const misgrouped = create(httpRoute({ parentRefs: [{ kind: 'Service', name: 'echo' }] }));
    const mutated = await judge(misgrouped, 'mutate');
    expect(mutated.allowed).toBe(true);
    expect(mutated.patch).toEqual([{ op: 'add', path: '/spec/parentRefs/0/group', value: '' }]);
    const validated = await judge(misgrouped, 'validate');
    expect(validated.allowed).toBe(false);
    expect(validated.patch).toEqual([]);
    expect(validated.ruleIds).toEqual(['MR101']);
  });

  it('warns on an HTTPRoute parent a GRPCRoute takes ports from (MR109 per port), naming the lost and the kept ports', async () => {
    const conflictView = staticView([...services, grpcRoute({ parentRefs: [meshParent('echo', { port: 8080 })] }, 'default', 'g')]);
    const judge = createJudge({ view: conflictView, policy: () => compiled() });
    const warnings = async (parent: ReturnType<typeof meshParent>) =>
      (await judge(create(httpRoute({ parentRefs: [parent] })), 'validate')).warnings.filter((w) => w.startsWith('MR109'));
    expect(await warnings(meshParent('echo'))).toEqual([
      'MR109 spec.parentRefs[0]: GRPCRoute default/g also attaches to echo port 8080 and wins there; this route keeps port 80',
    ]);
    expect(await warnings(meshParent('echo', { port: 8080 }))).toEqual(['MR109 spec.parentRefs[0]: GRPCRoute default/g also attaches to echo port 8080 and wins']);
    expect(await warnings(meshParent('echo', { port: 80 }))).toEqual([]);
  });
});
