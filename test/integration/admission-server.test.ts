import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, EvaluationRequest } from '../../src/core/types.ts';
import type { AdmissionDoor } from '../../src/admission/judge.ts';
import { applyJsonPatch } from '../support/json-patch.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview, meshRoute } from '../support/reviews.ts';

/**
 * A test rule standing in for the core, so the plumbing is tested on its own: annotations
 * ask for a denial, N warnings, or a patch that adds a label.
 */
async function testJudge(request: EvaluationRequest, door: AdmissionDoor): Promise<Decision> {
  const annotations = ((request.object as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations ?? {});
  const deny = door === 'validate' && annotations['test/deny'] !== undefined;
  const warnings = Array.from({ length: Number(annotations['test/warnings'] ?? 0) }, (_, i) => `TEST1 spec.rules[${i}]: ${'w'.repeat(i * 10)}`);
  const patch = door === 'mutate' && annotations['test/patch'] !== undefined
    ? [{ op: 'add' as const, path: '/metadata/labels', value: { patched: 'yes' } }]
    : [];
  if (annotations['test/throw'] !== undefined) throw new Error('boom');
  return {
    allowed: !deny,
    denials: deny ? [`TEST1 metadata.annotations: ${annotations['test/deny']}`] : [],
    warnings,
    patch,
    ruleIds: deny || warnings.length > 0 || patch.length > 0 ? ['TEST1'] : [],
    findings: [],
  };
}

describe('admission server over HTTPS', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    webhook = await startWebhook(testJudge, { maxWarnings: 4 });
  });
  afterAll(() => webhook.close());

  it('allows a route and echoes the uid', async () => {
    const review = admissionReview({ object: meshRoute() });
    const response = await webhook.postJson('/validate', review);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: review.request.uid, allowed: true },
    });
  });

  it('denies with a status and audit annotations', async () => {
    const review = admissionReview({ object: meshRoute('bad', { annotations: { 'test/deny': 'no' } }) });
    const { response } = (await webhook.postJson('/validate', review)).json();
    expect(response).toEqual({
      uid: review.request.uid,
      allowed: false,
      status: { code: 403, reason: 'Forbidden', message: 'TEST1 metadata.annotations: no' },
      auditAnnotations: { rules: 'TEST1', decision: 'deny' },
    });
  });

  it('caps warnings at the configured count and 120 characters each', async () => {
    const review = admissionReview({ object: meshRoute('warn', { annotations: { 'test/warnings': '20' } }) });
    const { response } = (await webhook.postJson('/validate', review)).json();
    expect(response.allowed).toBe(true);
    expect(response.warnings).toHaveLength(4);
    expect(response.warnings[3]).toMatch(/^and 17 more findings/);
    for (const warning of response.warnings) expect(warning.length).toBeLessThanOrEqual(120);
    const long = admissionReview({ object: meshRoute('long', { annotations: { 'test/warnings': '14' } }) });
    const { response: second } = (await webhook.postJson('/validate', long)).json();
    expect(second.warnings[2]).toBe('TEST1 spec.rules[2]: ' + 'w'.repeat(20));
  });

  it('returns a base64 JSON Patch that applies to the object', async () => {
    const object = meshRoute('patch', { annotations: { 'test/patch': '' } });
    const review = admissionReview({ object });
    const { response } = (await webhook.postJson('/mutate', review)).json();
    expect(response.patchType).toBe('JSONPatch');
    const operations = JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8'));
    expect(applyJsonPatch(object, operations).metadata).toEqual({ ...object.metadata, labels: { patched: 'yes' } });
  });

  it('sends no patch fields when the patch is empty', async () => {
    const { response } = (await webhook.postJson('/mutate', admissionReview({ object: meshRoute() }))).json();
    expect(response).not.toHaveProperty('patch');
    expect(response).not.toHaveProperty('patchType');
  });

  it('answers v1beta1 in v1beta1', async () => {
    const review = admissionReview({ object: meshRoute(), apiVersion: 'admission.k8s.io/v1beta1' });
    const body = (await webhook.postJson('/validate', review)).json();
    expect(body.apiVersion).toBe('admission.k8s.io/v1beta1');
    expect(body.response.uid).toBe(review.request.uid);
  });

  it.each([
    ['another kind', { kind: 'Gateway' }],
    ['another group', { group: 'example.com' }],
    ['an unknown version', { version: 'v9' }],
    ['DELETE', { operation: 'DELETE' as const }],
    ['CONNECT', { operation: 'CONNECT' as const }],
    ['the status subresource', { subResource: 'status' }],
  ])('passes %s through untouched', async (_, options) => {
    const object = meshRoute('x', { annotations: { 'test/deny': 'would deny', 'test/patch': '' } });
    for (const door of ['validate', 'mutate']) {
      const review = admissionReview({ object, ...options });
      const { response } = (await webhook.postJson(`/${door}`, review)).json();
      expect(response).toEqual({ uid: review.request.uid, allowed: true });
    }
  });

  it('answers dry-run requests like any other', async () => {
    const review = admissionReview({ object: meshRoute('d', { annotations: { 'test/deny': 'no' } }), dryRun: true });
    const { response } = (await webhook.postJson('/validate', review)).json();
    expect(response.allowed).toBe(false);
  });

  it('admits with a coded warning when judging throws', async () => {
    const review = admissionReview({ object: meshRoute('t', { annotations: { 'test/throw': '' } }) });
    const response = await webhook.postJson('/validate', review);
    expect(response.status).toBe(200);
    expect(response.json().response).toMatchObject({ allowed: true, warnings: [expect.stringMatching(/^GAMMA_ERR_INTERNAL/)] });
  });

  it.each([
    ['not JSON', '{"apiVersion":', 'application/json', 400, 'GAMMA_ERR_NOT_JSON', undefined],
    ['empty body', '', 'application/json', 400, 'GAMMA_ERR_NOT_JSON', undefined],
    ['text/plain', '{}', 'text/plain', 415, 'GAMMA_ERR_UNSUPPORTED_MEDIA_TYPE', undefined],
    ['missing request', '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}', 'application/json', 400, 'GAMMA_ERR_INVALID_REVIEW', 'request'],
    ['missing uid', JSON.stringify({ ...admissionReview({}), request: { kind: { group: '', version: 'v1', kind: 'Pod' }, operation: 'CREATE' } }), 'application/json', 400, 'GAMMA_ERR_INVALID_REVIEW', 'request.uid'],
    ['missing kind', JSON.stringify({ ...admissionReview({}), request: { uid: 'u', operation: 'CREATE' } }), 'application/json', 400, 'GAMMA_ERR_INVALID_REVIEW', 'request.kind'],
    ['missing operation', JSON.stringify({ ...admissionReview({}), request: { uid: 'u', kind: { group: '', version: 'v1', kind: 'Pod' } } }), 'application/json', 400, 'GAMMA_ERR_INVALID_REVIEW', 'request.operation'],
    ['wrong apiVersion', JSON.stringify({ ...admissionReview({}), apiVersion: 'v1' }), 'application/json', 400, 'GAMMA_ERR_INVALID_REVIEW', 'apiVersion'],
  ])('rejects %s with a coded 4xx naming the field', async (_, body, type, status, code, field) => {
    const response = await webhook.post('/validate', body, { 'content-type': type });
    expect(response.status).toBe(status);
    const error = response.json();
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    if (field) expect(error.message).toContain(field);
  });

  it('rejects a body over the limit with 413', async () => {
    const small = await startWebhook(testJudge, { bodyLimit: 2048 });
    try {
      const review = admissionReview({ object: meshRoute('big', { annotations: { big: 'x'.repeat(4096) } }) });
      const response = await small.postJson('/validate', review);
      expect(response.status).toBe(413);
      expect(response.json().code).toBe('GAMMA_ERR_BODY_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('answers 404 with a code for unknown paths and methods', async () => {
    const response = await webhook.get('/validate');
    expect(response.status).toBe(404);
    expect(response.json().code).toBe('GAMMA_ERR_NOT_FOUND');
  });

  it('serves health and metrics', async () => {
    expect((await webhook.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await webhook.get('/readyz')).status).toBe(200);
    const metrics = await webhook.get('/metrics');
    expect(metrics.text).toMatch(/gamma_admission_requests_total\{door="validate",kind="HTTPRoute",operation="CREATE",decision="deny"\} [1-9]/);
    expect(metrics.text).toMatch(/gamma_admission_rejected_requests_total\{code="GAMMA_ERR_INVALID_REVIEW"\} [1-9]/);
  });
});

describe('readiness', () => {
  it('is 503 naming the failing checks until they pass', async () => {
    let synced = false;
    const webhook = await startWebhook(testJudge, { readiness: [{ name: 'cluster-cache', ready: () => synced }] });
    try {
      const before = await webhook.get('/readyz');
      expect(before.status).toBe(503);
      expect(before.json()).toEqual({ status: 'not ready', failing: ['cluster-cache'] });
      synced = true;
      expect((await webhook.get('/readyz')).status).toBe(200);
    } finally {
      await webhook.close();
    }
  });
});

describe('denial messages', () => {
  it('keep status.message within 4 KiB and count the denials left out', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `TEST2 spec.rules[${i}].name: rule name is used twice; rule names must be unique`);
    const webhook = await startWebhook(async () => ({ allowed: false, denials: many, warnings: [], patch: [], ruleIds: ['TEST2'], findings: [] }));
    try {
      const { response } = (await webhook.postJson('/validate', admissionReview({ object: meshRoute() }))).json();
      expect(response.status.message.length).toBeLessThanOrEqual(4096);
      const shown = response.status.message.split('; ').filter((part: string) => part.startsWith('TEST2')).length;
      expect(shown).toBeGreaterThan(10);
      expect(response.status.message).toMatch(new RegExp(`; and ${500 - shown} more denials; run gamma-webhook lint`));
    } finally {
      await webhook.close();
    }
  });
});
