/**
 * Every rule of the catalog through a real API server: each example of docs/rules.md (the route
 * that breaks the rule, under the example's policy, with the examples' cluster) and a close
 * variant that does not break it, written through client-node as `kubectl apply` would. A denial
 * must reach the client with the lines lint shows for the example; a warning must arrive as a
 * `Warning` header; some examples never reach the webhook because the CRD's own validation
 * refuses them first, and the client then sees the API server's 422.
 *
 * The experimental CRDs: MR309 is about fields (retry) that only the experimental channel serves.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/rules/index.ts';
import { envtest, type Envtest } from '../support/envtest.ts';
import { readRulesDoc } from '../support/rules-doc.ts';
import { eventually } from '../support/serve-process.ts';
import type { Outcome } from './support/client.ts';
import { startE2eWebhook, type E2eWebhook } from './support/webhook.ts';

const handle = envtest({ channel: 'experimental' });
const doc = readRulesDoc();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests from the document: each edit reaches into the fields it changes
type Manifest = KubernetesObject & { metadata: { name: string; namespace?: string }; spec: any };

/**
 * A close variant of each rule's first example that the rule does not flag (same policy). A rule
 * added to the catalog without one fails the coverage test below.
 */
const cleanVariants: Record<string, (objects: Manifest[], at: { namespace: string; payments: string }) => void> = {
  MR101: ([route]) => { route!.spec.parentRefs[0].group = ''; },
  MR102: ([route]) => { route!.spec.parentRefs[0].name = 'web'; },
  MR103: ([route]) => { route!.spec.parentRefs[0].name = 'web'; },
  MR104: ([route]) => { route!.spec.parentRefs[0].name = 'web'; },
  MR105: ([route]) => { route!.spec.parentRefs[0].port = 80; },
  MR106: ([route]) => { route!.spec.parentRefs[0].sectionName = 'http'; },
  MR107: ([route]) => { delete route!.spec.parentRefs[0].namespace; route!.spec.parentRefs[0].name = 'web'; },
  MR108: ([route]) => { delete route!.spec.hostnames; },
  MR109: ([, web]) => {
    web!.spec.parentRefs[0] = { group: '', kind: 'Service', name: 'web', port: 80 };
    web!.spec.rules[0].backendRefs = [{ name: 'web', port: 80 }];
  },
  // The newer route asks for a header too, so its match ranks ahead of the older route's.
  MR110: ([, canary]) => { canary!.spec.rules[0].matches[0].headers = [{ name: 'x-canary', value: 'true' }]; },
  MR201: ([route]) => { route!.spec.rules[0].backendRefs[0].name = 'web'; },
  MR202: ([route]) => { route!.spec.rules[0].backendRefs[0] = { name: 'web', port: 80 }; },
  MR203: ([route]) => { route!.spec.rules[0].backendRefs[0].port = 80; },
  MR204: ([route]) => { route!.spec.rules[0].backendRefs[0].port = 8080; },
  MR205: ([route]) => { route!.spec.rules[0].backendRefs[0] = { name: 'web', port: 80 }; },
  // The cross-namespace backend made legal by a ReferenceGrant in its namespace.
  MR206: (objects, at) => {
    objects.unshift({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'routes-to-billing', namespace: at.payments },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: at.namespace }], to: [{ group: '', kind: 'Service' }] },
    });
  },
  MR207: ([route]) => { route!.spec.rules[0].backendRefs = [{ name: 'web', port: 80 }]; },
  MR301: ([route]) => { route!.spec.rules[0].matches[0].headers[1].name = 'x-zone'; },
  MR302: ([route]) => { route!.spec.rules[0].filters[0].requestHeaderModifier.add[0].name = 'x-canary'; },
  MR303: ([route]) => { route!.spec.rules[0].filters[0].requestHeaderModifier.remove[0] = 'X-Debug'; },
  MR304: ([route]) => { route!.spec.rules[0].matches = [{ path: { type: 'PathPrefix', value: '/v1' } }]; },
  MR305: ([route]) => { route!.spec.rules[1].name = 'fallback'; },
  MR306: ([route]) => { route!.spec.rules[0].matches[0].method.service = 'grpc\\.health\\..*'; },
  MR307: ([route]) => { route!.spec.rules[0].matches[0].path.value = '/admin.*'; },
  MR308: ([route]) => { route!.spec.rules[0].timeouts.request = '10s'; },
  MR309: ([route]) => { delete route!.spec.rules[0].retry; route!.spec.rules[0].timeouts = { request: '10s' }; },
  MR310: ([route]) => { route!.spec.rules[0].matches[0].headers[0].value = 'zurich'; },
  MR311: ([route]) => { route!.spec.rules[0].filters[0].urlRewrite.path.replaceFullPath = '/v2/reviews'; },
  // The weighted split written as one rule: both backends get their share.
  MR312: ([route]) => { route!.spec.rules = [{ name: 'split', backendRefs: [...route!.spec.rules[0].backendRefs, ...route!.spec.rules[1].backendRefs] }]; },
};

/**
 * Examples the Gateway API CRD refuses before any webhook sees the object (its schema or CEL
 * rules): the client gets 422 Invalid naming the field, and the webhook's line never shows.
 * Keyed `id#example`; the value is what the API server's message says.
 */
const refusedBySchema: Record<string, RegExp> = {
  'MR203#2': /spec\.rules\[0\]\.backendRefs\[0\]\.port: Invalid value: 800080: spec\.rules\[0\]\.backendRefs\[0\]\.port in body should be less than or equal to 65535/,
  'MR204#2': /spec\.rules\[0\]\.backendRefs\[0\]: Invalid value: "object": Must have port for Service reference/,
  'MR304#1': /spec\.rules\[0\]: Invalid value: "object": When using URLRewrite filter with path\.replacePrefixMatch, exactly one PathPrefix match must be specified/,
  'MR308#1': /spec\.rules\[0\]\.timeouts\.request: Invalid value: "10 seconds": spec\.rules\[0\]\.timeouts\.request in body should match/,
  'MR310#1': /spec\.rules\[0\]\.matches\[0\]\.headers\[0\]\.value: Invalid value: "zürich": spec\.rules\[0\]\.matches\[0\]\.headers\[0\]\.value in body should match/,
};

/** Examples that need a kind this API server does not serve: ../shared has no ServiceImport CRD (multicluster.x-k8s.io). */
const unservedKinds = new Set(['ServiceImport']);

/** The case key of example `index` (0-based) of rule `id`. */
const key = (id: string, index: number) => `${id}#${index + 1}`;

/** Kubernetes shows a warning of at most 120 characters; the webhook cuts longer ones to 117 and "...". */
const asWarning = (line: string) => (line.length <= 120 ? line : `${line.slice(0, 117)}...`);

/**
 * Where an example's lines must show: `mutate` when the rule's mutating default is switched on
 * under the example's policy (the index's "mutating default" column names the switch and its
 * default), else the rule's default action.
 */
function expectedChannel(id: string, policyText: string | undefined): 'mutate' | 'deny' | 'warn' {
  const rule = ruleCatalog.find((r) => r.id === id)!;
  const row = doc.index.find((r) => r.id === id)!;
  const mutation = /`mutations\.(\w+)` \(default `([^`]*)`\)/.exec(row.mutation);
  if (mutation) {
    const policy = (policyText === undefined ? {} : parse(policyText)) as { mutations?: Record<string, unknown> };
    const value: unknown = policy.mutations?.[mutation[1]!] ?? parse(mutation[2]!);
    const on = value === true || (typeof value === 'object' && value !== null && Object.keys(value).length > 0);
    if (on) return 'mutate';
  }
  return rule.defaultAction;
}

describe.skipIf(handle.missing)('every rule of the catalog through a real API server', () => {
  let cluster: Envtest;
  let webhook: E2eWebhook;

  beforeAll(async () => {
    cluster = await handle.start();
    webhook = await startE2eWebhook(cluster);
  });
  afterAll(async () => {
    await webhook?.close();
  });

  /**
   * Two fresh namespaces in the webhook's scope stand for the examples' `default` and `payments`;
   * the examples' cluster is created in them, and the manifests and expected lines are rewritten
   * to their names.
   */
  async function stage() {
    const [namespace, payments] = await Promise.all([webhook.namespace('e2e-rule-'), webhook.namespace('e2e-payments-')]);
    const rename = (text: string) => text.replace(/\bnamespace: payments\b/g, `namespace: ${payments}`);
    const objects = (text: string) => parseAllDocuments(rename(text)).map((d) => {
      const object = d.toJS() as Manifest;
      object.metadata.namespace ??= namespace;
      return object;
    });
    await Promise.all(objects(doc.cluster).map((object) => webhook.client.objects.create(object)));
    return {
      at: { namespace, payments },
      objects,
      lines: (lines: readonly string[]) => lines.map((line) => line.replace(/\bdefault\//g, `${namespace}/`).replace(/\bpayments\b/g, payments)),
    };
  }

  /**
   * Creates the objects in order. The ones before the last are what the last is judged against;
   * the webhook's caches follow the API server within moments, so the last is first sent as a dry
   * run until `settled` says the webhook sees them.
   */
  async function createAll(objects: Manifest[], settled: (outcome: Outcome<Manifest>) => boolean): Promise<Outcome<Manifest>[]> {
    const outcomes: Outcome<Manifest>[] = [];
    for (const object of objects.slice(0, -1)) outcomes.push(await webhook.client.create(object));
    const last = objects.at(-1)!;
    if (objects.length > 1) await eventually('the webhook to see the objects before the last', async () => settled(await webhook.client.create(last, { dryRun: true })));
    outcomes.push(await webhook.client.create(last));
    return outcomes;
  }

  const gamma = (outcomes: Outcome<Manifest>[]) => outcomes.flatMap((o) => o.warnings).filter((w) => /^MR\d{3} /.test(w));

  describe.each(doc.sections.map((section) => [section.id, section] as const))('%s', (id, section) => {
    it.for(section.examples.map((example, index) => [key(id, index), example] as const))(
      '%s: the example reaches the client as lint reports it',
      async ([caseKey, example], { skip }) => {
        const unserved = parseAllDocuments(example.manifests).map((d) => (d.toJS() as Manifest).kind).find((kind) => kind !== undefined && unservedKinds.has(kind));
        if (unserved) skip(`${unserved} is not served by this API server`);
        await webhook.setPolicy(example.policy ?? '');
        const staged = await stage();
        const lines = staged.lines(example.findings);
        const objects = staged.objects(example.manifests);
        const refused = refusedBySchema[caseKey];
        if (refused) {
          const outcome = await webhook.client.create(objects.at(-1)!);
          expect(outcome).toMatchObject({ ok: false, code: 422, reason: 'Invalid' });
          expect(outcome.ok ? '' : outcome.message).toMatch(refused);
          expect(outcome.ok ? '' : outcome.message).not.toContain(id);
          return;
        }
        const channel = expectedChannel(id, example.policy);
        if (channel === 'deny') {
          const outcomes = await createAll(objects, (o) => !o.ok);
          const last = outcomes.at(-1)!;
          expect(last).toMatchObject({ ok: false, code: 403 });
          expect(last.ok ? '' : last.message).toBe(`admission webhook "validate.routes.gamma-webhook.io" denied the request: ${lines.join('; ')}`);
          await expect(webhook.client.read(objects.at(-1)!)).rejects.toMatchObject({ code: 404 });
        } else {
          const outcomes = await createAll(objects, (o) => gamma([o]).length > 0);
          expect(outcomes.every((o) => o.ok), JSON.stringify(outcomes)).toBe(true);
          expect(gamma(outcomes)).toEqual(lines.map(asWarning));
          if (channel === 'mutate') {
            // The repair is stored: the stored spec, written again as a new route, has nothing left for the rule.
            const stored = await webhook.client.read(objects.at(-1)!);
            const again = await webhook.client.create({ ...stored, metadata: { name: `${stored.metadata.name}-again`, namespace: stored.metadata.namespace } }, { dryRun: true });
            expect(again.ok).toBe(true);
            expect(gamma([again]).filter((w) => w.startsWith(`${id} `))).toEqual([]);
          }
        }
      },
    );

    it('a close variant of the first example is admitted without a finding of the rule', async () => {
      const example = section.examples[0]!;
      const variant = cleanVariants[id];
      expect(variant, `${id} has no clean variant in test/e2e/rules.test.ts`).toBeDefined();
      await webhook.setPolicy(example.policy ?? '');
      const staged = await stage();
      const objects = staged.objects(example.manifests);
      variant!(objects, staged.at);
      const outcomes = await createAll(objects, (o) => o.ok && !gamma([o]).some((w) => w.startsWith(`${id} `)));
      expect(outcomes.map((o) => o.ok)).toEqual(objects.map(() => true));
      expect(gamma(outcomes).filter((w) => w.startsWith(`${id} `))).toEqual([]);
    });
  });

  it('covers every rule of the catalog, and every listed exception is an example of it', () => {
    expect(doc.sections.map((s) => s.id)).toEqual(ruleCatalog.map((r) => r.id));
    const served = (example: { manifests: string }) => parseAllDocuments(example.manifests).every((d) => !unservedKinds.has((d.toJS() as Manifest).kind ?? ''));
    expect(doc.sections.filter((s) => !s.examples.some(served)).map((s) => s.id), 'rules with no example this API server can run').toEqual([]);
    expect(Object.keys(cleanVariants).sort()).toEqual(ruleCatalog.map((r) => r.id).sort());
    const keys = doc.sections.flatMap((s) => s.examples.map((_, i) => key(s.id, i)));
    for (const refused of Object.keys(refusedBySchema)) expect(keys).toContain(refused);
  });
});
