/**
 * The API server the status-convergence bench runs against, fake or real, behind one face: a
 * KubeConfig for the replica, the routes as stored, and request counters (status PATCHes, their
 * 409s, route GETs) to take differences of. The fake is seeded in memory and counts requests
 * itself; the real server (../shared/envtest, through the test harness) is loaded over HTTPS and
 * counted from its /metrics.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../src/kube/client.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../test/support/apiserver/index.ts';
import { servedRequests } from '../test/support/apiserver-requests.ts';
import { envtest } from '../test/support/envtest.ts';
import { KubeObjects } from '../test/support/kube-objects.ts';
import { GW } from '../test/status/harness.ts';

/** Requests so far (cumulative): take differences. */
export interface Counters {
  readonly patches: number;
  readonly conflicts: number;
  readonly gets: number;
}

export interface BenchCluster {
  readonly kubeConfig: KubeConfig;
  /** Where the replica keeps its Lease (the namespace exists). */
  readonly lease: { readonly namespace: string; readonly name: string };
  /** The stored routes of a kind, in the bench's namespace. */
  routes(kind: 'HTTPRoute' | 'GRPCRoute'): Promise<KubeObject[]>;
  counters(): Promise<Counters>;
  close(): Promise<void>;
}

const lease = { namespace: 'gamma-system', name: 'gamma-webhook-status' };
const routeResources = ['httproutes', 'grpcroutes'];

function fakeCluster(server: ApiServer): BenchCluster {
  const statusPatches = (status?: number) =>
    server.requests.filter((r) => r.verb === 'patch' && r.subresource === 'status' && (status === undefined || r.status === status)).length;
  return {
    kubeConfig: server.kubeConfig(),
    lease,
    routes: async (kind) => server.list(`${GW}/v1`, kind, 'default'),
    counters: async () => ({
      patches: statusPatches(),
      conflicts: statusPatches(409),
      gets: routeResources.reduce((sum, resource) => sum + server.count({ verb: 'get', resource }), 0),
    }),
    close: () => server.close(),
  };
}

async function realCluster(objects: readonly KubeObject[], log: (line: string) => void): Promise<BenchCluster> {
  const handle = envtest();
  if (handle.missing) throw new Error(`--apiserver real needs ${handle.missing} (../shared beside the project)`);
  const server = await handle.start();
  const kube = new KubeClient(server.kubeConfig);
  const store = new KubeObjects(kube);
  const loading = performance.now();
  await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: lease.namespace } });
  await store.createAll(objects);
  log(`loaded ${objects.length} objects into the real API server in ${Math.round(performance.now() - loading)} ms`);
  return {
    kubeConfig: server.kubeConfig,
    lease,
    routes: (kind) => store.list(`${GW}/v1`, kind, 'default'),
    counters: async () => {
      const served = await servedRequests(kube);
      return {
        patches: served.count({ verb: 'PATCH', subresource: 'status' }),
        conflicts: served.count({ verb: 'PATCH', subresource: 'status', code: 409 }),
        gets: routeResources.reduce((sum, resource) => sum + served.count({ verb: 'GET', resource, subresource: '' }), 0),
      };
    },
    // The harness stops the server when this process exits.
    close: () => kube.close(),
  };
}

/** Starts the chosen API server with `objects` (all in namespace default) already stored. */
export async function startCluster(apiserver: 'fake' | 'real', objects: readonly KubeObject[], log: (line: string) => void): Promise<BenchCluster> {
  if (apiserver === 'real') return realCluster(objects, log);
  return fakeCluster(await startApiServer({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, ...objects] }));
}
