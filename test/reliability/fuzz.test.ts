/**
 * Fuzzing /validate and /mutate over real HTTPS with the real judge: generated AdmissionReviews
 * and routes, valid and broken at every level (the envelope's fields, the object's shape, huge
 * and unicode strings, deep nesting, wrong types inside spec, raw bodies that are not JSON).
 * Every answer must be a well-formed AdmissionReview or a coded 4xx (support.ts `answerProblem`),
 * never a 5xx, never a judge exception; the heap after the run stays within a generous bound.
 *
 * Seeds are fixed and printed. A failure message carries fast-check's seed and path; to replay
 * one case, pass `{ seed, path, endOnFailure: true }` from the message as the run parameters.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import type { Policy } from '../../src/core/policy.ts';
import { policy as buildPolicy, view, compiled } from '../builders.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview } from '../support/reviews.ts';
import { answerProblem, mb, memoryAfterGc } from './support.ts';

const SEED = 9_2026_07;
const policies: readonly Policy[] = [
  buildPolicy(),
  buildPolicy({
    strict: true,
    consumerRoutes: 'deny',
    crossNamespaceBackends: 'requireReferenceGrant',
    features: ['HTTPRouteRetry'],
    mutations: { defaultTimeouts: { request: '10s', backendRequest: '3s' } },
  }),
  buildPolicy({ mode: 'warn' }),
];

// ---- values: ordinary, unicode, huge, deep, of the wrong type ----

const unicode = fc.string({ unit: 'grapheme', maxLength: 40 });
const binaryish = fc.string({ unit: 'binary', maxLength: 40 });
const huge = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), fc.integer({ min: 1_000, max: 60_000 }))
  .map(([unit, times]) => unit.repeat(Math.ceil(times / unit.length)));
/** Nested arrays or objects, up to 500 levels (deeper: see the last test; fast-check's own printing recurses). */
const deep = fc.tuple(fc.integer({ min: 10, max: 500 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value, name: 'x', type: 'RegularExpression' };
  return value;
});
const wrong = fc.oneof(
  { weight: 12, arbitrary: fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), unicode, fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(unicode, fc.jsonValue(), { maxKeys: 3 })) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: deep },
);
/** A field's value: usually of the expected kind, sometimes of any other. */
const or = <T>(expected: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 5, arbitrary: expected }, { weight: 1, arbitrary: wrong });

const name = or(fc.constantFrom('echo', 'echo-v1', 'single', 'ext', 'headless', 'missing', '', 'Echo', 'a'.repeat(300)));
const headerName = or(fc.oneof(fc.constantFrom('x-a', 'X-A', 'x b', 'te', ':authority'), unicode));
const regex = fc.oneof(fc.constantFrom('/', '(a+)+$', '(?=x)', '[a-z]+', '\\', '(?i)ABC', 'x{1000}{1000}', '(((((a)))))'), unicode, binaryish);
const matchType = or(fc.constantFrom('Exact', 'PathPrefix', 'RegularExpression', 'Future'));
const header = fc.record({ name: headerName, value: or(fc.oneof(regex, unicode)), type: matchType }, { requiredKeys: [] });
const port = or(fc.constantFrom(80, 8080, 0, -1, 65536, 1.5, '80'));
const backendRef = fc.record(
  {
    name, port, weight: or(fc.constantFrom(0, 1, 1_000_000)), group: or(fc.constantFrom('', 'example.com')),
    kind: or(fc.constantFrom('Service', 'ServiceImport', 'Thing')), namespace: or(fc.constantFrom('default', 'other')),
  },
  { requiredKeys: [] },
);
const modifier = fc.record({ set: or(fc.array(header, { maxLength: 3 })), add: or(fc.array(header, { maxLength: 3 })), remove: or(fc.array(headerName, { maxLength: 3 })) }, { requiredKeys: [] });
const filter = fc.oneof(
  fc.record({ type: or(fc.constant('RequestHeaderModifier')), requestHeaderModifier: or(modifier) }),
  fc.record({ type: or(fc.constant('ResponseHeaderModifier')), responseHeaderModifier: or(modifier) }),
  fc.record({ type: or(fc.constant('RequestMirror')), requestMirror: or(fc.record({ backendRef: or(backendRef) })) }),
  fc.record({ type: or(fc.constant('URLRewrite')), urlRewrite: or(fc.record({ path: or(fc.record({ type: matchType, replacePrefixMatch: or(unicode) })) })) }),
  fc.record({ type: or(fc.constant('RequestRedirect')), requestRedirect: or(fc.record({ path: or(fc.record({ type: matchType })) })) }),
  wrong,
);
const match = fc.record(
  {
    path: or(fc.record({ type: matchType, value: or(regex) }, { requiredKeys: [] })),
    headers: or(fc.array(or(header), { maxLength: 4 })),
    queryParams: or(fc.array(or(header), { maxLength: 3 })),
    method: or(fc.oneof(fc.constantFrom('GET', 'POST'), fc.record({ type: matchType, service: or(regex), method: or(regex) }, { requiredKeys: [] }))),
  },
  { requiredKeys: [] },
);
const duration = or(fc.constantFrom('1s', '0s', '10ms', '99999h', '1h2m3s4ms', 'x', ''));
const rule = fc.record(
  {
    name: or(fc.constantFrom('a', 'b')),
    matches: or(fc.array(or(match), { maxLength: 3 })),
    filters: or(fc.array(filter, { maxLength: 3 })),
    backendRefs: or(fc.array(or(fc.oneof(backendRef, fc.record({ name, port, filters: or(fc.array(filter, { maxLength: 2 })) }))), { maxLength: 3 })),
    timeouts: or(fc.record({ request: duration, backendRequest: duration }, { requiredKeys: [] })),
    retry: fc.jsonValue(),
    sessionPersistence: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const parentRef = fc.record(
  {
    group: or(fc.constantFrom('', 'gateway.networking.k8s.io', 'x')), kind: or(fc.constantFrom('Service', 'Gateway')), name,
    namespace: or(fc.constantFrom('default', 'other')), port, sectionName: or(fc.constantFrom('http', 'nope')),
  },
  { requiredKeys: [] },
);
const spec = fc.record(
  { parentRefs: or(fc.array(or(parentRef), { minLength: 1, maxLength: 3 })), hostnames: or(fc.array(or(unicode), { maxLength: 2 })), rules: or(fc.array(or(rule), { maxLength: 4 })) },
  { requiredKeys: [] },
);
const routeObject = fc.record(
  {
    apiVersion: or(fc.constantFrom('gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1')),
    kind: or(fc.constantFrom('HTTPRoute', 'GRPCRoute')),
    metadata: or(fc.record({ name: or(unicode), namespace: or(fc.constantFrom('default', 'other')), annotations: or(fc.dictionary(unicode, or(unicode), { maxKeys: 2 })) }, { requiredKeys: [] })),
    spec: or(spec),
  },
  { requiredKeys: [] },
);

/** A review as the API server would send it, about a generated route. */
const review = fc
  .record({
    object: fc.oneof({ weight: 8, arbitrary: routeObject }, { weight: 1, arbitrary: fc.constant(null) }),
    oldObject: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: routeObject }),
    operation: fc.constantFrom('CREATE', 'UPDATE', 'DELETE', 'CONNECT'),
    kind: fc.constantFrom('HTTPRoute', 'GRPCRoute', 'Service'),
    version: fc.constantFrom('v1', 'v1beta1', 'v2'),
    apiVersion: fc.constantFrom('admission.k8s.io/v1', 'admission.k8s.io/v1beta1'),
    namespace: fc.constantFrom('default', 'other', 'kube-system'),
    subResource: fc.constantFrom(undefined, undefined, undefined, 'status'),
    dryRun: fc.boolean(),
  })
  .map((r) => {
    const body = admissionReview(r);
    // The helper copies metadata.name into the envelope; there it must stay a valid name.
    return { ...body, request: { ...body.request, name: 'route' } };
  });

/** Envelope damage: a field of the review replaced by anything, or removed. */
const envelopePaths = [
  [], ['apiVersion'], ['kind'], ['request'], ['request', 'uid'], ['request', 'kind'], ['request', 'kind', 'group'],
  ['request', 'kind', 'version'], ['request', 'kind', 'kind'], ['request', 'resource'], ['request', 'operation'],
  ['request', 'namespace'], ['request', 'name'], ['request', 'object'], ['request', 'oldObject'], ['request', 'dryRun'],
  ['request', 'subResource'], ['request', 'userInfo'], ['request', 'options'], ['request', 'object', 'spec'],
  ['request', 'object', 'metadata'], ['request', '__proto__'], ['constructor'],
] as const;
const damage = fc.array(
  fc.record({ path: fc.constantFrom(...envelopePaths), value: fc.oneof(wrong, fc.constant(undefined), fc.anything()) }),
  { minLength: 1, maxLength: 3 },
);

function damaged(body: Record<string, unknown>, edits: readonly { path: readonly string[]; value: unknown }[]): unknown {
  let root: unknown = structuredClone(body);
  for (const { path, value } of edits) {
    if (path.length === 0) {
      root = value;
      continue;
    }
    let node = root;
    for (const key of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (node === null || typeof node !== 'object') continue;
    const last = path[path.length - 1] as string;
    if (value === undefined) delete (node as Record<string, unknown>)[last];
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** Raw bodies: not JSON, truncated JSON, JSON of any value, odd content types. */
const rawBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ text, type: 'application/json' })),
  fc.tuple(review, fc.nat()).map(([r, cut]) => {
    const text = JSON.stringify(r);
    return { text: text.slice(0, cut % text.length), type: 'application/json' };
  }),
  fc.jsonValue().map((v) => ({ text: JSON.stringify(v) ?? 'null', type: 'application/json' })),
  fc.tuple(review, fc.constantFrom('text/plain', 'application/yaml', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', ''))
    .map(([r, type]) => ({ text: JSON.stringify(r), type })),
);

function uidOf(body: unknown): string | undefined {
  const uid = (body as { request?: { uid?: unknown } } | null)?.request?.uid;
  return typeof uid === 'string' ? uid : undefined;
}

describe('fuzzing /validate and /mutate', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let current: Policy = policies[0] as Policy;
  let requests = 0;
  const statuses = new Map<number, number>();
  let before: { heapUsed: number; rss: number };

  const send = async (door: 'validate' | 'mutate', text: string, type = 'application/json') => {
    requests += 1;
    const answer = await webhook.post(`/${door}`, text, type === '' ? {} : { 'content-type': type });
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    return answer;
  };

  beforeAll(async () => {
    webhook = await startWebhook(createJudge({ view, policy: () => compiled(current) }));
    // Warm up (JIT, TLS session, pools) before the memory baseline.
    for (let i = 0; i < 30; i++) await send(i % 2 ? 'validate' : 'mutate', JSON.stringify(admissionReview({ object: { spec: {} } })));
    before = memoryAfterGc();
    console.log(`fuzz: seed ${SEED}; heap before ${mb(before.heapUsed)}, RSS ${mb(before.rss)}`);
  });

  afterAll(async () => {
    const after = memoryAfterGc();
    console.log(
      `fuzz: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap after ${mb(after.heapUsed)} ` +
        `(before ${mb(before.heapUsed)}), RSS after ${mb(after.rss)} (before ${mb(before.rss)})`,
    );
    await webhook.close();
    // Generous: the fuzzed bodies are gone; what stays is caches and pools, not per-request garbage.
    expect(after.heapUsed).toBeLessThan(before.heapUsed + 96 * 1024 * 1024);
  });

  it('answers generated route reviews with well-formed AdmissionReviews', async () => {
    await fc.assert(
      fc.asyncProperty(review, fc.constantFrom('validate', 'mutate'), fc.nat(policies.length - 1), async (body, door, p) => {
        current = policies[p] as Policy;
        const answer = await send(door, JSON.stringify(body));
        const problem = answerProblem(answer.status, answer.text, body.request.uid, door);
        expect(problem).toBeUndefined();
        // A structurally fine envelope is always judged, never refused.
        expect(answer.status).toBe(200);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('answers reviews with a damaged envelope with an AdmissionReview or a coded 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(review, damage, fc.constantFrom('validate', 'mutate'), async (base, edits, door) => {
        const body = damaged(base, edits);
        const answer = await send(door, JSON.stringify(body) ?? 'null');
        expect(answerProblem(answer.status, answer.text, uidOf(body), door)).toBeUndefined();
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it('answers raw bodies (not JSON, truncated, any JSON, other content types) with a coded 4xx or a review', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, fc.constantFrom('validate', 'mutate'), async ({ text, type }, door) => {
        const answer = await send(door, text, type);
        expect(answerProblem(answer.status, answer.text, undefined, door)).toBeUndefined();
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
  });

  it('survives the deepest nesting the body limit allows, in the object and in oldObject', async () => {
    const depth = 400_000;
    const deepMatches = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const base = admissionReview({ object: { spec: {} }, oldObject: { spec: {} }, operation: 'UPDATE' });
    // Same deep rules in both (a comparison must walk them all), different in a later field.
    const spec = (x: number) => `{"parentRefs":[{"group":"","kind":"Service","name":"echo"}],"rules":[{"matches":${deepMatches}}],"x":${x}}`;
    const text = JSON.stringify(base)
      .replace('"object":{"spec":{}}', `"object":{"spec":${spec(1)}}`)
      .replace('"oldObject":{"spec":{}}', `"oldObject":{"spec":${spec(2)}}`);
    expect(text.length).toBeLessThan(3 * 1024 * 1024);
    for (const door of ['validate', 'mutate'] as const) {
      const answer = await send(door, text);
      expect(answerProblem(answer.status, answer.text, base.request.uid, door)).toBeUndefined();
    }
  });
});
