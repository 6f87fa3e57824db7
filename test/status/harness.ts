/**
 * Status reconciler replicas against an API server (the real one of ../shared/envtest, or the
 * loopback fake), for the integration tests and the convergence bench: each replica has what a
 * real pod has (its own live cluster view, Lease elector, reconciler, metrics registry), all
 * through the real @kubernetes/client-node.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import { LiveClusterView } from '../../src/cluster/live-view.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import { LeaderElector, kubeLeaseApi, type LeaseApi } from '../../src/status/leader.ts';
import { StatusReconciler, type StatusReconcilerOptions, type StatusSource } from '../../src/status/reconciler.ts';
import { kubeRouteStatusApi } from '../../src/status/writer.ts';
import type { ApiServer, KubeObject } from '../support/apiserver/index.ts';

export const GW = 'gateway.networking.k8s.io';
export const CONTROLLER = 'gamma-webhook.io/mesh-route-status';

export interface Replica {
  readonly identity: string;
  readonly view: LiveClusterView;
  readonly elector: LeaderElector;
  readonly reconciler: StatusReconciler;
  readonly policy: PolicyStore;
  readonly metrics: Metrics;
  /** While true, every Lease call of this replica fails (a network partition from the Lease). */
  partitioned: boolean;
  /** `statusWrites` by result. */
  writes(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  readonly identity?: string;
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  readonly now?: () => Date;
  readonly logger?: Logger;
  readonly reconciler?: Partial<Pick<StatusReconcilerOptions, 'workers' | 'resyncPeriodMs' | 'retryBaseDelayMs' | 'retryMaxDelayMs'>>;
  /** Namespaces the view watches (default: all). Tests sharing one real server pass their own. */
  readonly namespaces?: readonly string[];
  /** Where the Lease lives (default gamma-system/gamma-webhook-status); its namespace must exist on a real server. */
  readonly lease?: { readonly namespace: string; readonly name: string };
}

/** Starts one replica against the API server of `kubeConfig`: view (synced), elector loop, reconciler. */
export async function startReplica(kubeConfig: KubeConfig, options: ReplicaOptions = {}): Promise<Replica> {
  const identity = options.identity ?? 'replica-a';
  const logger = options.logger ?? pino({ level: 'silent' });
  const metrics = createMetrics(new Registry(), { processMetrics: false });
  const kube = new KubeClient(kubeConfig);
  const view = new LiveClusterView({ kube, metrics, logger, backoff: { initialMs: 20, maxMs: 200 }, namespaces: options.namespaces });
  const policy = new PolicyStore({ logger, metrics });
  const lease = options.lease ?? { namespace: 'gamma-system', name: 'gamma-webhook-status' };
  const leaseApi = kubeLeaseApi(kube, lease.namespace, lease.name);
  const replica: { partitioned: boolean } = { partitioned: false };
  const guarded: LeaseApi = {
    get: () => (replica.partitioned ? Promise.reject(new Error('partitioned')) : leaseApi.get()),
    create: (r) => (replica.partitioned ? Promise.reject(new Error('partitioned')) : leaseApi.create(r)),
    update: (r) => (replica.partitioned ? Promise.reject(new Error('partitioned')) : leaseApi.update(r)),
  };
  const elector = new LeaderElector({
    api: guarded,
    identity,
    logger,
    metrics,
    leaseDurationMs: options.leaseDurationMs ?? 3000,
    renewDeadlineMs: options.renewDeadlineMs ?? 2000,
    retryPeriodMs: options.retryPeriodMs ?? 200,
  });
  const source: StatusSource = view;
  const reconciler = new StatusReconciler({
    source,
    api: kubeRouteStatusApi(kube, { fieldManager: identity }),
    leadership: elector,
    policy,
    metrics,
    logger,
    retryBaseDelayMs: 20,
    retryMaxDelayMs: 500,
    ...(options.now ? { now: options.now } : {}),
    ...options.reconciler,
  });
  await view.start();
  reconciler.start();
  elector.start();
  await view.whenSynced();
  return Object.assign(replica, {
    identity,
    view,
    elector,
    reconciler,
    policy,
    metrics,
    async writes() {
      return Object.fromEntries((await metrics.statusWrites.get()).values.map((v) => [String(v.labels.result), v.value]));
    },
    async stop() {
      await reconciler.stop();
      await elector.stop();
      await view.stop();
      await kube.close();
    },
  });
}

// ---- objects ----

export function service(name: string, ports: { name?: string; port: number }[] = [{ name: 'http', port: 80 }], ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { ports } };
}

export function meshRef(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { group: '', kind: 'Service', name, ...extra };
}

export function httpRoute(name: string, parentRefs: Record<string, unknown>[], backends: { name: string; port: number }[], ns = 'default'): KubeObject {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'HTTPRoute',
    metadata: { name, namespace: ns },
    spec: { parentRefs, rules: [{ backendRefs: backends }] },
  };
}

export function grpcRoute(name: string, parentRefs: Record<string, unknown>[], backends: { name: string; port: number }[], ns = 'default'): KubeObject {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'GRPCRoute',
    metadata: { name, namespace: ns },
    spec: { parentRefs, rules: [{ backendRefs: backends }] },
  };
}

/** The stored `status.parents` of a route, or undefined. */
export function storedParents(server: ApiServer, kind: 'HTTPRoute' | 'GRPCRoute', name: string, ns = 'default'): unknown {
  return (server.read({ apiVersion: `${GW}/v1`, kind, namespace: ns, name })?.status as { parents?: unknown } | undefined)?.parents;
}

/** Status PATCH requests the server answered 2xx. */
export function statusWrites(server: ApiServer): number {
  return server.requests.filter((r) => r.verb === 'patch' && r.subresource === 'status' && r.status >= 200 && r.status < 300).length;
}

/** Polls `check` until it returns true or the deadline passes (then throws with `what`). */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
