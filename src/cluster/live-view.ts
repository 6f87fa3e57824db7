/**
 * The live ClusterView (DESIGN.md): informer caches of Services, ReferenceGrants, HTTPRoutes,
 * GRPCRoutes and Namespaces, kept by watches through the kube module, with the indexes the
 * core and the status reconciler need. Every ClusterView method answers from memory; only
 * `resolveServices` touches the network (one bounded GET per Service the cache does not hold).
 *
 * Contract:
 * - `start()` discovers which Gateway API versions are served (HTTPRoute v1, else v1beta1;
 *   GRPCRoute v1; ReferenceGrant v1, else v1beta1), then starts one list+watch per kind (per
 *   namespace when a namespace set is configured). A kind whose API is not served is logged and
 *   treated as empty. It rejects with `GAMMA_ERR_CLUSTER_API` when discovery itself fails.
 * - `synced()` is false until the first list of every watched collection has been applied.
 * - Watches survive: a dropped connection is re-established with exponential backoff from the
 *   last resourceVersion seen (event or bookmark); 410 Gone re-lists; deletions that happened
 *   meanwhile are delivered as delete events.
 * - Services keep only ServiceInfo; routes keep the whole object without managedFields.
 * - Live lookups: a found Service is kept until a watch event for it arrives (the watch is then
 *   authoritative) or `lookupTtlMs` passes; a 404 is remembered for `notFoundTtlMs` (default 2 s)
 *   so a burst of admissions naming the same missing Service costs one GET, and is forgotten at
 *   once when the watch reports that Service. Timeouts and errors are not remembered.
 */
import type { Logger } from 'pino';
import type { ClusterView, ReferenceFrom, ReferenceTo, RouteInfo, ServiceInfo, ServiceResolver } from '../core/view.ts';
import { GammaError } from '../errors.ts';
import { GATEWAY_GROUP } from '../gateway/index.ts';
import type { Metrics } from '../metrics.ts';
import { apiStatus, type KubeClient } from '../kube/client.ts';
import { Reflector, type Backoff } from '../kube/reflector.ts';
import { serviceKey } from '../core/services.ts';
import {
  SharedValues, grantAllows, meshAttachments, namedServices, serviceInfo, slimGrant, slimNamespace, slimRoute, slimService,
  type Attachment, type CachedGrant, type CachedNamespace, type CachedRoute, type CachedService,
} from './objects.ts';

export interface LiveViewOptions {
  readonly kube: KubeClient;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** Namespaces to watch; empty or absent: all namespaces. */
  readonly namespaces?: readonly string[] | undefined;
  /** Deadline of one live Service GET (default 300 ms). */
  readonly lookupTimeoutMs?: number | undefined;
  /** How long a 404 from a live GET is remembered (default 2000 ms; 0: not at all). */
  readonly notFoundTtlMs?: number | undefined;
  /** How long a found Service from a live GET is kept when no watch event replaces it (default 60 s). */
  readonly lookupTtlMs?: number | undefined;
  /** Restart backoff after watch or list errors (default 500 ms doubling to 30 s). */
  readonly backoff?: Backoff | undefined;
  /** Items per list page (default 500). */
  readonly pageSize?: number | undefined;
  /** How often the staleness gauges are refreshed (default 5000 ms). */
  readonly metricsIntervalMs?: number | undefined;
}

/** A Service changed in the cache: `service` is undefined when it was deleted. */
export interface ServiceChange {
  readonly namespace: string;
  readonly name: string;
  readonly service: ServiceInfo | undefined;
}

/** A route changed in the cache: `object` is undefined when it was deleted. */
export interface RouteChange {
  readonly route: RouteInfo;
  readonly object: CachedRoute | undefined;
  /** Keys (`namespace/name`) of the Services it names now and named before the change. */
  readonly services: ReadonlySet<string>;
}

/** The Gateway API versions the view found served and watches (undefined: not served). */
export interface ServedVersions {
  readonly httpRoute: string | undefined;
  readonly grpcRoute: string | undefined;
  readonly referenceGrant: string | undefined;
}

type Listener<E> = (event: E) => void;

interface RouteEntry {
  readonly info: RouteInfo;
  readonly services: ReadonlySet<string>;
  readonly attachments: readonly Attachment[];
}

interface Lookup {
  readonly service: ServiceInfo | undefined;
  readonly expires: number;
}

function routeKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** The live ClusterView and ServiceResolver. Construct, subscribe, `start()`, and `stop()` on shutdown. */
export class LiveClusterView implements ClusterView, ServiceResolver {
  private readonly options: LiveViewOptions;
  private readonly kube: KubeClient;
  private readonly logger: Logger;
  private readonly metrics: Metrics;
  private readonly namespaceSet: readonly string[] | undefined;
  private readonly reflectors: Reflector<never>[] = [];
  /** Repeated values of this view's cache, held once (never shared with another view). */
  private readonly shared = new SharedValues();
  private readonly services = new Map<string, Reflector<CachedService>>();
  private readonly grants = new Map<string, Reflector<CachedGrant>>();
  private readonly namespaceReflectors = new Map<string, Reflector<CachedNamespace>>();
  private readonly routeReflectors = new Map<RouteInfo['kind'], Map<string, Reflector<CachedRoute>>>();
  private readonly routes = new Map<string, RouteEntry>();
  private readonly routesByService = new Map<string, Set<string>>();
  private readonly lookups = new Map<string, Lookup>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Keys whose GET is in flight and for which a watch event arrived meanwhile: the watch wins. */
  private readonly superseded = new Set<string>();
  private readonly counts = new Map<string, number>();
  private readonly serviceListeners = new Set<Listener<ServiceChange>>();
  private readonly routeListeners = new Set<Listener<RouteChange>>();
  private readonly grantListeners = new Set<Listener<string>>();
  private readonly namespaceListeners = new Set<Listener<string>>();
  private metricsTimer: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;
  private served: ServedVersions = { httpRoute: undefined, grpcRoute: undefined, referenceGrant: undefined };

  constructor(options: LiveViewOptions) {
    this.options = options;
    this.kube = options.kube;
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.namespaceSet = options.namespaces && options.namespaces.length > 0 ? [...new Set(options.namespaces)] : undefined;
  }

  /** The versions found by discovery (all undefined before `start()`). */
  get servedVersions(): ServedVersions {
    return this.served;
  }

  // ---- lifecycle ----

  /**
   * Discovers the served Gateway API versions and starts every watch. Resolves once each watch
   * made its first attempt (not necessarily synced: see `synced()` / `whenSynced()`). Rejects
   * with GammaError `GAMMA_ERR_CLUSTER_API` when discovery fails. Call once.
   */
  async start(): Promise<void> {
    if (this.started) throw new Error('LiveClusterView.start() called twice');
    this.started = true;
    this.served = await this.discover();
    const scopes: readonly (string | undefined)[] = this.namespaceSet ?? [undefined];
    const collection = (prefix: string, plural: string, ns: string | undefined): string =>
      ns === undefined ? `${prefix}/${plural}` : `${prefix}/namespaces/${encodeURIComponent(ns)}/${plural}`;
    for (const ns of scopes) {
      this.services.set(ns ?? '', this.reflector('Service', collection('/api/v1', 'services', ns), (o) => slimService(o, this.shared), undefined));
      if (this.served.referenceGrant) {
        this.grants.set(ns ?? '', this.reflector('ReferenceGrant', collection(`/apis/${GATEWAY_GROUP}/${this.served.referenceGrant}`, 'referencegrants', ns), (o) => slimGrant(o, this.shared), undefined));
      }
      for (const [kind, version] of [['HTTPRoute', this.served.httpRoute], ['GRPCRoute', this.served.grpcRoute]] as const) {
        if (!version) continue;
        const plural = kind === 'HTTPRoute' ? 'httproutes' : 'grpcroutes';
        const byScope = this.routeReflectors.get(kind) ?? new Map<string, Reflector<CachedRoute>>();
        byScope.set(ns ?? '', this.reflector(kind, collection(`/apis/${GATEWAY_GROUP}/${version}`, plural, ns), (o) => slimRoute(o, this.shared), undefined));
        this.routeReflectors.set(kind, byScope);
      }
      this.namespaceReflectors.set(
        ns ?? '',
        this.reflector('Namespace', '/api/v1/namespaces', (o) => slimNamespace(o, this.shared), ns === undefined ? undefined : `metadata.name=${ns}`),
      );
    }
    this.wireHandlers();
    this.metricsTimer = setInterval(() => this.refreshStaleness(), this.options.metricsIntervalMs ?? 5000);
    this.metricsTimer.unref();
    await Promise.all(this.reflectors.map((r) => r.start()));
  }

  /** Stops every watch, pending restart and timer. Idempotent. Lookups in flight are left to their deadline. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.metricsTimer);
    await Promise.all(this.reflectors.map((r) => r.stop()));
  }

  /** True once the first list of every watched collection has been applied (the server's /readyz). */
  synced(): boolean {
    return this.started && this.reflectors.every((r) => r.synced);
  }

  /** Resolves when `synced()` is true, or when the view is stopped first. */
  async whenSynced(): Promise<void> {
    await Promise.all(this.reflectors.map((r) => r.whenSynced()));
  }

  // ---- ClusterView ----

  service(namespace: string, name: string): ServiceInfo | undefined {
    const reflector = this.services.get(this.namespaceSet ? namespace : '');
    const cached = reflector?.cache.get(name, namespace);
    if (cached) return cached.info;
    const lookup = this.lookups.get(serviceKey(namespace, name));
    if (lookup && lookup.expires > Date.now()) return lookup.service;
    return undefined;
  }

  referenceGrantAllows(from: ReferenceFrom, to: ReferenceTo): boolean {
    const reflector = this.grants.get(this.namespaceSet ? to.namespace : '');
    if (!reflector) return false;
    return reflector.cache.list(to.namespace).some((grant) => grantAllows(grant, from, to));
  }

  routesAttachedTo(namespace: string, service: string, port?: number): readonly RouteInfo[] {
    const keys = this.routesByService.get(serviceKey(namespace, service));
    if (!keys) return [];
    const out: RouteInfo[] = [];
    for (const key of keys) {
      const entry = this.routes.get(key);
      if (!entry) continue;
      const attached = entry.attachments.some(
        (a) => a.serviceNamespace === namespace && a.service === service && (port === undefined || a.port === undefined || a.port === port),
      );
      if (attached) out.push(entry.info);
    }
    return out;
  }

  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined {
    const reflector = this.namespaceReflectors.get(this.namespaceSet ? namespace : '');
    return reflector?.cache.get(namespace)?.metadata.labels;
  }

  // ---- ServiceResolver ----

  /**
   * For each Service the cache does not hold: one GET with a `lookupTimeoutMs` deadline (at most
   * one in flight per Service; a remembered 404 is not asked again). Never rejects: a timeout or
   * an error leaves the Service unknown and is counted (`gamma_live_lookups_total`). Returns
   * undefined, synchronously, when every Service is cached or remembered (the steady state).
   */
  resolveServices(refs: readonly { namespace: string; name: string }[]): Promise<void> | undefined {
    let now = 0;
    let pending: Promise<void>[] | undefined;
    for (const { namespace, name } of refs) {
      if (!namespace || !name) continue;
      const reflector = this.services.get(this.namespaceSet ? namespace : '');
      if (reflector?.cache.get(name, namespace)) continue;
      const key = serviceKey(namespace, name);
      const lookup = this.lookups.get(key);
      if (now === 0) now = Date.now();
      if (lookup && lookup.expires > now) continue;
      pending ??= [];
      const running = this.inFlight.get(key);
      if (running) {
        pending.push(running);
        continue;
      }
      const promise = this.lookup(namespace, name).finally(() => {
        this.inFlight.delete(key);
        this.superseded.delete(key);
      });
      this.inFlight.set(key, promise);
      pending.push(promise);
    }
    return pending ? Promise.all(pending).then(() => undefined) : undefined;
  }

  private async lookup(namespace: string, name: string): Promise<void> {
    const key = serviceKey(namespace, name);
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(name)}`;
    const timeoutMs = this.options.lookupTimeoutMs ?? 300;
    try {
      const object = await this.kube.request({ method: 'GET', path, signal: AbortSignal.timeout(timeoutMs) });
      this.metrics.liveLookups.inc({ result: 'found' });
      if (!this.superseded.has(key)) this.lookups.set(key, { service: serviceInfo(object, '', this.shared), expires: Date.now() + (this.options.lookupTtlMs ?? 60_000) });
    } catch (error) {
      if (apiStatus(error) === 404) {
        this.metrics.liveLookups.inc({ result: 'notfound' });
        const ttl = this.options.notFoundTtlMs ?? 2000;
        if (ttl > 0 && !this.superseded.has(key)) this.lookups.set(key, { service: undefined, expires: Date.now() + ttl });
      } else if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
        this.metrics.liveLookups.inc({ result: 'timeout' });
        this.logger.warn({ namespace, name, timeoutMs }, 'live Service lookup timed out');
      } else {
        this.metrics.liveLookups.inc({ result: 'error' });
        this.logger.warn({ namespace, name, err: error }, 'live Service lookup failed');
      }
    }
  }

  // ---- for the status reconciler ----

  /** The cached route (without managedFields), or undefined. */
  route(kind: RouteInfo['kind'], namespace: string, name: string): CachedRoute | undefined {
    const byScope = this.routeReflectors.get(kind);
    return byScope?.get(this.namespaceSet ? namespace : '')?.cache.get(name, namespace);
  }

  /** Every cached route (for a periodic resync). */
  allRoutes(): readonly RouteInfo[] {
    return [...this.routes.values()].map((e) => e.info);
  }

  /** Routes naming the Service as a parent or a backend (including requestMirror backends). */
  routesNaming(namespace: string, service: string): readonly RouteInfo[] {
    const keys = this.routesByService.get(serviceKey(namespace, service));
    return keys ? [...keys].flatMap((k) => this.routes.get(k)?.info ?? []) : [];
  }

  /** The ReferenceGrants in a namespace (their `from` and `to` lists). */
  referenceGrants(namespace: string): readonly CachedGrant[] {
    return this.grants.get(this.namespaceSet ? namespace : '')?.cache.list(namespace) ?? [];
  }

  /** Calls `listener` after each cached Service change. Returns the unsubscribe function. */
  onServiceChanged(listener: Listener<ServiceChange>): () => void {
    this.serviceListeners.add(listener);
    return () => this.serviceListeners.delete(listener);
  }

  /** Calls `listener` after each cached route change (add, update, delete). */
  onRouteChanged(listener: Listener<RouteChange>): () => void {
    this.routeListeners.add(listener);
    return () => this.routeListeners.delete(listener);
  }

  /** Calls `listener` with the namespace of each ReferenceGrant that changed. */
  onReferenceGrantChanged(listener: Listener<string>): () => void {
    this.grantListeners.add(listener);
    return () => this.grantListeners.delete(listener);
  }

  /** Calls `listener` with the name of each Namespace whose labels may have changed. */
  onNamespaceChanged(listener: Listener<string>): () => void {
    this.namespaceListeners.add(listener);
    return () => this.namespaceListeners.delete(listener);
  }

  // ---- internals ----

  private reflector<T extends { metadata: { name: string } }>(kind: string, path: string, trim: (o: unknown) => T, fieldSelector: string | undefined): Reflector<T> {
    const reflector = new Reflector<T>({
      kube: this.kube,
      kind,
      path,
      fieldSelector,
      trim,
      metrics: this.metrics,
      logger: this.logger,
      backoff: this.options.backoff,
      pageSize: this.options.pageSize,
    });
    this.reflectors.push(reflector as unknown as Reflector<never>);
    return reflector;
  }

  private emit<E>(listeners: ReadonlySet<Listener<E>>, event: E, what: string): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, event: what }, 'cluster view listener failed');
      }
    }
  }

  private count(kind: string, delta: number): void {
    const next = (this.counts.get(kind) ?? 0) + delta;
    this.counts.set(kind, next);
    this.metrics.cacheObjects.set({ kind }, next);
  }

  private wireHandlers(): void {
    for (const reflector of this.services.values()) {
      const changed = (deleted: boolean) => (s: CachedService) => {
        const key = serviceKey(s.info.namespace, s.info.name);
        this.lookups.delete(key);
        if (this.inFlight.has(key)) this.superseded.add(key);
        this.emit(this.serviceListeners, { namespace: s.info.namespace, name: s.info.name, service: deleted ? undefined : s.info }, 'service');
      };
      reflector.on({
        add: (s) => {
          this.count('Service', 1);
          changed(false)(s);
        },
        update: changed(false),
        delete: (s) => {
          this.count('Service', -1);
          changed(true)(s);
        },
      });
    }
    for (const reflector of this.grants.values()) {
      const changed = (g: CachedGrant) => this.emit(this.grantListeners, g.metadata.namespace ?? '', 'referencegrant');
      reflector.on({
        add: (g) => {
          this.count('ReferenceGrant', 1);
          changed(g);
        },
        update: changed,
        delete: (g) => {
          this.count('ReferenceGrant', -1);
          changed(g);
        },
      });
    }
    for (const reflector of this.namespaceReflectors.values()) {
      const changed = (n: CachedNamespace) => this.emit(this.namespaceListeners, n.metadata.name, 'namespace');
      reflector.on({
        add: (n) => {
          this.count('Namespace', 1);
          changed(n);
        },
        update: changed,
        delete: (n) => {
          this.count('Namespace', -1);
          changed(n);
        },
      });
    }
    for (const [kind, byScope] of this.routeReflectors) {
      for (const reflector of byScope.values()) {
        reflector.on({
          add: (r) => {
            this.count(kind, 1);
            this.indexRoute(kind, r, false);
          },
          update: (r) => this.indexRoute(kind, r, false),
          delete: (r) => {
            this.count(kind, -1);
            this.indexRoute(kind, r, true);
          },
        });
      }
    }
  }

  private indexRoute(kind: RouteInfo['kind'], object: CachedRoute, deleted: boolean): void {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name;
    const key = routeKey(kind, namespace, name);
    const before = this.routes.get(key);
    const services = deleted ? new Set<string>() : namedServices(object);
    for (const service of before?.services ?? []) {
      if (services.has(service)) continue;
      const set = this.routesByService.get(service);
      set?.delete(key);
      if (set?.size === 0) this.routesByService.delete(service);
    }
    for (const service of services) {
      const set = this.routesByService.get(service) ?? new Set<string>();
      set.add(key);
      this.routesByService.set(service, set);
    }
    const info: RouteInfo = before?.info ?? { kind, namespace, name };
    if (deleted) this.routes.delete(key);
    else this.routes.set(key, { info, services, attachments: meshAttachments(object) });
    const all = new Set([...services, ...(before?.services ?? [])]);
    this.emit(this.routeListeners, { route: info, object: deleted ? undefined : object, services: all }, 'route');
  }

  /** Periodic: staleness gauges, and expired lookups dropped (they would otherwise only be overwritten). */
  private refreshStaleness(): void {
    const now = Date.now();
    for (const [key, lookup] of this.lookups) if (lookup.expires <= now) this.lookups.delete(key);
    const newest = new Map<string, number>();
    for (const r of this.reflectors) {
      // Per kind, the stalest collection counts.
      const heard = r.lastHeard === 0 ? now : r.lastHeard;
      newest.set(r.kind, Math.min(newest.get(r.kind) ?? Infinity, heard));
    }
    for (const [kind, heard] of newest) this.metrics.cacheStaleness.set({ kind }, Math.max(0, (now - heard) / 1000));
  }

  private async discover(): Promise<ServedVersions> {
    const resources = async (version: string): Promise<Set<string>> => {
      try {
        const list = await this.kube.request({ method: 'GET', path: `/apis/${GATEWAY_GROUP}/${version}`, signal: AbortSignal.timeout(10_000) });
        const names = ((list as { resources?: unknown } | null)?.resources ?? []) as unknown[];
        return new Set(names.flatMap((r) => {
          const n = (r as { name?: unknown } | null)?.name;
          return typeof n === 'string' ? [n] : [];
        }));
      } catch (error) {
        if (apiStatus(error) === 404) return new Set();
        throw new GammaError('GAMMA_ERR_CLUSTER_API', `discovery of ${GATEWAY_GROUP}/${version} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    };
    const [v1, v1beta1] = await Promise.all([resources('v1'), resources('v1beta1')]);
    const pick = (plural: string): string | undefined => (v1.has(plural) ? 'v1' : v1beta1.has(plural) ? 'v1beta1' : undefined);
    const served: ServedVersions = { httpRoute: pick('httproutes'), grpcRoute: v1.has('grpcroutes') ? 'v1' : undefined, referenceGrant: pick('referencegrants') };
    for (const [kind, version] of Object.entries(served)) {
      if (!version) this.logger.warn({ kind, group: GATEWAY_GROUP }, 'Gateway API kind not served; treated as empty');
    }
    this.logger.info({ served }, 'cluster view discovery');
    return served;
  }
}
