/**
 * The routes the live view caches, indexed by the Services they name: for `routesAttachedTo`
 * (MR109, which routes attach to a Service and port), for `attachedRoutes` (the routing table
 * and MR110, the same routes with their cached objects) and for the status reconciler (a Service
 * change re-queues the routes that name it as a parent or a backend).
 */
import { serviceImportKey, serviceKey } from '../core/services.ts';
import type { AttachedRoute, RouteInfo, ServiceInfo } from '../core/view.ts';
import { attachmentCovers, meshAttachments, namedServices, type Attachment, type CachedRoute } from './objects.ts';

/** A route changed in the cache: `object` is undefined when it was deleted. */
export interface RouteChange {
  readonly route: RouteInfo;
  readonly object: CachedRoute | undefined;
  /** Keys of the Services and ServiceImports it names now and named before (`namedServices`). */
  readonly services: ReadonlySet<string>;
}

interface RouteEntry {
  readonly info: RouteInfo;
  /** The cached object (the informer holds it anyway: one more reference, no copy). */
  readonly object: CachedRoute;
  readonly services: ReadonlySet<string>;
  readonly attachments: readonly Attachment[];
}

/** Routes by key and by the Services they name. Every method answers from memory. */
export class RouteIndex {
  readonly #routes = new Map<string, RouteEntry>();
  readonly #byService = new Map<string, Set<string>>();

  /**
   * Records an added, changed or deleted route and returns the change, naming every Service the
   * route names now or named before (both must be re-queued). The RouteInfo of a route is kept
   * across updates, so callers may compare it by identity.
   */
  update(kind: RouteInfo['kind'], object: CachedRoute, deleted: boolean): RouteChange {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name;
    const key = `${kind}/${namespace}/${name}`;
    const before = this.#routes.get(key);
    const services = deleted ? new Set<string>() : namedServices(object);
    for (const service of before?.services ?? []) {
      if (services.has(service)) continue;
      const set = this.#byService.get(service);
      set?.delete(key);
      if (set?.size === 0) this.#byService.delete(service);
    }
    for (const service of services) {
      const set = this.#byService.get(service) ?? new Set<string>();
      set.add(key);
      this.#byService.set(service, set);
    }
    const info: RouteInfo = before?.info ?? { kind, namespace, name };
    if (deleted) this.#routes.delete(key);
    else this.#routes.set(key, { info, object, services, attachments: meshAttachments(object) });
    return { route: info, object: deleted ? undefined : object, services: new Set([...services, ...(before?.services ?? [])]) };
  }

  /**
   * Routes with a mesh parentRef that serves `port` of the Service (`attachmentCovers`); `info`,
   * the Service itself, resolves parentRefs that name their port by sectionName.
   */
  attachedTo(namespace: string, service: string, port: number | undefined, info?: ServiceInfo): readonly RouteInfo[] {
    return this.#attached(namespace, service, port, info).map((entry) => entry.info);
  }

  /** The routes of `attachedTo`, each with its cached object. */
  attachedRoutes(namespace: string, service: string, port: number | undefined, info?: ServiceInfo): readonly AttachedRoute[] {
    return this.#attached(namespace, service, port, info).map(({ info: route, object }) => ({ ...route, object }));
  }

  #attached(namespace: string, service: string, port: number | undefined, info: ServiceInfo | undefined): RouteEntry[] {
    const out: RouteEntry[] = [];
    for (const key of this.#byService.get(serviceKey(namespace, service)) ?? []) {
      const entry = this.#routes.get(key);
      if (!entry) continue;
      const attached = entry.attachments.some((a) => a.serviceNamespace === namespace && a.service === service && attachmentCovers(a, port, info));
      if (attached) out.push(entry);
    }
    return out;
  }

  /** Routes naming the Service as a parent or a backend (including requestMirror backends). */
  naming(namespace: string, service: string): readonly RouteInfo[] {
    const keys = this.#byService.get(serviceKey(namespace, service));
    return keys ? [...keys].flatMap((k) => this.#routes.get(k)?.info ?? []) : [];
  }

  /** Routes naming the ServiceImport as a backend (including requestMirror backends). */
  namingServiceImport(namespace: string, name: string): readonly RouteInfo[] {
    const keys = this.#byService.get(serviceImportKey(namespace, name));
    return keys ? [...keys].flatMap((k) => this.#routes.get(k)?.info ?? []) : [];
  }

  /** Every route held. */
  all(): readonly RouteInfo[] {
    return [...this.#routes.values()].map((e) => e.info);
  }
}
