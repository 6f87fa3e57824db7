/**
 * Admission end to end: a user's writes through client-node to a real kube-apiserver, which calls
 * `gamma-webhook serve` through the chart's webhook configurations.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CoreV1Api, PatchStrategy, setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envtest, type Envtest } from '../support/envtest.ts';
import { applyJsonPatch } from '../support/json-patch.ts';
import { admissionReview } from '../support/reviews.ts';
import { sharedPath } from '../support/shared.ts';
import { eventually } from '../support/serve-process.ts';
import { deadOrigin, policyConfigMapName, readManifests, registerWebhooks, startE2eWebhook, type E2eWebhook } from './support/webhook.ts';

const handle = envtest();
const mesh = sharedPath('gateway-api', 'v1.6.1', 'conformance-mesh');
const examples = new URL('../../examples/', import.meta.url);

type Route = KubernetesObject & { metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec: Record<string, unknown> };

function route(name: string, namespace: string, spec: Record<string, unknown>): Route {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name, namespace }, spec };
}

const echoParent = { group: '', kind: 'Service', name: 'echo', port: 80 };

/** A rule with header `x-tenant` matched twice (MR301, deny): valid for the CRD, refused by /validate. */
const twiceMatchedHeader = {
  matches: [{ headers: [{ name: 'x-tenant', value: 'a' }, { name: 'X-Tenant', value: 'b' }] }],
  backendRefs: [{ name: 'echo', port: 80 }],
};

describe.skipIf(handle.missing ?? mesh.missing)('admission through a real API server', () => {
  let cluster: Envtest;
  let webhook: E2eWebhook;
  let namespace: string;

  beforeAll(async () => {
    cluster = await handle.start();
    webhook = await startE2eWebhook(cluster);
    namespace = await webhook.namespace();
    await webhook.client.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace }, spec: { ports: [{ name: 'http', port: 80 }] } });
  });
  afterAll(async () => {
    await webhook?.close();
  });

  /** What /mutate answers for `object` (asked directly), applied to it: what the API server must store, CRD defaults aside. */
  async function mutated(object: Route): Promise<Route> {
    const review = await webhook.serve.post('/mutate', admissionReview({ object, kind: object.kind, namespace: object.metadata.namespace }));
    const patch = review.json().response.patch as string | undefined;
    return patch === undefined ? object : applyJsonPatch(object, JSON.parse(Buffer.from(patch, 'base64').toString('utf8')));
  }

  describe('the mission examples (examples/)', () => {
    beforeAll(async () => {
      for (const object of readManifests(new URL('cluster.yaml', examples).pathname)) {
        if (object.kind === 'Namespace') await webhook.namedNamespace(object.metadata!.name!);
        else if (object.kind !== 'HTTPRoute' && object.kind !== 'GRPCRoute') await webhook.client.objects.create(object);
      }
    });
    const load = (name: string) => (JSON.parse(readFileSync(new URL(`admission-${name}.json`, examples), 'utf8')) as { request: { object: Route } }).request.object;

    it('admission-allowed: admitted with no warning, stored as written (CRD defaults aside)', async () => {
      const object = load('allowed');
      const result = await webhook.client.create(object);
      expect(result).toMatchObject({ ok: true, warnings: [] });
      expect(await webhook.client.read(object)).toMatchObject({ spec: object.spec });
    });

    it('admission-mutated: admitted, /mutate repairs the parent group and fills the port, and says so in Warning headers', async () => {
      const object = load('mutated');
      const result = await webhook.client.create(object);
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        expect.stringMatching(/^MR101 spec\.parentRefs\[0\]: set group ""/),
        'MR204 spec.rules[0].backendRefs[0]: set port 80, the only port of Service shop/echo-v1',
      ]);
      const stored = await webhook.client.read(object);
      expect(stored).toMatchObject({ spec: (await mutated(object)).spec });
      expect((stored).spec).toMatchObject({
        parentRefs: [{ group: '', kind: 'Service', name: 'echo-service' }],
        rules: [{ backendRefs: [{ name: 'echo-v1', port: 80 }] }],
      });
    });

    it('admission-denied: refused with the rule ids and hints in the message', async () => {
      const object = load('denied');
      const result = await webhook.client.create(object);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(403);
      expect(result.message).toMatch(/^admission webhook "validate\.routes\.gamma-webhook\.io" denied the request: /);
      expect(result.message).toContain('MR307 spec.rules[0].matches[0].path.value: not valid RE2');
      await expect(webhook.client.read(object)).rejects.toMatchObject({ code: 404 });
    });
  });

  describe.skipIf(mesh.missing)('the Gateway API v1.6.1 mesh conformance manifests', () => {
    const files = mesh.missing ? [] : readdirSync(mesh.path).filter((f) => f.endsWith('.yaml') && f !== 'manifests.yaml').sort();
    const routesIn = (file: string) => readManifests(path.join(mesh.path, file)).filter((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute') as Route[];
    beforeAll(async () => {
      for (const object of readManifests(path.join(mesh.path, 'manifests.yaml'))) {
        if (object.kind === 'Namespace') await webhook.namedNamespace(object.metadata!.name!);
        else if (object.kind === 'Service') await webhook.client.objects.create(object);
      }
    });

    it('finds the 21 route manifests', () => {
      expect(files.flatMap(routesIn).length).toBeGreaterThanOrEqual(21);
    });

    // Files reuse route names, so each file's routes are deleted afterwards, as the conformance suite does.
    it.each(files)('%s: every route is admitted, with no warning, and stored with what /mutate adds', async (file) => {
      const routes = routesIn(file);
      expect(routes.length).toBeGreaterThan(0);
      for (const object of routes) {
        const result = await webhook.client.create(object);
        expect(result, `${file} ${object.metadata.name}`).toMatchObject({ ok: true, warnings: [] });
        expect(await webhook.client.read(object)).toMatchObject({ spec: (await mutated(object)).spec });
      }
      for (const object of routes) await webhook.client.objects.delete(object);
    });
  });

  describe('writes', () => {
    it('CREATE of a denied route as a dry run is refused; a clean one is answered and not stored', async () => {
      const denied = await webhook.client.create(route('dry-denied', namespace, { parentRefs: [echoParent], rules: [twiceMatchedHeader] }), { dryRun: true });
      expect(denied).toMatchObject({ ok: false, code: 403 });
      expect(denied.ok ? '' : denied.message).toContain('MR301 spec.rules[0].matches[0].headers[1].name: header X-Tenant is matched twice (names are case-insensitive); merge them');
      const clean = route('dry-clean', namespace, { parentRefs: [echoParent], rules: [{ backendRefs: [{ name: 'echo', port: 80 }] }] });
      expect(await webhook.client.create(clean, { dryRun: true })).toMatchObject({ ok: true, warnings: [] });
      await expect(webhook.client.read(clean)).rejects.toMatchObject({ code: 404 });
    });

    it('UPDATE ratchets: a denial already in the stored route is a warning, a new one is refused, a label-only change passes silently', async () => {
      // Stored before the namespace came into the webhook's scope, so it already breaks MR301.
      const outside = await cluster.namespace('e2e-ratchet-');
      await webhook.client.objects.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace: outside }, spec: { ports: [{ name: 'http', port: 80 }] } });
      const old = route('ratchet', outside, { parentRefs: [echoParent], rules: [twiceMatchedHeader] });
      expect(await webhook.client.create(old)).toMatchObject({ ok: true, warnings: [] });
      await webhook.adopt(outside);
      // The API server's namespace cache follows the label within moments.
      await eventually('the namespace in the webhook scope', async () => {
        const probe = await webhook.client.create(route('probe', outside, { parentRefs: [echoParent], rules: [twiceMatchedHeader] }), { dryRun: true });
        return !probe.ok;
      });

      const stored = await webhook.client.read(old);
      const rules = stored.spec.rules as Record<string, unknown>[];
      const kept = await webhook.client.replace({ ...stored, spec: { ...stored.spec, rules: [{ ...rules[0], timeouts: { request: '5s' } }] } });
      expect(kept.ok).toBe(true);
      expect(kept.warnings).toEqual([expect.stringContaining('MR301 spec.rules[0].matches[0].headers[1].name')]);

      const current = await webhook.client.read(old);
      const worse = structuredClone(current);
      (worse.spec.rules as { matches: { headers: unknown[] }[] }[])[0]!.matches[0]!.headers.push({ name: 'X-TENANT', value: 'c' });
      const refused = await webhook.client.replace(worse);
      expect(refused).toMatchObject({ ok: false, code: 403 });
      expect(refused.ok ? '' : refused.message).toContain('MR301 spec.rules[0].matches[0].headers[2].name');

      const relabelled = await webhook.client.replace({ ...current, metadata: { ...current.metadata, labels: { team: 'e2e' } } });
      expect(relabelled).toMatchObject({ ok: true, warnings: [] });
      expect((await webhook.client.read(old)).metadata.labels).toEqual({ team: 'e2e' });
    });

    it('server-side apply: the repair of /mutate is stored, and re-applying the same manifest keeps it', async () => {
      const manifest = route('applied', namespace, { parentRefs: [{ kind: 'Service', name: 'echo', port: 80 }], rules: [{ backendRefs: [{ name: 'echo', port: 80 }] }] });
      const first = await webhook.client.apply(manifest, 'e2e-user');
      expect(first.ok).toBe(true);
      expect(first.warnings).toEqual([expect.stringMatching(/^MR101 spec\.parentRefs\[0\]: set group ""/)]);
      expect((await webhook.client.read(manifest)).spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'echo', port: 80 }]);
      const again = await webhook.client.apply(manifest, 'e2e-user');
      expect(again.ok).toBe(true);
      expect((await webhook.client.read(manifest)).spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'echo', port: 80 }]);
      const dry = await webhook.client.apply({ ...manifest, spec: { ...manifest.spec, rules: [twiceMatchedHeader] } }, 'e2e-user', { dryRun: true });
      expect(dry).toMatchObject({ ok: false, code: 403 });
    });
  });

  describe('the policy ConfigMap', () => {
    afterAll(async () => {
      await webhook.setPolicy('');
    });

    it('changes a decision without a restart, and an invalid edit is kept out with an Event on the ConfigMap', async () => {
      // A path of its own: a match-all rule would be shadowed (MR110) by the file's earlier routes on echo.
      const withHostnames = (name: string) =>
        route(name, namespace, { hostnames: ['reviews.example.com'], parentRefs: [echoParent], rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/${name}` } }], backendRefs: [{ name: 'echo', port: 80 }] }] });
      const hostnamesLine = /^MR108 spec\.hostnames: mesh routes ignore hostnames/;
      const warned = await webhook.client.create(withHostnames('hosts-warned'), { dryRun: true });
      expect(warned.ok).toBe(true);
      expect(warned.warnings).toEqual([expect.stringMatching(hostnamesLine)]);

      await webhook.setPolicy('rules:\n  MR108: {action: deny}\n');
      const denied = await webhook.client.create(withHostnames('hosts-denied'), { dryRun: true });
      expect(denied).toMatchObject({ ok: false, code: 403 });
      expect(denied.ok ? '' : denied.message).toMatch(/denied the request: MR108 spec\.hostnames: /);

      const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
      await core.patchNamespacedConfigMap(
        { name: policyConfigMapName, namespace: webhook.systemNamespace, body: { data: { 'policy.yaml': 'rules:\n  MR108: {action: block}\n' } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      await eventually('an InvalidPolicy Event on the ConfigMap', async () => {
        const events = await core.listNamespacedEvent({ namespace: webhook.systemNamespace, fieldSelector: `involvedObject.name=${policyConfigMapName}` });
        return events.items.some((e) => e.reason === 'InvalidPolicy' && e.type === 'Warning' && /MR108/.test(e.message ?? ''));
      });
      // The last good policy still decides.
      const still = await webhook.client.create(withHostnames('hosts-still-denied'), { dryRun: true });
      expect(still).toMatchObject({ ok: false, code: 403 });
    });
  });

  describe('the webhook down', () => {
    it.each([
      ['Fail', 'refused'],
      ['Ignore', 'admitted'],
    ] as const)('failurePolicy %s: a route write is %s', async (failurePolicy, outcome) => {
      const down = await registerWebhooks(cluster, { origin: await deadOrigin(), ca: webhook.serve.ca, mutating: failurePolicy, validating: failurePolicy });
      try {
        const scoped = await down.namespace('e2e-down-');
        const result = await webhook.client.create(route('while-down', scoped, { parentRefs: [echoParent], rules: [twiceMatchedHeader] }));
        if (outcome === 'admitted') {
          expect(result).toMatchObject({ ok: true, warnings: [] });
        } else {
          expect(result).toMatchObject({ ok: false, code: 500, reason: 'InternalError' });
          expect(result.ok ? '' : result.message).toMatch(/failed calling webhook "(mutate|validate)\.routes\.gamma-webhook\.io": .*connect: connection refused/);
        }
        // A route without a Service parent never reaches the webhook (matchConditions), up or down.
        const gatewayOnly = await webhook.client.create(route('gateway-only', scoped, { parentRefs: [{ name: 'gw' }] }));
        expect(gatewayOnly).toMatchObject({ ok: true });
      } finally {
        await down.remove();
      }
    });
  });
});
