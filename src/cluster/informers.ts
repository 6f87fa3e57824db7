/**
 * The live view's watched collections: one list+watch reflector per kind and scope (all
 * namespaces, or each configured namespace), their readiness, and their health metrics
 * (`gamma_cache_objects{kind}`, `gamma_cache_staleness_seconds{kind}`: per kind, the stalest collection).
 */
import type { Logger } from 'pino';
import type { RouteInfo } from '../core/view.ts';
import { ROUTE_KINDS } from '../gateway/route-kinds.ts';
import type { KubeClient } from '../kube/client.ts';
import { Reflector, type Backoff, type ReflectorHandlers } from '../kube/reflector.ts';
import type { Metrics } from '../metrics.ts';
import type { ServedVersions } from './discovery.ts';
import { GATEWAY_GROUP, SERVICE_IMPORT_GROUP } from '../gateway/index.ts';
import {
  slimGrant, slimNamespace, slimRoute, slimService, slimServiceImport,
  type CachedGrant, type CachedNamespace, type CachedRoute, type CachedService, type CachedServiceImport, type SharedValues,
} from './objects.ts';

export interface InformerOptions {
  readonly kube: KubeClient;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** The view's shared values: every trimmed object uses its copies. */
  readonly shared: SharedValues;
  /** Namespaces to watch; undefined: all namespaces. */
  readonly namespaces: readonly string[] | undefined;
  readonly served: ServedVersions;
  readonly backoff?: Backoff | undefined;
  readonly pageSize?: number | undefined;
}

/** Reflectors of one kind by scope: the namespace, or `''` for all namespaces. */
type Scoped<T extends { metadata: { name: string } }> = ReadonlyMap<string, Reflector<T>>;

/** Every reflector of the view, by kind and scope. Nothing runs until `start()`. */
export class Informers {
  readonly services: Scoped<CachedService>;
  /** Empty when the ServiceImport CRD is not served. */
  readonly serviceImports: Scoped<CachedServiceImport>;
  readonly grants: Scoped<CachedGrant>;
  readonly namespaces: Scoped<CachedNamespace>;
  readonly routes: ReadonlyMap<RouteInfo['kind'], Scoped<CachedRoute>>;
  readonly #all: Reflector<never>[] = [];
  readonly #options: InformerOptions;
  readonly #counts = new Map<string, number>();

  constructor(options: InformerOptions) {
    this.#options = options;
    const { shared, served } = options;
    const collection = (prefix: string, plural: string, ns: string | undefined): string =>
      ns === undefined ? `${prefix}/${plural}` : `${prefix}/namespaces/${encodeURIComponent(ns)}/${plural}`;
    const services = new Map<string, Reflector<CachedService>>();
    const serviceImports = new Map<string, Reflector<CachedServiceImport>>();
    const grants = new Map<string, Reflector<CachedGrant>>();
    const namespaces = new Map<string, Reflector<CachedNamespace>>();
    const routes = new Map<RouteInfo['kind'], Map<string, Reflector<CachedRoute>>>();
    for (const ns of options.namespaces ?? [undefined]) {
      const scope = ns ?? '';
      services.set(scope, this.#reflector('Service', collection('/api/v1', 'services', ns), (o) => slimService(o, shared)));
      // Watched whenever the CRD is served, whatever the policy says: the policy can change at any
      // time and the collection is small; MR201/MR203 consult the policy's features.
      if (served.serviceImport) {
        serviceImports.set(scope, this.#reflector('ServiceImport', collection(`/apis/${SERVICE_IMPORT_GROUP}/${served.serviceImport}`, 'serviceimports', ns), (o) => slimServiceImport(o, shared)));
      }
      if (served.referenceGrant) {
        grants.set(scope, this.#reflector('ReferenceGrant', collection(`/apis/${GATEWAY_GROUP}/${served.referenceGrant}`, 'referencegrants', ns), (o) => slimGrant(o, shared)));
      }
      for (const [kind, version] of [['HTTPRoute', served.httpRoute], ['GRPCRoute', served.grpcRoute]] as const) {
        if (!version) continue;
        const byScope = routes.get(kind) ?? new Map<string, Reflector<CachedRoute>>();
        byScope.set(scope, this.#reflector(kind, collection(`/apis/${GATEWAY_GROUP}/${version}`, ROUTE_KINDS[kind].plural, ns), (o) => slimRoute(o, shared)));
        routes.set(kind, byScope);
      }
      const selector = ns === undefined ? undefined : `metadata.name=${ns}`;
      namespaces.set(scope, this.#reflector('Namespace', '/api/v1/namespaces', (o) => slimNamespace(o, shared), selector));
    }
    this.services = services;
    this.serviceImports = serviceImports;
    this.grants = grants;
    this.namespaces = namespaces;
    this.routes = routes;
  }

  /**
   * Subscribes to every collection of a kind. Handlers run after the object count of the kind
   * (`gamma_cache_objects`) is updated.
   */
  on<T extends { metadata: { name: string } }>(kind: string, reflectors: Scoped<T>, handlers: ReflectorHandlers<T>): void {
    for (const reflector of reflectors.values()) {
      reflector.on({
        add: (object) => {
          this.#count(kind, 1);
          handlers.add(object);
        },
        update: handlers.update,
        delete: (object) => {
          this.#count(kind, -1);
          handlers.delete(object);
        },
      });
    }
  }

  /** Starts every reflector; resolves once each made its first attempt (synced or not). */
  async start(): Promise<void> {
    await Promise.all(this.#all.map((r) => r.start()));
  }

  /** Stops every watch and pending restart. */
  async stop(): Promise<void> {
    await Promise.all(this.#all.map((r) => r.stop()));
  }

  /** True once the first list of every collection has been applied. */
  synced(): boolean {
    return this.#all.every((r) => r.synced);
  }

  /** Resolves when every collection is synced, or stopped first. */
  async whenSynced(): Promise<void> {
    await Promise.all(this.#all.map((r) => r.whenSynced()));
  }

  /** Sets the staleness gauges: per kind, seconds since the stalest collection last heard from the API server. */
  refreshStaleness(now: number): void {
    const oldest = new Map<string, number>();
    for (const r of this.#all) {
      const heard = r.lastHeard === 0 ? now : r.lastHeard;
      oldest.set(r.kind, Math.min(oldest.get(r.kind) ?? Infinity, heard));
    }
    for (const [kind, heard] of oldest) this.#options.metrics.cacheStaleness.set({ kind }, Math.max(0, (now - heard) / 1000));
  }

  #count(kind: string, delta: number): void {
    const next = (this.#counts.get(kind) ?? 0) + delta;
    this.#counts.set(kind, next);
    this.#options.metrics.cacheObjects.set({ kind }, next);
  }

  #reflector<T extends { metadata: { name: string } }>(kind: string, path: string, trim: (o: unknown) => T, fieldSelector?: string): Reflector<T> {
    const { kube, metrics, logger, backoff, pageSize } = this.#options;
    const reflector = new Reflector<T>({ kube, kind, path, fieldSelector, trim, metrics, logger, backoff, pageSize });
    this.#all.push(reflector as unknown as Reflector<never>);
    return reflector;
  }
}
