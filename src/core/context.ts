/**
 * The evaluation context: what the rules of one evaluation read. `evaluate` makes one per route
 * and drops it afterwards. Each part is read on first use and kept for the other rules of the
 * same evaluation, so the route is walked and the view asked once, however many rules read it.
 */
import { parseDuration } from '../gateway/duration.ts';
import { dig } from '../gateway/untrusted.ts';
import type { Policy } from './policy.ts';
import type { BackendRefModel, FilterModel, ParentRefModel, RouteModel } from './route.ts';
import { readFilters, readHeaderModifiers, readMatches, type HeaderModifierModel, type MatchModel } from './route-parts.ts';
import { matchHints, mayShadowAcross, type MatchHints } from './routing-hints.ts';
import { shadowsAmong, type EntryShadow } from './routing-against.ts';
import { rankRoutes, type RoutingEntry } from './routing-table.ts';
import type { ClusterView, ServiceImportInfo, ServiceInfo } from './view.ts';

/** A named mesh parent and its Service, undefined when the view does not know it. */
export interface ParentService {
  readonly parent: ParentRefModel;
  readonly name: string;
  readonly service: ServiceInfo | undefined;
}

/** A named core Service backend (mirror backends included) and its Service, as `ParentService`. */
export interface ServiceBackend {
  readonly backend: BackendRefModel;
  readonly name: string;
  readonly service: ServiceInfo | undefined;
}

/** A named ServiceImport backend (mirror backends included) and its ServiceImport, as `ServiceBackend`. */
export interface ServiceImportBackend {
  readonly backend: BackendRefModel;
  readonly name: string;
  readonly serviceImport: ServiceImportInfo | undefined;
}

/** A Service port this route attaches to, and its entries' shadows among the routes there (MR110). */
export interface PortShadows {
  readonly service: { readonly namespace: string; readonly name: string };
  readonly port: number;
  readonly entries: readonly EntryShadow[];
}

/**
 * One evaluation's view of the route, the cluster and the policy. Rules MUST treat what it hands
 * out as read-only: the same arrays go to every rule of the evaluation.
 */
export class EvaluationContext {
  readonly route: RouteModel;
  readonly view: ClusterView;
  readonly policy: Policy;
  #matches: readonly MatchModel[] | undefined;
  #filters: readonly FilterModel[] | undefined;
  #headerModifiers: readonly HeaderModifierModel[] | undefined;
  #parentServices: readonly ParentService[] | undefined;
  #serviceBackends: readonly ServiceBackend[] | undefined;
  #serviceImportBackends: readonly ServiceImportBackend[] | undefined;
  #durations: Map<string, number | undefined> | undefined;
  #ownEntries: readonly RoutingEntry[] | undefined;
  #ownHints: MatchHints | undefined;
  #portShadows: readonly PortShadows[] | undefined;

  constructor(route: RouteModel, view: ClusterView, policy: Policy) {
    this.route = route;
    this.view = view;
    this.policy = policy;
  }

  /**
   * A GEP-2257 duration in milliseconds, undefined when not valid. A route repeats a few values
   * (`10s`) in every rule, so each text is parsed once per evaluation. A property, not a method,
   * so that a rule may destructure it.
   */
  readonly durationMs = (value: string): number | undefined => {
    this.#durations ??= new Map();
    if (!this.#durations.has(value)) this.#durations.set(value, parseDuration(value));
    return this.#durations.get(value);
  };

  /** Every `rules[].matches[]` object, with its headers and query parameters. */
  get matches(): readonly MatchModel[] {
    return (this.#matches ??= readMatches(this.route));
  }

  /** Every filter, rule level and backendRef level. */
  get filters(): readonly FilterModel[] {
    return (this.#filters ??= readFilters(this.route));
  }

  /** The request and response header modifiers of every filter. */
  get headerModifiers(): readonly HeaderModifierModel[] {
    return (this.#headerModifiers ??= readHeaderModifiers(this.filters));
  }

  /** Each mesh parent with a name, and its Service. */
  get parentServices(): readonly ParentService[] {
    if (this.#parentServices === undefined) {
      const found: ParentService[] = [];
      for (const parent of this.route.meshParents) {
        const { name, namespace } = parent;
        if (name !== undefined) found.push({ parent, name, service: this.view.service(namespace, name) });
      }
      this.#parentServices = found;
    }
    return this.#parentServices;
  }

  /** Each named core Service backend, and its Service. */
  get serviceBackends(): readonly ServiceBackend[] {
    if (this.#serviceBackends === undefined) {
      const found: ServiceBackend[] = [];
      for (const backend of this.route.backends) {
        const { name, namespace } = backend;
        if (backend.coreService && name !== undefined) found.push({ backend, name, service: this.view.service(namespace, name) });
      }
      this.#serviceBackends = found;
    }
    return this.#serviceBackends;
  }

  /** Each named `multicluster.x-k8s.io` ServiceImport backend, and its ServiceImport. */
  get serviceImportBackends(): readonly ServiceImportBackend[] {
    if (this.#serviceImportBackends === undefined) {
      const found: ServiceImportBackend[] = [];
      for (const backend of this.route.backends) {
        const { name, namespace } = backend;
        if (backend.serviceImport && name !== undefined) {
          found.push({ backend, name, serviceImport: this.view.serviceImport(namespace, name) });
        }
      }
      this.#serviceImportBackends = found;
    }
    return this.#serviceImportBackends;
  }

  /** The entries of this route ranked alone, with their shadows (MR312). */
  get ownEntries(): readonly RoutingEntry[] {
    return (this.#ownEntries ??= rankRoutes([{ route: this.route }]));
  }

  /** This route's match hints: whether a shadow is possible at all, before ranking (MR312, MR110). */
  get ownHints(): MatchHints {
    return (this.#ownHints ??= matchHints(this.route.kind, this.route.spec?.rules));
  }

  /**
   * For each Service port this route attaches to where another route of its kind and group might
   * shadow one of its rules (`mayShadowAcross`): the route's entries with their shadows among the
   * routes of that port and group, this route as submitted in place of the view's copy (MR110).
   * The group is the producer routes, or for a consumer route those of its namespace. A port that
   * a GRPCRoute takes from this HTTPRoute is left out (MR109's). A parentRef without a port counts
   * for each port of its Service; for an unknown Service only the port it names. Built on first
   * use: only MR110 reads it, and most routes have no such port.
   */
  get portShadows(): readonly PortShadows[] {
    if (this.#portShadows === undefined) {
      const found: PortShadows[] = [];
      const seen = new Set<string>();
      const { route } = this;
      for (const { parent, name, service } of this.parentServices) {
        const ports = parent.port !== undefined ? [parent.port] : (service?.ports ?? []).map((p) => p.port);
        for (const port of ports) {
          const key = `${parent.namespace}/${name}:${port}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const attached = this.view.attachedRoutes(parent.namespace, name, port);
          if (route.kind === 'HTTPRoute' && attached.some((r) => r.kind === 'GRPCRoute')) continue;
          const threats = attached.filter(
            (r) =>
              r.kind === route.kind &&
              // A route's group is the routes of its own namespace: the producer routes when that is
              // the Service's namespace, else that namespace's consumer routes.
              r.namespace === route.namespace &&
              r.name !== route.name &&
              mayShadowAcross(matchHints(r.kind, dig(r.object, 'spec', 'rules')), this.ownHints),
          );
          if (threats.length > 0) found.push({ service: { namespace: parent.namespace, name }, port, entries: shadowsAmong(route, threats) });
        }
      }
      this.#portShadows = found;
    }
    return this.#portShadows;
  }
}
