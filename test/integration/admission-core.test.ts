import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, compiled, httpRoute, meshParent, policy, services } from '../builders.ts';
import { createJudge } from '../../src/admission/judge.ts';
import { staticView, staticViewFromYaml } from '../../src/cluster/static-view.ts';
import { startWebhook } from '../support/https-server.ts';
import { applyJsonPatch } from '../support/json-patch.ts';
import { admissionReview } from '../support/reviews.ts';
import { sharedPath } from '../support/shared.ts';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const example = (name: string) => JSON.parse(readFileSync(path.join(examples, name), 'utf8'));

describe('the real core behind /validate and /mutate (examples/ as README shows them)', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    const view = staticViewFromYaml(readFileSync(path.join(examples, 'cluster.yaml'), 'utf8'));
    webhook = await startWebhook(createJudge({ view, policy: () => compiled() }));
  });
  afterAll(() => webhook.close());

  it('admits the valid route with nothing to say', async () => {
    const review = example('admission-allowed.json');
    const { response } = (await webhook.postJson('/validate', review)).json();
    expect(response).toEqual({ uid: review.request.uid, allowed: true });
  });

  it('denies the broken route, naming rule ids and fields in status.message', async () => {
    const review = example('admission-denied.json');
    const { response } = (await webhook.postJson('/validate', review)).json();
    expect(response.allowed).toBe(false);
    expect(response.status.code).toBe(403);
    expect(response.status.message).toMatch(/^MR\d{3} spec\./);
    expect(response.auditAnnotations.decision).toBe('deny');
    for (const id of response.auditAnnotations.rules.split(',')) expect(response.status.message + (response.warnings ?? []).join()).toContain(id);
  });

  it('repairs the MR101 mistake at /mutate, and the repaired route passes /validate with an empty second patch', async () => {
    const review = example('admission-mutated.json');
    const { response } = (await webhook.postJson('/mutate', review)).json();
    expect(response.patchType).toBe('JSONPatch');
    expect(response.warnings.some((w: string) => w.startsWith('MR101 '))).toBe(true);
    const before = (await webhook.postJson('/validate', review)).json().response;
    expect(before.allowed).toBe(false);
    expect(before.status.message).toContain('MR101');

    const patched = applyJsonPatch(review.request.object, JSON.parse(Buffer.from(response.patch, 'base64').toString()));
    const again = { ...review, request: { ...review.request, object: patched } };
    expect((await webhook.postJson('/mutate', again)).json().response).not.toHaveProperty('patch');
    expect((await webhook.postJson('/validate', again)).json().response.allowed).toBe(true);
  });
});

describe('fidelity (issue 16): each change on a route it changes and on a close variant it does not', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let strict: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    const view = staticView(services);
    webhook = await startWebhook(createJudge({ view, policy: () => compiled() }));
    strict = await startWebhook(createJudge({ view, policy: () => compiled(policy({ strict: true })) }));
  });
  afterAll(async () => {
    await webhook.close();
    await strict.close();
  });

  type Response = { allowed: boolean; status?: { message: string }; warnings?: string[]; patch?: string };
  const ask = async (server: typeof webhook, door: '/validate' | '/mutate', object: unknown): Promise<Response> =>
    (await server.postJson(door, admissionReview({ object }))).json().response as Response;
  const patchOf = (response: Response) => (response.patch === undefined ? [] : JSON.parse(Buffer.from(response.patch, 'base64').toString()));

  it.each([
    ['MR103', 'ext'],
    ['MR104', 'headless'],
  ])('%s: a %s parent is admitted with a warning, denied under strict; a ClusterIP parent is neither', async (id, name) => {
    const changed = httpRoute({ parentRefs: [meshParent(name)] });
    const validated = await ask(webhook, '/validate', changed);
    expect(validated.allowed).toBe(true);
    expect(validated.warnings).toEqual([expect.stringMatching(new RegExp(`^${id} spec\\.parentRefs\\[0\\]: `))]);
    expect(await ask(webhook, '/mutate', changed)).not.toHaveProperty('warnings');
    const denied = await ask(strict, '/validate', changed);
    expect(denied.allowed).toBe(false);
    expect(denied.status?.message).toMatch(new RegExp(`^${id} `));
    const variant = httpRoute({ parentRefs: [meshParent('echo')] });
    expect(await ask(webhook, '/validate', variant)).toEqual({ uid: expect.any(String), allowed: true });
    expect((await ask(strict, '/validate', variant)).allowed).toBe(true);
  });

  it('group: core on a parentRef: /mutate rewrites it to "", /validate denies it saying so; group "" passes both', async () => {
    const changed = httpRoute({ parentRefs: [{ ...meshParent('nope'), group: 'core' }] });
    const mutated = await ask(webhook, '/mutate', changed);
    expect(patchOf(mutated)).toEqual([{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
    expect(mutated.warnings).toEqual(['MR101 spec.parentRefs[0]: set group "" (core Service); the core group is written "", not core']);
    const validated = await ask(webhook, '/validate', changed);
    expect(validated.allowed).toBe(false);
    expect(validated.status?.message).toBe('MR101 spec.parentRefs[0]: the core group is written group: "", not core; use group ""');
    // Judged as the mesh parent it means: its missing Service is reported.
    expect(validated.warnings).toEqual([expect.stringMatching(/^MR102 spec\.parentRefs\[0\]: parent Service default\/nope not found/)]);
    const variant = httpRoute({ parentRefs: [meshParent('echo')] });
    expect(await ask(webhook, '/mutate', variant)).toEqual({ uid: expect.any(String), allowed: true });
    expect(await ask(webhook, '/validate', variant)).toEqual({ uid: expect.any(String), allowed: true });
  });

  it('group: core on a backendRef: /mutate rewrites it to "", /validate denies it, and there is no MR205; group "" passes', async () => {
    const changed = httpRoute({ rules: [{ backendRefs: [backend('echo', { group: 'core', kind: 'Service' })] }] });
    const mutated = await ask(webhook, '/mutate', changed);
    expect(patchOf(mutated)).toEqual([{ op: 'replace', path: '/spec/rules/0/backendRefs/0/group', value: '' }]);
    expect(mutated.warnings).toEqual(['MR101 spec.rules[0].backendRefs[0]: set group "" (core Service); the core group is written "", not core']);
    const validated = await ask(webhook, '/validate', changed);
    expect(validated).toMatchObject({ allowed: false, status: { message: 'MR101 spec.rules[0].backendRefs[0]: the core group is written group: "", not core; use group ""' } });
    expect(validated).not.toHaveProperty('warnings');
    const variant = httpRoute({ rules: [{ backendRefs: [backend('echo', { group: '', kind: 'Service' })] }] });
    expect(await ask(webhook, '/mutate', variant)).toEqual({ uid: expect.any(String), allowed: true });
    expect(await ask(webhook, '/validate', variant)).toEqual({ uid: expect.any(String), allowed: true });
  });

  it('MR311: a relative replaceFullPath is denied at /validate and left alone at /mutate; an absolute one passes', async () => {
    const withPath = (value: string) =>
      httpRoute({ rules: [{ filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: value } } }], backendRefs: [backend()] }] });
    const validated = await ask(webhook, '/validate', withPath('v2/reviews'));
    expect(validated).toMatchObject({
      allowed: false,
      status: { message: 'MR311 spec.rules[0].filters[0].urlRewrite.path.replaceFullPath: replaceFullPath "v2/reviews" is not an absolute path; start it with /' },
    });
    expect(await ask(webhook, '/mutate', withPath('v2/reviews'))).toEqual({ uid: expect.any(String), allowed: true });
    expect(await ask(webhook, '/validate', withPath('/v2/reviews'))).toEqual({ uid: expect.any(String), allowed: true });
  });

  it('an out-of-range backendRef port is reported as out of range; a port the Service lacks as before', async () => {
    const withPort = (port: number) => httpRoute({ rules: [{ backendRefs: [backend('echo', { port })] }] });
    const outOfRange = await ask(webhook, '/validate', withPort(800080));
    expect(outOfRange).toMatchObject({ allowed: true, warnings: ['MR203 spec.rules[0].backendRefs[0].port: port 800080 is out of range; a Service port is 1 to 65535'] });
    expect(await ask(webhook, '/mutate', withPort(800080))).toEqual({ uid: expect.any(String), allowed: true });
    const lacking = await ask(webhook, '/validate', withPort(9999));
    expect(lacking.warnings).toEqual([expect.stringMatching(/^MR203 spec\.rules\[0\]\.backendRefs\[0\]\.port: backend Service default\/echo has no port 9999; ports: /)]);
  });
});

describe('the routing table rules over HTTPS: a flagged route and a close variant', () => {
  const prefix = (value: string) => ({ path: { type: 'PathPrefix', value } });
  const older = { ...httpRoute({ rules: [{ matches: [prefix('/api')], backendRefs: [backend()] }] }, 'default', 'api') };
  older.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    webhook = await startWebhook(createJudge({ view: staticView([...services, older]), policy: () => compiled() }));
  });
  afterAll(() => webhook.close());
  const validate = async (object: unknown) => (await webhook.postJson('/validate', admissionReview({ object }))).json().response as { allowed: boolean; warnings?: string[] };

  it('MR312: a split written as two rules without matches warns; one rule with two weights does not', async () => {
    const twoRules = httpRoute({ parentRefs: [meshParent('single')], rules: [{ backendRefs: [backend('echo-v1', { weight: 9 })] }, { backendRefs: [backend('echo-v2', { weight: 1 })] }] });
    expect(await validate(twoRules)).toMatchObject({
      allowed: true,
      warnings: ['MR312 spec.rules[1]: rule 1 is shadowed by rule 0: no request reaches it; narrow or remove it'],
    });
    const oneRule = httpRoute({ parentRefs: [meshParent('single')], rules: [{ backendRefs: [backend('echo-v1', { weight: 9 }), backend('echo-v2', { weight: 1 })] }] });
    expect(await validate(oneRule)).toEqual({ uid: expect.any(String), allowed: true });
  });

  it('MR110: a newer route whose rule an older route on the same Service port takes warns; a narrower rule does not', async () => {
    const shadowed = httpRoute({ rules: [{ matches: [prefix('/api')], backendRefs: [backend('echo-v2')] }] }, 'default', 'api-canary');
    expect(await validate(shadowed)).toMatchObject({
      allowed: true,
      warnings: ['MR110 spec.rules[0]: shadowed on Service default/echo:80 by HTTPRoute default/api rule 0: no request reaches it'],
    });
    const narrower = httpRoute({ rules: [{ matches: [{ ...prefix('/api'), headers: [{ name: 'x-canary', value: '1' }] }], backendRefs: [backend('echo-v2')] }] }, 'default', 'api-canary');
    expect(await validate(narrower)).toEqual({ uid: expect.any(String), allowed: true });
  });
});

const mesh = sharedPath('gateway-api', 'v1.6.1', 'conformance-mesh');

describe.skipIf(mesh.missing !== undefined)('conformance routes over HTTPS', () => {
  it('admits every mesh conformance route at /validate and /mutate without a denial', async () => {
    const documents = (file: string) => parseAllDocuments(readFileSync(path.join(mesh.path, file), 'utf8')).map((d) => d.toJS());
    const view = staticView(documents('manifests.yaml'));
    const webhook = await startWebhook(createJudge({ view, policy: () => compiled() }));
    try {
      const routes = readdirSync(mesh.path)
        .filter((file) => file.endsWith('.yaml') && file !== 'manifests.yaml')
        .flatMap(documents)
        .filter((d) => d?.kind === 'HTTPRoute' || d?.kind === 'GRPCRoute');
      expect(routes.length).toBeGreaterThanOrEqual(21);
      for (const route of routes) {
        const review = admissionReview({ object: route, kind: route.kind, namespace: route.metadata.namespace });
        for (const door of ['/validate', '/mutate']) {
          const { response } = (await webhook.postJson(door, review)).json();
          expect(response.allowed, `${route.metadata.name} at ${door}: ${response.status?.message}`).toBe(true);
        }
      }
    } finally {
      await webhook.close();
    }
  });
});
