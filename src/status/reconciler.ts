/**
 * The status reconciler (DESIGN.md "Status", docs/rules.md "Status"): a work queue keyed by route,
 * fed by the cluster view's events, a periodic resync, policy changes and gaining the Lease;
 * workers evaluate each route with the core (door: status; a CREATE-like request of the cached
 * object) and hand the result to the writer.
 *
 * What re-queues what:
 * - a route event: that route; a GRPCRoute event also the HTTPRoutes on the Services it names
 *   now or named before (MR109: the HTTPRoute's Conflicted condition follows the GRPCRoute);
 * - a Service event: every route that names the Service as parent or backend (a Service created
 *   after its route flips the route's Accepted/ResolvedRefs);
 * - a ReferenceGrant event in namespace N: every route outside N (grants govern references into N);
 * - a Namespace event: the routes in it (exemptions by namespaceSelector);
 * - a policy change, gaining the Lease, and every `resyncPeriodMs`: every route.
 *
 * Only the leader processes keys; keys taken while not leading are dropped, since gaining the
 * Lease re-queues everything. With `policy.status.enabled: false` nothing is written (entries
 * already written stay as they are). A route that fails (API error, or conflicts on every
 * attempt) is retried with per-route exponential backoff. MR109 is decided by the core through
 * the view's `routesAttachedTo`, so the same view that feeds the queue decides conflicts.
 */
import type { Logger } from 'pino';
import { evaluate, readSubmission, type CompiledPolicy, type Evaluation } from '../core/index.ts';
import type { ClusterView, RouteInfo } from '../core/view.ts';
import type { Metrics } from '../metrics.ts';
import type { Policy } from '../core/policy.ts';
import { planStatus, type StatusPlan } from './desired.ts';
import type { Leadership } from './leader.ts';
import { WorkQueue } from './queue.ts';
import { StatusWriter, formatRouteKey, parseRouteKey, type RouteKey, type RouteKeyString, type RouteStatusApi } from './writer.ts';

/**
 * The status door's evaluation of a stored route: a CREATE-like request of the object as read, so
 * that nothing is ratcheted. Shared by route status and PolicyReports, which say the same thing.
 */
export function evaluateStored(key: RouteKey, route: unknown, view: ClusterView, compiled: CompiledPolicy): Evaluation {
  const request = { kind: key.kind, operation: 'CREATE', namespace: key.namespace, object: route } as const;
  return evaluate(readSubmission(request), view, compiled, 'status');
}

/** A route change as the view reports it. */
export interface RouteChangeEvent {
  readonly route: RouteInfo;
  /** Keys (`namespace/name`) of the Services the route names now and named before the change. */
  readonly services: ReadonlySet<string>;
}

/**
 * What the reconciler needs from the cluster view: the ClusterView the core reads, the cached
 * routes, the Service-to-routes index and change events. `LiveClusterView` satisfies it as is.
 * Listeners MUST be called after the cache reflects the change.
 */
export interface StatusSource extends ClusterView {
  /** The cached route object (with metadata.resourceVersion), or undefined when not cached. */
  route(kind: RouteInfo['kind'], namespace: string, name: string): unknown;
  /** Every cached route. */
  allRoutes(): readonly RouteInfo[];
  /** Routes naming the Service as a parent or a backend. */
  routesNaming(namespace: string, service: string): readonly RouteInfo[];
  onRouteChanged(listener: (change: RouteChangeEvent) => void): () => void;
  onServiceChanged(listener: (change: { readonly namespace: string; readonly name: string }) => void): () => void;
  /** Routes naming the ServiceImport as a backend. */
  routesNamingServiceImport(namespace: string, name: string): readonly RouteInfo[];
  onServiceImportChanged(listener: (change: { readonly namespace: string; readonly name: string }) => void): () => void;
  /** Called with the namespace of a ReferenceGrant that changed. */
  onReferenceGrantChanged(listener: (namespace: string) => void): () => void;
  /** Called with the name of a Namespace whose labels may have changed. */
  onNamespaceChanged(listener: (namespace: string) => void): () => void;
  /** Resolves when every cache has completed its first list (or the view stopped). */
  whenSynced(): Promise<void>;
}

/** The policy in force and its changes; `PolicyStore` satisfies it. */
export interface PolicySource {
  /** The policy in force, compiled; read once per reconcile. */
  readonly compiled: CompiledPolicy;
  onChange(listener: (next: { readonly policy: Policy }, previous: { readonly policy: Policy }) => void): () => void;
}

export interface StatusReconcilerOptions {
  readonly source: StatusSource;
  readonly api: RouteStatusApi;
  readonly leadership: Leadership;
  readonly policy: PolicySource;
  readonly metrics: Pick<Metrics, 'statusWrites' | 'statusQueueDepth'>;
  readonly logger: Logger;
  /** Every route is re-queued this often (default 5 min; 0: never). */
  readonly resyncPeriodMs?: number;
  /** Routes processed at once (default 8). */
  readonly workers?: number;
  /** Time for lastTransitionTime (default: the wall clock). */
  readonly now?: () => Date;
  /** Retry backoff per route (default 50 ms doubling to 30 s). */
  readonly retryBaseDelayMs?: number;
  readonly retryMaxDelayMs?: number;
  /** Writes per reconcile before a conflict is retried later (default 5). */
  readonly maxAttempts?: number;
}

export class StatusReconciler {
  readonly #source: StatusSource;
  readonly #leadership: Leadership;
  readonly #policy: PolicySource;
  readonly #logger: Logger;
  readonly #writer: StatusWriter;
  readonly #queue: WorkQueue<RouteKeyString>;
  readonly #now: () => Date;
  readonly #resyncPeriodMs: number;
  readonly #workers: number;
  /** controllerNames a policy change retired during this process's life: their entries are removed. */
  readonly #retired = new Set<string>();
  readonly #unsubscribe: (() => void)[] = [];
  readonly #running: Promise<void>[] = [];
  #resyncTimer: NodeJS.Timeout | undefined;
  /**
   * Namespaces with a ReferenceGrant or Namespace change not yet turned into route keys. A sync
   * reports every Namespace and grant at once; batching makes that one pass over the routes
   * instead of one per event.
   */
  readonly #grantNamespaces = new Set<string>();
  readonly #namespaces = new Set<string>();
  #flush: NodeJS.Immediate | undefined;
  #started = false;
  #stopped = false;
  #synced = false;

  constructor(options: StatusReconcilerOptions) {
    this.#source = options.source;
    this.#leadership = options.leadership;
    this.#policy = options.policy;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#resyncPeriodMs = options.resyncPeriodMs ?? 300_000;
    this.#workers = Math.max(1, options.workers ?? 8);
    this.#writer = new StatusWriter({
      api: options.api,
      leadership: options.leadership,
      metrics: options.metrics,
      logger: options.logger,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    });
    this.#queue = new WorkQueue<RouteKeyString>({
      ...(options.retryBaseDelayMs === undefined ? {} : { baseDelayMs: options.retryBaseDelayMs }),
      ...(options.retryMaxDelayMs === undefined ? {} : { maxDelayMs: options.retryMaxDelayMs }),
      onDepth: (depth) => options.metrics.statusQueueDepth.set(depth),
    });
  }

  /**
   * Subscribes to the view, the policy and leadership at once (events before the first sync are
   * queued), then, once the view has synced, queues every route and starts the workers and the
   * resync timer. Returns without waiting for the sync. Call once.
   */
  start(): void {
    if (this.#started) throw new Error('StatusReconciler.start() called twice');
    this.#started = true;
    const source = this.#source;
    this.#unsubscribe.push(
      source.onRouteChanged((change) => this.#routeChanged(change)),
      source.onServiceChanged(({ namespace, name }) => this.#addAll(source.routesNaming(namespace, name))),
      source.onServiceImportChanged(({ namespace, name }) => this.#addAll(source.routesNamingServiceImport(namespace, name))),
      source.onReferenceGrantChanged((namespace) => this.#later(this.#grantNamespaces, namespace)),
      source.onNamespaceChanged((namespace) => this.#later(this.#namespaces, namespace)),
      this.#policy.onChange((next, previous) => this.#policyChanged(next.policy, previous.policy)),
      this.#leadership.onChange((leading) => {
        if (leading) this.resync('leader');
      }),
    );
    for (let i = 0; i < this.#workers; i++) this.#running.push(this.#work());
    void source.whenSynced().then(() => {
      if (this.#stopped) return;
      this.#synced = true;
      this.resync('synced');
      if (this.#resyncPeriodMs > 0) {
        this.#resyncTimer = setInterval(() => this.resync('periodic'), this.#resyncPeriodMs);
        this.#resyncTimer.unref();
      }
    });
  }

  /** Queues every cached route (deduplicated with what is queued already). */
  resync(reason: string): void {
    if (this.#stopped) return;
    const routes = this.#source.allRoutes();
    this.#logger.debug({ reason, routes: routes.length }, 'status resync');
    this.#addAll(routes);
  }

  /** True when nothing is queued, delayed or being processed. */
  idle(): boolean {
    return this.#queue.idle();
  }

  /** Stops the workers (a route being written finishes first), the timer and the subscriptions. Idempotent. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#resyncTimer);
    if (this.#flush !== undefined) clearImmediate(this.#flush);
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.#queue.shutDown();
    await Promise.all(this.#running);
  }

  #add(route: RouteInfo): void {
    this.#queue.add(formatRouteKey(route));
  }

  #addAll(routes: readonly RouteInfo[]): void {
    for (const route of routes) this.#add(route);
  }

  #later(set: Set<string>, namespace: string): void {
    set.add(namespace);
    this.#flush ??= setImmediate(() => {
      this.#flush = undefined;
      if (this.#stopped) return;
      const grants = new Set(this.#grantNamespaces);
      const namespaces = new Set(this.#namespaces);
      this.#grantNamespaces.clear();
      this.#namespaces.clear();
      for (const route of this.#source.allRoutes()) {
        // A grant in N governs references into N from other namespaces.
        const grantAffects = grants.size > (grants.has(route.namespace) ? 1 : 0);
        if (grantAffects || namespaces.has(route.namespace)) this.#add(route);
      }
    });
  }

  #routeChanged(change: RouteChangeEvent): void {
    this.#add(change.route);
    if (change.route.kind !== 'GRPCRoute') return;
    for (const service of change.services) {
      const slash = service.indexOf('/');
      if (slash < 0) continue;
      const attached = this.#source.routesNaming(service.slice(0, slash), service.slice(slash + 1));
      this.#addAll(attached.filter((r) => r.kind === 'HTTPRoute'));
    }
  }

  #policyChanged(next: Policy, previous: Policy): void {
    if (previous.status.controllerName !== next.status.controllerName) {
      this.#retired.add(previous.status.controllerName);
      this.#retired.delete(next.status.controllerName);
      this.#logger.info({ from: previous.status.controllerName, to: next.status.controllerName }, 'status controllerName changed; entries under the old name will be replaced');
    }
    if (this.#synced) this.resync('policy');
  }

  async #work(): Promise<void> {
    for (;;) {
      const key = await this.#queue.get();
      if (key === undefined) return;
      try {
        await this.#process(key);
      } catch (error) {
        const failures = this.#queue.failures(key);
        this.#logger.warn({ err: error, code: 'GAMMA_ERR_STATUS_WRITE', route: key, failures: failures + 1, retryInMs: this.#queue.backoff(failures) }, 'route status not written; retrying');
        this.#queue.addRateLimited(key);
      } finally {
        this.#queue.done(key);
      }
    }
  }

  async #process(keyString: RouteKeyString): Promise<void> {
    const compiled = this.#policy.compiled;
    const { policy } = compiled;
    if (!policy.status.enabled || !this.#leadership.isLeader()) return;
    const key = parseRouteKey(keyString);
    if (key === undefined) return;
    const cached = this.#source.route(key.kind, key.namespace, key.name);
    if (cached === undefined) {
      // Deleted (or not yet cached: its add event will queue it again).
      this.#queue.forget(keyString);
      return;
    }
    const outcome = await this.#writer.reconcile(key, (route) => this.#plan(key, route, compiled), cached);
    if (outcome === 'conflict') {
      this.#queue.addRateLimited(keyString);
      return;
    }
    this.#queue.forget(keyString);
  }

  #plan(key: RouteKey, route: unknown, compiled: CompiledPolicy): StatusPlan {
    const evaluation = evaluateStored(key, route, this.#source, compiled);
    return planStatus({
      route,
      verdicts: evaluation.parents,
      controllerName: compiled.policy.status.controllerName,
      now: this.#now(),
      retiredControllerNames: [...this.#retired],
    });
  }
}
