import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview, meshRoute } from '../support/reviews.ts';

const valid = admissionReview({ object: meshRoute() });
const json = (value: unknown) => JSON.stringify(value);
const withRequest = (request: Record<string, unknown>) => json({ ...valid, request: { ...valid.request, ...request } });
const without = (key: string) => {
  const request: Record<string, unknown> = { ...valid.request };
  delete request[key];
  return json({ ...valid, request });
};
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Bodies that are not acceptable AdmissionReviews, each with the reason it is bad. */
const badBodies: [string, string][] = [
  ['truncated after brace', '{'],
  ['truncated mid key', '{"apiVers'],
  ['truncated mid review', json(valid).slice(0, 100)],
  ['truncated one char short', json(valid).slice(0, -1)],
  ['trailing garbage', json(valid) + 'x'],
  ['single quotes', "{'apiVersion':'admission.k8s.io/v1'}"],
  ['bare word', 'AdmissionReview'],
  ['null', 'null'],
  ['number', '42'],
  ['string', '"AdmissionReview"'],
  ['array', '[]'],
  ['array of review', json([valid])],
  ['true', 'true'],
  ['empty object', '{}'],
  ['NaN literal', '{"a":NaN}'],
  ['comment', '/* hi */ {}'],
  ['BOM and garbage', '\uFEFF{x}'],
  ['__proto__ key', '{"__proto__":{"polluted":true},"apiVersion":"admission.k8s.io/v1"}'],
  ['constructor prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
  ['apiVersion number', json({ ...valid, apiVersion: 1 })],
  ['apiVersion unknown', json({ ...valid, apiVersion: 'admission.k8s.io/v2' })],
  ['kind wrong', json({ ...valid, kind: 'Pod' })],
  ['kind missing', json({ apiVersion: valid.apiVersion, request: valid.request })],
  ['request null', json({ ...valid, request: null })],
  ['request string', json({ ...valid, request: 'x' })],
  ['request array', json({ ...valid, request: [valid.request] })],
  ['uid missing', without('uid')],
  ['uid number', withRequest({ uid: 12345 })],
  ['uid empty', withRequest({ uid: '' })],
  ['uid object', withRequest({ uid: { a: 1 } })],
  ['uid huge', withRequest({ uid: 'u'.repeat(100_000) })],
  ['kind missing in request', without('kind')],
  ['request.kind string', withRequest({ kind: 'HTTPRoute' })],
  ['request.kind null', withRequest({ kind: null })],
  ['request.kind without version', withRequest({ kind: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' } })],
  ['request.kind.kind number', withRequest({ kind: { group: '', version: 'v1', kind: 7 } })],
  ['request.kind.group huge', withRequest({ kind: { group: 'g'.repeat(10_000), version: 'v1', kind: 'HTTPRoute' } })],
  ['operation missing', without('operation')],
  ['operation lowercase', withRequest({ operation: 'create' })],
  ['operation unknown', withRequest({ operation: 'PATCH' })],
  ['operation number', withRequest({ operation: 1 })],
  ['namespace number', withRequest({ namespace: 5 })],
  ['namespace huge', withRequest({ namespace: 'n'.repeat(1000) })],
  ['name array', withRequest({ name: ['a'] })],
  ['object string', withRequest({ object: 'route' })],
  ['object number', withRequest({ object: 3 })],
  ['object array', withRequest({ object: [meshRoute()] })],
  ['oldObject string', withRequest({ oldObject: 'old' })],
  ['dryRun string', withRequest({ dryRun: 'true' })],
  ['resource wrong shape', withRequest({ resource: 'httproutes' })],
  ['userInfo string', withRequest({ userInfo: 'admin' })],
  ['subResource number', withRequest({ subResource: 1 })],
  ['deeply nested array', nested(50_000)],
  ['deeply nested object', nestedObject(20_000)],
  ['huge string value', json({ apiVersion: 'x'.repeat(2_000_000) })],
  ['binary garbage', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)).toString('latin1')],
  ['utf8 invalid sequence', '{"apiVersion":"\xC3\x28"}'],
];

describe('malformed input', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    webhook = await startWebhook(async () => ({ allowed: true, denials: [], warnings: [], patch: [], ruleIds: [], findings: [] }));
  });
  afterAll(() => webhook.close());

  it('has at least 50 distinct bad bodies', () => {
    expect(new Set(badBodies.map(([, body]) => body)).size).toBeGreaterThanOrEqual(50);
  });

  it.each(badBodies)('%s: a coded 4xx, and the server stays up', async (_, body) => {
    for (const door of ['/validate', '/mutate']) {
      const response = await webhook.post(door, body);
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      expect(response.json().code).toMatch(/^GAMMA_ERR_/);
      expect(typeof response.json().message).toBe('string');
    }
    expect((await webhook.get('/healthz')).status).toBe(200);
  });

  it('still answers a valid review after all of them', async () => {
    const { response } = (await webhook.postJson('/validate', valid)).json();
    expect(response).toEqual({ uid: valid.request.uid, allowed: true });
  });

  it.each([
    ['a missing content type', {}],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['yaml', { 'content-type': 'application/yaml' }],
    ['octet-stream', { 'content-type': 'application/octet-stream' }],
  ])('refuses %s with 415', async (_, headers) => {
    const response = await webhook.post('/validate', json(valid), headers);
    expect(response.status).toBe(415);
    expect(response.json().code).toBe('GAMMA_ERR_UNSUPPORTED_MEDIA_TYPE');
  });
});
