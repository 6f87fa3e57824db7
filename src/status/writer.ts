/**
 * The only code that writes route status (STYLE.md §6): read-modify-write of `status.parents`
 * through the `/status` subresource, only as leader.
 *
 * - The body is a JSON merge patch `{metadata: {resourceVersion}, status: {parents}}`: the whole
 *   list is replaced (merge patch replaces arrays) and the resourceVersion is a precondition, so
 *   a write based on an old read gets 409 Conflict (fixtures B-05-patch-status-stale-rv-409)
 *   instead of clobbering another controller's entry written meanwhile.
 * - On 409 the route is read again (GET) and the status computed again from that read, up to
 *   `maxAttempts` writes; a stale cached read (`stale` plan) is likewise re-read once.
 * - Nothing is sent when the computed status equals the stored one.
 * - Leadership is checked right before every write; a replica that is not (or no longer) leader
 *   sends nothing.
 * - Every outcome is counted in `statusWrites{result}`: written, unchanged, conflict (each 409),
 *   stale (the stored status describes a newer generation than any read), gone (the route was
 *   deleted), notleader, error.
 */
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { RouteKind } from '../core/types.ts';
import { GATEWAY_GROUP, dig, text } from '../gateway/index.ts';
import { ROUTE_KINDS } from '../gateway/route-kinds.ts';
import { apiStatus, withSignal, type KubeClient } from '../kube/client.ts';
import type { Metrics } from '../metrics.ts';
import type { StatusPlan } from './desired.ts';
import type { Leadership } from './leader.ts';

/** A route by kind, namespace and name. */
export interface RouteKey {
  readonly kind: RouteKind;
  readonly namespace: string;
  readonly name: string;
}

/** `HTTPRoute/default/web`: the queue key of a route. */
export type RouteKeyString = `${RouteKind}/${string}/${string}`;

export function formatRouteKey(key: RouteKey): RouteKeyString {
  return `${key.kind}/${key.namespace}/${key.name}`;
}

/** The key back from `formatRouteKey`; undefined for anything else. */
export function parseRouteKey(value: string): RouteKey | undefined {
  const [kind, namespace, name, ...rest] = value.split('/');
  if ((kind !== 'HTTPRoute' && kind !== 'GRPCRoute') || namespace === undefined || name === undefined || rest.length > 0) return undefined;
  return { kind, namespace, name };
}

/** The result of one PATCH of `/status`. */
export type PatchResult = { readonly outcome: 'written'; readonly route: unknown } | { readonly outcome: 'conflict' } | { readonly outcome: 'gone' };

/**
 * Route reads and status writes. `get` resolves to undefined on 404; `patchStatus` sends the
 * merge patch described above and maps 409 to `conflict`, 404 to `gone`. Other failures reject.
 */
export interface RouteStatusApi {
  get(key: RouteKey): Promise<unknown>;
  patchStatus(key: RouteKey, resourceVersion: string, parents: readonly unknown[]): Promise<PatchResult>;
}

/** What became of one reconcile. */
export type WriteOutcome = 'written' | 'unchanged' | 'conflict' | 'stale' | 'gone' | 'notleader';

export interface StatusWriterOptions {
  readonly api: RouteStatusApi;
  readonly leadership: Pick<Leadership, 'isLeader'>;
  readonly metrics: Pick<Metrics, 'statusWrites'>;
  readonly logger: Logger;
  /** Writes tried per reconcile before giving up on conflicts (default 5); the caller retries later. */
  readonly maxAttempts?: number;
}

/** Turns a route as read into what to write: `evaluate` then `planStatus`, bound by the reconciler. */
export type PlanFunction = (route: unknown) => StatusPlan;

export class StatusWriter {
  readonly #api: RouteStatusApi;
  readonly #leadership: Pick<Leadership, 'isLeader'>;
  readonly #metrics: Pick<Metrics, 'statusWrites'>;
  readonly #logger: Logger;
  readonly #maxAttempts: number;

  constructor(options: StatusWriterOptions) {
    this.#api = options.api;
    this.#leadership = options.leadership;
    this.#metrics = options.metrics;
    this.#logger = options.logger;
    this.#maxAttempts = options.maxAttempts ?? 5;
  }

  /**
   * Brings the route's status to what `plan` computes. `cached` is the route from the watch
   * cache when there is one (saves a GET; a stale copy costs one 409 or one re-read); without
   * it the route is read first. Resolves to the outcome; rejects (counted as `error`) on API
   * failures other than 404 and 409, for the caller to retry with backoff. `conflict` means
   * every attempt met a 409: the caller should retry later.
   */
  async reconcile(key: RouteKey, plan: PlanFunction, cached?: unknown): Promise<WriteOutcome> {
    try {
      return await this.#reconcile(key, plan, cached);
    } catch (error) {
      this.#metrics.statusWrites.inc({ result: 'error' });
      throw error;
    }
  }

  async #reconcile(key: RouteKey, plan: PlanFunction, cached: unknown): Promise<WriteOutcome> {
    let route = cached;
    let fresh = false;
    for (let attempt = 0; attempt < this.#maxAttempts; ) {
      if (route === undefined || route === null) {
        route = await this.#api.get(key);
        fresh = true;
        if (route === undefined || route === null) return this.#count('gone');
      }
      const decision = plan(route);
      if (decision.outcome === 'unchanged') return this.#count('unchanged');
      if (decision.outcome === 'stale') {
        if (fresh) {
          this.#logger.warn({ route: formatRouteKey(key), ...decision }, 'stored status is newer than the route; not overwriting it');
          return this.#count('stale');
        }
        route = undefined;
        continue;
      }
      if (!this.#leadership.isLeader()) return this.#count('notleader');
      const resourceVersion = text(dig(route, 'metadata', 'resourceVersion'));
      if (resourceVersion === undefined) {
        route = undefined;
        if (fresh) throw new TypeError(`route ${formatRouteKey(key)} has no metadata.resourceVersion`);
        continue;
      }
      attempt += 1;
      if (decision.droppedParents > 0) {
        this.#logger.warn({ route: formatRouteKey(key), dropped: decision.droppedParents }, 'status.parents is full (32); some mesh parents get no entry');
      }
      const result = await this.#api.patchStatus(key, resourceVersion, decision.parents);
      if (result.outcome === 'written') {
        this.#logger.debug({ route: formatRouteKey(key), resourceVersion }, 'route status written');
        return this.#count('written');
      }
      if (result.outcome === 'gone') return this.#count('gone');
      this.#count('conflict');
      this.#logger.debug({ route: formatRouteKey(key), resourceVersion, attempt }, 'route status conflict; reading it again');
      route = undefined;
    }
    return 'conflict';
  }

  #count(result: WriteOutcome): WriteOutcome {
    this.#metrics.statusWrites.inc({ result });
    return result;
  }
}

/** Deadline of one GET or PATCH: a request that hangs is retried by the caller, not waited on. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A RouteStatusApi through client-node's CustomObjectsApi on the kube module's shared pool:
 * HTTPRoute at `httpRouteVersion` (the served one; default the newest in ROUTE_KINDS), GRPCRoute
 * at its newest version. The merge patch body is `{metadata: {resourceVersion}, status: {parents}}`.
 */
export function kubeRouteStatusApi(kube: KubeClient, options: { fieldManager?: string; httpRouteVersion?: string | undefined } = {}): RouteStatusApi {
  const api = kube.api(CustomObjectsApi);
  const fieldManager = options.fieldManager ?? 'gamma-webhook';
  const target = (key: RouteKey) => ({
    group: GATEWAY_GROUP,
    version: key.kind === 'HTTPRoute' ? (options.httpRouteVersion ?? ROUTE_KINDS.HTTPRoute.versions[0]) : ROUTE_KINDS[key.kind].versions[0],
    plural: ROUTE_KINDS[key.kind].plural,
    namespace: key.namespace,
    name: key.name,
  });
  return {
    async get(key) {
      try {
        const route: unknown = await api.getNamespacedCustomObject(target(key), withSignal(AbortSignal.timeout(REQUEST_TIMEOUT_MS)));
        return route;
      } catch (error) {
        if (apiStatus(error) === 404) return undefined;
        throw error;
      }
    },
    async patchStatus(key, resourceVersion, parents) {
      try {
        const route: unknown = await api.patchNamespacedCustomObjectStatus(
          { ...target(key), body: { metadata: { resourceVersion }, status: { parents } }, fieldManager },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch, withSignal(AbortSignal.timeout(REQUEST_TIMEOUT_MS))),
        );
        return { outcome: 'written', route };
      } catch (error) {
        const status = apiStatus(error);
        if (status === 409) return { outcome: 'conflict' };
        if (status === 404) return { outcome: 'gone' };
        throw error;
      }
    },
  };
}
