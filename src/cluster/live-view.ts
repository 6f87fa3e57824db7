/**
 * The live ClusterView (DESIGN.md): informer caches of Services, ReferenceGrants, HTTPRoutes,
 * GRPCRoutes, Namespaces and, when the CRD is served, ServiceImports, kept by watches through the kube module, with the indexes the core
 * and the status reconciler need. Every ClusterView method answers from memory; only
 * `resolveServices` touches the network (one bounded GET per Service, or ServiceImport when the
 * CRD is served, that the cache does not hold).
 *
 * Contract:
 * - `start()` discovers which Gateway API versions are served (discovery.ts), then starts one
 *   list+watch per kind (per namespace when a namespace set is configured). A kind whose API is
 *   not served is logged and treated as empty. It rejects with `GAMMA_ERR_CLUSTER_API` when
 *   discovery itself fails.
 * - `synced()` is false until the first list of every watched collection has been applied.
 * - Watches survive: a dropped connection is re-established with exponential backoff from the
 *   last resourceVersion seen (event or bookmark); 410 Gone re-lists; deletions that happened
 *   meanwhile are delivered as delete events.
 * - Services keep only ServiceInfo; routes keep the whole object without managedFields. Repeated
 *   values are shared within this view only.
 * - Live lookups follow service-lookups.ts; a watch event for a Service (a ServiceImport)
 *   overrides any lookup of it.
 */
import type { Logger } from 'pino';
import type { AttachedRoute, ClusterView, ReferenceFrom, ReferenceTo, RouteInfo, ServiceImportInfo, ServiceInfo, ServiceRef, ServiceResolver } from '../core/view.ts';
import type { KubeClient } from '../kube/client.ts';
import type { Backoff } from '../kube/reflector.ts';
import type { Metrics } from '../metrics.ts';
import { discoverServedVersions, type ServedVersions } from './discovery.ts';
import { Informers } from './informers.ts';
import { grantAllows, SharedValues, type CachedGrant, type CachedRoute, type CachedService, type CachedServiceImport } from './objects.ts';
import { RouteIndex, type RouteChange } from './route-index.ts';
import { serviceImportLookups, serviceLookups, type LiveLookups, type ServiceLookupOptions } from './service-lookups.ts';

export type { ServedVersions } from './discovery.ts';
export type { RouteChange } from './route-index.ts';

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

type Listener<E> = (event: E) => void;

/** The live ClusterView and ServiceResolver. Construct, subscribe, `start()`, and `stop()` on shutdown. */
export class LiveClusterView implements ClusterView, ServiceResolver {
  readonly #options: LiveViewOptions;
  readonly #logger: Logger;
  readonly #namespaceSet: readonly string[] | undefined;
  readonly #shared = new SharedValues();
  readonly #lookupOptions: ServiceLookupOptions;
  readonly #lookups: LiveLookups<ServiceInfo>;
  /** Set by `start()` when discovery finds the ServiceImport CRD served. */
  #importLookups: LiveLookups<ServiceImportInfo> | undefined;
  readonly #routes = new RouteIndex();
  readonly #serviceListeners = new Set<Listener<ServiceChange>>();
  readonly #serviceImportListeners = new Set<Listener<{ readonly namespace: string; readonly name: string }>>();
  readonly #routeListeners = new Set<Listener<RouteChange>>();
  readonly #grantListeners = new Set<Listener<string>>();
  readonly #namespaceListeners = new Set<Listener<string>>();
  #informers: Informers | undefined;
  #metricsTimer: NodeJS.Timeout | undefined;
  #started = false;
  #stopped = false;
  #served: ServedVersions = { httpRoute: undefined, grpcRoute: undefined, referenceGrant: undefined };

  constructor(options: LiveViewOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#namespaceSet = options.namespaces && options.namespaces.length > 0 ? [...new Set(options.namespaces)] : undefined;
    this.#lookupOptions = {
      kube: options.kube,
      metrics: options.metrics,
      logger: options.logger,
      shared: this.#shared,
      timeoutMs: options.lookupTimeoutMs,
      notFoundTtlMs: options.notFoundTtlMs,
      ttlMs: options.lookupTtlMs,
    };
    this.#lookups = serviceLookups(this.#lookupOptions);
  }

  /** The versions found by discovery (all undefined before `start()`). */
  get servedVersions(): ServedVersions {
    return this.#served;
  }

  // ---- lifecycle ----

  /**
   * Discovers the served Gateway API versions and starts every watch. Resolves once each watch
   * made its first attempt (not necessarily synced: see `synced()` / `whenSynced()`). Rejects
   * with GammaError `GAMMA_ERR_CLUSTER_API` when discovery fails. Call once.
   */
  async start(): Promise<void> {
    if (this.#started) throw new Error('LiveClusterView.start() called twice');
    this.#started = true;
    const { kube, metrics, logger, backoff, pageSize } = this.#options;
    this.#served = await discoverServedVersions(kube, logger);
    if (this.#served.serviceImport) this.#importLookups = serviceImportLookups(this.#lookupOptions, this.#served.serviceImport);
    const informers = new Informers({ kube, metrics, logger, shared: this.#shared, namespaces: this.#namespaceSet, served: this.#served, backoff, pageSize });
    this.#informers = informers;
    this.#subscribe(informers);
    this.#metricsTimer = setInterval(() => {
      const now = Date.now();
      this.#lookups.expire(now);
      this.#importLookups?.expire(now);
      informers.refreshStaleness(now);
    }, this.#options.metricsIntervalMs ?? 5000);
    this.#metricsTimer.unref();
    await informers.start();
  }

  /** Stops every watch, pending restart and timer. Idempotent. Lookups in flight are left to their deadline. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#metricsTimer);
    await this.#informers?.stop();
  }

  /** True once the first list of every watched collection has been applied (the server's /readyz). */
  synced(): boolean {
    return this.#informers?.synced() ?? false;
  }

  /** Resolves when `synced()` is true, or when the view is stopped first. */
  async whenSynced(): Promise<void> {
    await this.#informers?.whenSynced();
  }

  // ---- ClusterView ----

  service(namespace: string, name: string): ServiceInfo | undefined {
    return this.#cachedService(namespace, name)?.info ?? this.#lookups.get(namespace, name);
  }

  referenceGrantAllows(from: ReferenceFrom, to: ReferenceTo): boolean {
    return this.referenceGrants(to.namespace).some((grant) => grantAllows(grant, from, to));
  }

  /** From the cache, else a still-valid live lookup: undefined when the ServiceImport CRD is not served. */
  serviceImport(namespace: string, name: string): ServiceImportInfo | undefined {
    return this.#cachedServiceImport(namespace, name)?.info ?? this.#importLookups?.get(namespace, name);
  }

  routesAttachedTo(namespace: string, service: string, port?: number): readonly RouteInfo[] {
    return this.#routes.attachedTo(namespace, service, port, this.service(namespace, service));
  }

  attachedRoutes(namespace: string, service: string, port?: number): readonly AttachedRoute[] {
    return this.#routes.attachedRoutes(namespace, service, port, this.service(namespace, service));
  }

  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined {
    return this.#informers?.namespaces.get(this.#scope(namespace))?.cache.get(namespace)?.metadata.labels;
  }

  // ---- ServiceResolver ----

  /**
   * For each Service (each ServiceImport, `kind: 'ServiceImport'`) the cache does not hold and no
   * lookup remembers: one GET (service-lookups.ts). ServiceImports are looked up only when their
   * CRD is served. Never rejects. Returns undefined, synchronously, when every one is cached or
   * remembered (the steady state).
   */
  resolveServices(refs: readonly ServiceRef[]): Promise<void> | undefined {
    let now = 0;
    let pending: Promise<void>[] | undefined;
    for (const { namespace, name, kind } of refs) {
      if (!namespace || !name) continue;
      const serviceImport = kind === 'ServiceImport';
      const lookups = serviceImport ? this.#importLookups : this.#lookups;
      if (!lookups) continue;
      if (serviceImport ? this.#cachedServiceImport(namespace, name) : this.#cachedService(namespace, name)) continue;
      if (now === 0) now = Date.now();
      if (lookups.known(namespace, name, now)) continue;
      (pending ??= []).push(lookups.resolve(namespace, name));
    }
    return pending ? Promise.all(pending).then(() => undefined) : undefined;
  }

  // ---- for the status reconciler ----

  /** The cached route (without managedFields), or undefined. */
  route(kind: RouteInfo['kind'], namespace: string, name: string): CachedRoute | undefined {
    return this.#informers?.routes.get(kind)?.get(this.#scope(namespace))?.cache.get(name, namespace);
  }

  /** Every cached route (for a periodic resync). */
  allRoutes(): readonly RouteInfo[] {
    return this.#routes.all();
  }

  /** Routes naming the Service as a parent or a backend (including requestMirror backends). */
  routesNaming(namespace: string, service: string): readonly RouteInfo[] {
    return this.#routes.naming(namespace, service);
  }

  /** The ReferenceGrants in a namespace (their `from` and `to` lists). */
  referenceGrants(namespace: string): readonly CachedGrant[] {
    return this.#informers?.grants.get(this.#scope(namespace))?.cache.list(namespace) ?? [];
  }

  /** Calls `listener` after each cached Service change. Returns the unsubscribe function. */
  onServiceChanged(listener: Listener<ServiceChange>): () => void {
    this.#serviceListeners.add(listener);
    return () => this.#serviceListeners.delete(listener);
  }

  /** Routes naming the ServiceImport as a backend (including requestMirror backends). */
  routesNamingServiceImport(namespace: string, name: string): readonly RouteInfo[] {
    return this.#routes.namingServiceImport(namespace, name);
  }

  /** Calls `listener` after each cached ServiceImport change. Returns the unsubscribe function. */
  onServiceImportChanged(listener: Listener<{ readonly namespace: string; readonly name: string }>): () => void {
    this.#serviceImportListeners.add(listener);
    return () => this.#serviceImportListeners.delete(listener);
  }

  /** Calls `listener` after each cached route change (add, update, delete). */
  onRouteChanged(listener: Listener<RouteChange>): () => void {
    this.#routeListeners.add(listener);
    return () => this.#routeListeners.delete(listener);
  }

  /** Calls `listener` with the namespace of each ReferenceGrant that changed. */
  onReferenceGrantChanged(listener: Listener<string>): () => void {
    this.#grantListeners.add(listener);
    return () => this.#grantListeners.delete(listener);
  }

  /** Calls `listener` with the name of each Namespace whose labels may have changed. */
  onNamespaceChanged(listener: Listener<string>): () => void {
    this.#namespaceListeners.add(listener);
    return () => this.#namespaceListeners.delete(listener);
  }

  // ---- internals ----

  /** The key of the collection that holds `namespace`'s objects. */
  #scope(namespace: string): string {
    return this.#namespaceSet ? namespace : '';
  }

  #cachedService(namespace: string, name: string): CachedService | undefined {
    return this.#informers?.services.get(this.#scope(namespace))?.cache.get(name, namespace);
  }

  #cachedServiceImport(namespace: string, name: string): CachedServiceImport | undefined {
    return this.#informers?.serviceImports.get(this.#scope(namespace))?.cache.get(name, namespace);
  }

  #emit<E>(listeners: ReadonlySet<Listener<E>>, event: E, what: string): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#logger.error({ err: error, event: what }, 'cluster view listener failed');
      }
    }
  }

  #subscribe(informers: Informers): void {
    const service = (deleted: boolean) => (s: CachedService) => {
      this.#lookups.forget(s.info.namespace, s.info.name);
      this.#emit(this.#serviceListeners, { namespace: s.info.namespace, name: s.info.name, service: deleted ? undefined : s.info }, 'service');
    };
    informers.on('Service', informers.services, { add: service(false), update: service(false), delete: service(true) });
    const serviceImport = (s: CachedServiceImport) => {
      this.#importLookups?.forget(s.info.namespace, s.info.name);
      this.#emit(this.#serviceImportListeners, { namespace: s.info.namespace, name: s.info.name }, 'serviceimport');
    };
    informers.on('ServiceImport', informers.serviceImports, { add: serviceImport, update: serviceImport, delete: serviceImport });
    const grant = (g: CachedGrant) => this.#emit(this.#grantListeners, g.metadata.namespace ?? '', 'referencegrant');
    informers.on('ReferenceGrant', informers.grants, { add: grant, update: grant, delete: grant });
    const namespace = (n: { metadata: { name: string } }) => this.#emit(this.#namespaceListeners, n.metadata.name, 'namespace');
    informers.on('Namespace', informers.namespaces, { add: namespace, update: namespace, delete: namespace });
    for (const [kind, byScope] of informers.routes) {
      const route = (deleted: boolean) => (r: CachedRoute) => this.#emit(this.#routeListeners, this.#routes.update(kind, r, deleted), 'route');
      informers.on(kind, byScope, { add: route(false), update: route(false), delete: route(true) });
    }
  }
}
