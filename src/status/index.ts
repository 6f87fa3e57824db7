/**
 * The status door, wired: Lease leader election plus the reconciler writing through the
 * `/status` subresource. `main.ts` creates it when a live cluster is configured (the static view
 * has no API server to write to), `start()`s it after the live view's `start()`, and `stop()`s it
 * on shutdown before the view (stopping releases the Lease, so another replica takes over at once).
 */
import type { Logger } from 'pino';
import type { KubeClient } from '../kube/client.ts';
import type { Metrics } from '../metrics.ts';
import { LeaderElector, kubeLeaseApi } from './leader.ts';
import { StatusReconciler, type PolicySource, type StatusSource } from './reconciler.ts';
import { kubeRouteStatusApi } from './writer.ts';

export interface StatusControllerOptions {
  readonly kube: KubeClient;
  /** The live cluster view (`LiveClusterView` satisfies StatusSource). */
  readonly view: StatusSource;
  /** The policy store: `status.enabled` and `status.controllerName` are read from it on every route. */
  readonly policy: PolicySource;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** Lease namespace and name (config: namespace, lease-name). */
  readonly leaseNamespace: string;
  readonly leaseName: string;
  /** This replica's identity in the Lease (config: pod-name); also the status field manager. */
  readonly identity: string;
  /** `v1beta1` where only that HTTPRoute version is served (`LiveClusterView.servedVersions.httpRoute`). */
  readonly httpRouteVersion?: string | undefined;
  readonly resyncPeriodMs?: number;
  readonly workers?: number;
}

export interface StatusController {
  readonly elector: LeaderElector;
  readonly reconciler: StatusReconciler;
  /**
   * Starts the reconciler (it waits for the view's sync itself) and the Lease loop, and logs once
   * the first Lease attempt is over whether this replica writes route status, and why not.
   */
  start(): void;
  /** `status: leader (...)` or `status: not leader (cause)`, for /readyz's detail and the log. */
  describe(): string;
  /** Stops the reconciler, then releases the Lease. Never rejects. */
  stop(): Promise<void>;
}

/** Builds the status door from the process's parts; nothing starts until `start()`. */
export function createStatusController(options: StatusControllerOptions): StatusController {
  const logger = options.logger.child({ component: 'status' });
  const elector = new LeaderElector({
    api: kubeLeaseApi(options.kube, options.leaseNamespace, options.leaseName),
    identity: options.identity,
    logger,
    metrics: options.metrics,
    lease: { namespace: options.leaseNamespace, name: options.leaseName },
  });
  const where = `Lease ${options.leaseNamespace}/${options.leaseName}`;
  const describe = (): string => {
    if (!options.policy.compiled.policy.status.enabled) return 'status: not written (policy status.enabled is false)';
    if (elector.isLeader()) return `status: leader (holds ${where}; writing route status)`;
    return `status: not leader (${elector.notLeaderCause() ?? `first attempt to take ${where} under way`})`;
  };
  const reconciler = new StatusReconciler({
    source: options.view,
    api: kubeRouteStatusApi(options.kube, { fieldManager: 'gamma-webhook', httpRouteVersion: options.httpRouteVersion }),
    leadership: elector,
    policy: options.policy,
    metrics: options.metrics,
    logger,
    ...(options.resyncPeriodMs === undefined ? {} : { resyncPeriodMs: options.resyncPeriodMs }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  return {
    elector,
    reconciler,
    start() {
      reconciler.start();
      elector.start();
      void elector.tryAcquireOrRenew().then((leading) => {
        const line = describe();
        if (leading && options.policy.compiled.policy.status.enabled) logger.info({ lease: where }, `route status will be written: ${line}`);
        else logger.warn({ lease: where }, `route status will not be written now: ${line}`);
      });
    },
    describe,
    async stop() {
      await reconciler.stop();
      await elector.stop();
    },
  };
}
