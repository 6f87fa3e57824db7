import { describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { backend, create, defaultPolicy, httpRoute, meshParent, view } from '../builders.ts';

describe('createJudge', () => {
  const request = create(httpRoute({ parentRefs: [meshParent()], rules: [{ backendRefs: [backend('echo-v1', { port: 8080 }), backend('missing', { port: 80 })] }] }));

  it('answers with the decision itself when the resolver has nothing to look up', () => {
    const asked: string[] = [];
    const judge = createJudge({
      view,
      resolver: { resolveServices: (refs) => void asked.push(...refs.map((r) => `${r.namespace}/${r.name}`)) },
      policy: () => defaultPolicy,
    });
    const decision = judge(request, 'validate');
    expect(decision).not.toBeInstanceOf(Promise);
    expect(asked).toEqual(expect.arrayContaining(['default/echo', 'default/echo-v1', 'default/missing']));
  });

  it('waits for a live lookup, then decides as it would have without one', async () => {
    let lookedUp = false;
    const judge = createJudge({
      view,
      resolver: { resolveServices: () => new Promise<void>((resolve) => setImmediate(() => { lookedUp = true; resolve(); })) },
      policy: () => defaultPolicy,
    });
    const pending = judge(request, 'validate');
    expect(pending).toBeInstanceOf(Promise);
    expect(lookedUp).toBe(false);
    const decision = await pending;
    expect(lookedUp).toBe(true);
    expect(decision).toEqual(createJudge({ view, policy: () => defaultPolicy })(request, 'validate'));
  });

  it('judges with no resolver (a static view) synchronously', () => {
    const judge = createJudge({ view, policy: () => defaultPolicy });
    for (const door of ['validate', 'mutate'] as const) expect(judge(request, door)).not.toBeInstanceOf(Promise);
  });
});
