import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiled } from '../builders.ts';
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
