/**
 * Route status end to end: the status reconciler of `gamma-webhook serve` (leader of its Lease)
 * writing `status.parents` through the real API server's /status subresource.
 */
import { CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envtest, type Envtest } from '../support/envtest.ts';
import { eventually } from '../support/serve-process.ts';
import { startE2eWebhook, type E2eWebhook } from './support/webhook.ts';

const handle = envtest();
const ours = 'gamma-webhook.io/mesh-route-status';
const theirs = 'example.com/another-mesh';

interface Condition { type: string; status: string; reason: string; message: string; lastTransitionTime: string; observedGeneration?: number }
interface ParentStatus { parentRef: Record<string, unknown>; controllerName: string; conditions: Condition[] }
interface StoredRoute { metadata: { resourceVersion: string; generation: number }; status?: { parents?: ParentStatus[] } }

describe.skipIf(handle.missing)('route status written by the reconciler through a real API server', () => {
  let cluster: Envtest;
  let webhook: E2eWebhook;
  let namespace: string;
  let api: CustomObjectsApi;
  const route = { group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes', name: 'reviews' };

  beforeAll(async () => {
    cluster = await handle.start();
    webhook = await startE2eWebhook(cluster);
    namespace = await webhook.namespace('e2e-status-');
    api = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
  });
  afterAll(async () => {
    await webhook?.close();
  });

  const read = async () => (await api.getNamespacedCustomObject({ ...route, namespace })) as StoredRoute;
  const entry = (stored: StoredRoute, controller: string) => stored.status?.parents?.find((p) => p.controllerName === controller);
  const condition = (stored: StoredRoute, type: string) => entry(stored, ours)?.conditions.find((c) => c.type === type);
  const service = (name: string) =>
    webhook.client.objects.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ name: 'http', port: 80 }] } });

  /** `gamma_status_writes_total{result}` of the webhook. */
  async function writes(result: string): Promise<number> {
    const metrics = (await webhook.serve.get('/metrics')).text;
    return Number(new RegExp(`^gamma_status_writes_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
  }

  it('a route whose Services come later: Accepted, then ResolvedRefs flip to True, and another controller\'s entry survives', async () => {
    const created = await webhook.client.create({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: route.name, namespace },
      spec: { parentRefs: [{ group: '', kind: 'Service', name: 'reviews', port: 80 }], rules: [{ backendRefs: [{ name: 'reviews-v1', port: 80 }] }] },
    });
    // Applied before its Services, as GitOps tools do: admitted, with the referential warnings.
    expect(created.ok).toBe(true);
    expect(created.warnings.map((w) => w.slice(0, 5))).toEqual(['MR102', 'MR201']);

    await eventually('our entry with Accepted=False', async () => condition(await read(), 'Accepted')?.status === 'False');
    let stored = await read();
    expect(condition(stored, 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingParent', observedGeneration: 1 });
    expect(condition(stored, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });

    // Another mesh's controller reports on the same parent.
    const parentRef = entry(stored, ours)!.parentRef;
    const foreign: ParentStatus = {
      parentRef,
      controllerName: theirs,
      conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route accepted by another mesh', lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), observedGeneration: 1 }],
    };
    await api.replaceNamespacedCustomObjectStatus({ ...route, namespace, body: { ...stored, status: { parents: [...stored.status!.parents!, foreign] } } });

    await service('reviews');
    await eventually('Accepted=True once the parent Service exists', async () => condition(await read(), 'Accepted')?.status === 'True');
    stored = await read();
    expect(condition(stored, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
    expect(entry(stored, theirs)).toEqual(foreign);

    await service('reviews-v1');
    await eventually('ResolvedRefs=True once the backend Service exists', async () => condition(await read(), 'ResolvedRefs')?.status === 'True');
    stored = await read();
    expect(condition(stored, 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted' });
    expect(condition(stored, 'ResolvedRefs')).toMatchObject({ status: 'True', reason: 'ResolvedRefs' });
    expect(entry(stored, theirs)).toEqual(foreign);
  });

  it('a resync of every route (a policy change) rewrites nothing that is already right', async () => {
    const before = await read();
    const [written, unchanged] = [await writes('written'), await writes('unchanged')];
    // A change that does not touch status; the reconciler re-checks every route on any policy change.
    await webhook.setPolicy('mutations:\n  defaultBackendPort: false\n');
    await eventually('the resync to judge the route unchanged', async () => (await writes('unchanged')) > unchanged);
    expect(await writes('written')).toBe(written);
    expect((await read()).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    await webhook.setPolicy('');
  });
});
