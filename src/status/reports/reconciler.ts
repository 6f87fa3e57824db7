/**
 * The PolicyReport reconciler: one report per namespace, kept by the replica that holds the status
 * Lease, fed like the route status reconciler (reconciler.ts) but keyed by namespace.
 *
 * What re-queues what:
 * - a route event: the route's namespace;
 * - a Service or ServiceImport event: the namespaces of the routes that name it;
 * - a ReferenceGrant event: every namespace with routes (a grant governs references from anywhere);
 * - a Namespace event: that namespace (exemptions by namespaceSelector);
 * - a policy change, gaining the Lease, the view's first sync and every `resyncPeriodMs`: every
 *   namespace with routes, and every namespace holding one of our reports (one LIST), so that a
 *   report whose last route went away while no replica led is removed too.
 *
 * Processing a namespace, as leader only (a replica without the Lease sends nothing, not even the
 * GET): read its report, evaluate its cached routes with the core (door `status`, the compiled
 * policy in force), plan with `planReport`, and write only when the plan says so. A 409 or an API
 * error re-queues the namespace with per-namespace exponential backoff.
 */
import type { Logger } from 'pino';
import { GATEWAY_GROUP, dig, text } from '../../gateway/index.ts';
import type { Metrics } from '../../metrics.ts';
import type { Leadership } from '../leader.ts';
import { WorkQueue } from '../queue.ts';
import { evaluateStored, type PolicySource, type StatusSource } from '../reconciler.ts';
import type { PolicyReportApi, ReportWriteResult } from './api.ts';
import { planReport, type JudgedRoute } from './desired.ts';

export interface ReportReconcilerOptions {
  readonly source: StatusSource;
  readonly api: PolicyReportApi;
  readonly leadership: Leadership;
  readonly policy: PolicySource;
  readonly metrics: Pick<Metrics, 'policyReportWrites'>;
  readonly logger: Logger;
  /** The report's name in every namespace. */
  readonly name: string;
  /** Results per report (`DEFAULT_MAX_RESULTS`, at most `MAX_RESULTS_LIMIT`). */
  readonly maxResults: number;
  /**
   * The namespaces the view watches (config: watch-namespaces); empty or absent: all. A report
   * listed in another namespace is left alone: its routes are not in the view.
   */
  readonly namespaces?: readonly string[];
  /** Every namespace is re-queued this often (default 5 min; 0: never). */
  readonly resyncPeriodMs?: number;
  /** Namespaces processed at once (default 2). */
  readonly workers?: number;
  /** Time for new results' timestamps (default: the wall clock). */
  readonly now?: () => Date;
  /** Retry backoff per namespace (default 50 ms doubling to 30 s). */
  readonly retryBaseDelayMs?: number;
  readonly retryMaxDelayMs?: number;
}

const done = { create: 'created', update: 'updated', delete: 'deleted' } as const;

export class ReportReconciler {
  readonly #options: ReportReconcilerOptions;
  readonly #source: StatusSource;
  readonly #api: PolicyReportApi;
  readonly #logger: Logger;
  readonly #queue: WorkQueue;
  readonly #now: () => Date;
  readonly #unsubscribe: (() => void)[] = [];
  readonly #running: Promise<void>[] = [];
  /** Namespaces whose foreign report was already warned about: one warning each. */
  readonly #warnedForeign = new Set<string>();
  #resyncTimer: NodeJS.Timeout | undefined;
  #started = false;
  #stopped = false;
  #synced = false;

  constructor(options: ReportReconcilerOptions) {
    this.#options = options;
    this.#source = options.source;
    this.#api = options.api;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#queue = new WorkQueue({
      ...(options.retryBaseDelayMs === undefined ? {} : { baseDelayMs: options.retryBaseDelayMs }),
      ...(options.retryMaxDelayMs === undefined ? {} : { maxDelayMs: options.retryMaxDelayMs }),
    });
  }

  /**
   * Subscribes to the view, the policy and leadership, starts the workers, and once the view has
   * synced resyncs and starts the resync timer. Returns without waiting. Call once.
   */
  start(): void {
    if (this.#started) throw new Error('ReportReconciler.start() called twice');
    this.#started = true;
    const source = this.#source;
    const namespacesOf = (routes: readonly { readonly namespace: string }[]) => {
      for (const route of routes) this.#queue.add(route.namespace);
    };
    this.#unsubscribe.push(
      source.onRouteChanged(({ route }) => this.#queue.add(route.namespace)),
      source.onServiceChanged(({ namespace, name }) => namespacesOf(source.routesNaming(namespace, name))),
      source.onServiceImportChanged(({ namespace, name }) => namespacesOf(source.routesNamingServiceImport(namespace, name))),
      source.onReferenceGrantChanged(() => namespacesOf(source.allRoutes())),
      source.onNamespaceChanged((namespace) => this.#queue.add(namespace)),
      this.#options.policy.onChange(() => {
        if (this.#synced) void this.resync('policy');
      }),
      this.#options.leadership.onChange((leading) => {
        if (leading && this.#synced) void this.resync('leader');
      }),
    );
    for (let i = 0; i < Math.max(1, this.#options.workers ?? 2); i++) this.#running.push(this.#work());
    void source.whenSynced().then(() => {
      if (this.#stopped) return;
      this.#synced = true;
      void this.resync('synced');
      const period = this.#options.resyncPeriodMs ?? 300_000;
      if (period > 0) {
        this.#resyncTimer = setInterval(() => void this.resync('periodic'), period);
        this.#resyncTimer.unref();
      }
    });
  }

  /**
   * Queues every namespace with routes and, as leader, every namespace holding one of our reports.
   * Resolves once queued; a failed LIST is logged and leaves the route namespaces queued.
   */
  async resync(reason: string): Promise<void> {
    if (this.#stopped) return;
    const namespaces = new Set(this.#source.allRoutes().map((r) => r.namespace));
    if (this.#options.leadership.isLeader()) {
      try {
        const watched = new Set(this.#options.namespaces ?? []);
        for (const namespace of await this.#api.namespacesWithReport()) {
          if (watched.size === 0 || watched.has(namespace)) namespaces.add(namespace);
        }
      } catch (error) {
        this.#logger.warn({ err: error, reason }, 'PolicyReports not listed; reports of namespaces without routes are checked at the next resync');
      }
    }
    this.#logger.debug({ reason, namespaces: namespaces.size }, 'PolicyReport resync');
    for (const namespace of namespaces) this.#queue.add(namespace);
  }

  /** True when nothing is queued, delayed or being processed. */
  idle(): boolean {
    return this.#queue.idle();
  }

  /** Stops the workers (a namespace being written finishes first), the timer and the subscriptions. Idempotent. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#resyncTimer);
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.#queue.shutDown();
    await Promise.all(this.#running);
  }

  async #work(): Promise<void> {
    for (;;) {
      const namespace = await this.#queue.get();
      if (namespace === undefined) return;
      try {
        const result = await this.#process(namespace);
        if (result !== 'notleader') this.#options.metrics.policyReportWrites.inc({ result });
        if (result === 'conflict') this.#queue.addRateLimited(namespace);
        else this.#queue.forget(namespace);
      } catch (error) {
        this.#options.metrics.policyReportWrites.inc({ result: 'error' });
        const failures = this.#queue.failures(namespace);
        this.#logger.warn({ err: error, namespace, failures: failures + 1, retryInMs: this.#queue.backoff(failures) }, 'PolicyReport not written; retrying');
        this.#queue.addRateLimited(namespace);
      } finally {
        this.#queue.done(namespace);
      }
    }
  }

  /** What became of the namespace's report: the `result` label of `policyReportWrites`, or notleader (not counted). */
  async #process(namespace: string): Promise<'created' | 'updated' | 'deleted' | 'unchanged' | 'conflict' | 'foreign' | 'notleader'> {
    const leadership = this.#options.leadership;
    if (!leadership.isLeader()) return 'notleader';
    const stored = await this.#api.get(namespace);
    const plan = planReport({
      namespace,
      name: this.#options.name,
      routes: this.#judged(namespace),
      maxResults: this.#options.maxResults,
      now: this.#now(),
      stored,
    });
    if (plan.outcome === 'unchanged') return 'unchanged';
    if (plan.outcome === 'foreign') {
      if (!this.#warnedForeign.has(namespace)) {
        this.#warnedForeign.add(namespace);
        this.#logger.warn({ namespace, name: this.#options.name }, 'a PolicyReport of this name exists without our managed-by label; leaving it alone (rename it, or set --policy-report-name)');
      }
      return 'foreign';
    }
    // Checked again right before the write: the Lease may have gone during the GET.
    if (!leadership.isLeader()) return 'notleader';
    let result: ReportWriteResult;
    if (plan.outcome === 'delete') result = await this.#api.delete(namespace, plan.resourceVersion);
    else if (plan.outcome === 'create') result = await this.#api.create(namespace, plan.report);
    else result = await this.#api.replace(namespace, plan.report);
    if (plan.outcome !== 'delete' && plan.dropped > 0) {
      this.#logger.warn({ namespace, dropped: plan.dropped, maxResults: this.#options.maxResults }, 'PolicyReport is full; the last results (passes first) are left out and counted in its summary');
    }
    this.#logger.debug({ namespace, outcome: plan.outcome, result }, 'PolicyReport written');
    // A report gone before its update is written again, like a conflict; one gone before its delete is done.
    if (result === 'conflict' || (result === 'gone' && plan.outcome !== 'delete')) return 'conflict';
    return done[plan.outcome];
  }

  /** The namespace's cached routes the core judges, with their findings. */
  #judged(namespace: string): JudgedRoute[] {
    const compiled = this.#options.policy.compiled;
    const judged: JudgedRoute[] = [];
    for (const info of this.#source.allRoutes()) {
      if (info.namespace !== namespace) continue;
      const route = this.#source.route(info.kind, namespace, info.name);
      if (route === undefined) continue;
      const evaluation = evaluateStored(info, route, this.#source, compiled);
      if (!evaluation.judged) continue;
      judged.push({
        kind: info.kind,
        name: info.name,
        apiVersion: text(dig(route, 'apiVersion')) ?? `${GATEWAY_GROUP}/v1`,
        uid: text(dig(route, 'metadata', 'uid')),
        findings: evaluation.findings,
      });
    }
    return judged;
  }
}
