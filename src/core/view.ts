/**
 * ClusterView: the core's only window on other objects. Implementations: the live informer
 * cache (`cluster/live-view.ts`) and the static view built from YAML (`cluster/static-view.ts`).
 * Every method MUST answer synchronously from memory; a lookup never throws.
 */

/** The fields of a core Service that the rules read. */
export interface ServiceInfo {
  readonly namespace: string;
  readonly name: string;
  /** spec.type; `ClusterIP` when absent. */
  readonly type: string;
  /** `None` for a headless Service; other addresses are not kept (no rule reads them). */
  readonly clusterIP?: string;
  readonly ports: readonly ServicePortInfo[];
}

export interface ServicePortInfo {
  readonly name?: string;
  readonly port: number;
  readonly protocol?: string;
  readonly appProtocol?: string;
}

/** The fields of a multi-cluster ServiceImport (`multicluster.x-k8s.io`) that the backend rules read. */
export interface ServiceImportInfo {
  readonly namespace: string;
  readonly name: string;
  /** spec.ports: the ports the imported service exposes. */
  readonly ports: readonly ServicePortInfo[];
}

/** A route known to the view, for MR109 and for the reconciler's indexes. */
export interface RouteInfo {
  readonly kind: 'HTTPRoute' | 'GRPCRoute';
  readonly namespace: string;
  readonly name: string;
}

/**
 * A route attached to a Service, with the object as the view holds it (untrusted: the live view
 * keeps the whole route without managedFields; the static view the parsed document), for the
 * routing table (`core/routing-table.ts`) and MR110.
 */
export interface AttachedRoute extends RouteInfo {
  readonly object: unknown;
}

/** The `from` side of a reference: the route's group, kind and namespace. */
export interface ReferenceFrom {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
}

/** The `to` side of a reference: the target's group, kind, namespace and name. */
export interface ReferenceTo {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface ClusterView {
  /** The Service, or undefined when the view does not know it. */
  service(namespace: string, name: string): ServiceInfo | undefined;
  /**
   * The ServiceImport, or undefined when the view does not know it (also when the cluster does
   * not serve the ServiceImport API). Read by MR201/MR203 when the policy enables ServiceImport.
   */
  serviceImport(namespace: string, name: string): ServiceImportInfo | undefined;
  /** True when a ReferenceGrant in `to.namespace` allows this reference (GEP-709). */
  referenceGrantAllows(from: ReferenceFrom, to: ReferenceTo): boolean;
  /**
   * Routes with a mesh parentRef on this Service that covers `port` (any port when undefined): a
   * parentRef with a port covers that port, one with only a sectionName the Service port of that
   * name, one with neither every port of the Service. Used by MR109.
   */
  routesAttachedTo(namespace: string, service: string, port?: number): readonly RouteInfo[];
  /**
   * The same routes as `routesAttachedTo`, each with its object: what the routing table of the
   * Service port is built from (MR110, `explain`). Distinct per route; order unspecified.
   */
  attachedRoutes(namespace: string, service: string, port?: number): readonly AttachedRoute[];
  /** The namespace's labels, or undefined when unknown (exemptions by namespaceSelector). */
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
}

/** A Service (or ServiceImport) a route names, for `ServiceResolver`. */
export interface ServiceRef {
  readonly namespace: string;
  readonly name: string;
  /** `ServiceImport` for a `multicluster.x-k8s.io` ServiceImport backend; absent for a core Service. */
  readonly kind?: 'ServiceImport';
}

/**
 * Optional asynchronous side of a view: before the core runs, a door may ask for Services (and,
 * with `kind: 'ServiceImport'`, ServiceImports) the cache does not hold. The live view does one
 * bounded GET per miss (ServiceImports only when the cluster serves their CRD); the static view
 * does nothing. `resolveServices` returns undefined when there is nothing to wait for (every one
 * cached or its lookup remembered), and MUST NOT reject: a failed lookup leaves the object unknown.
 */
export interface ServiceResolver {
  resolveServices(refs: readonly ServiceRef[]): Promise<void> | undefined;
}
