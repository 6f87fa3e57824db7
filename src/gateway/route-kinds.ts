/**
 * The route kinds gamma-webhook judges: the one table of their API versions and resource plurals.
 * Admission decodes requests by it, the live view lists and watches by it, and the status writer
 * patches by it. A kind or version missing here is passed through untouched.
 */
export const ROUTE_KINDS = {
  /** HTTPRoute v1 and v1beta1 have the same schema; the API server serves both. */
  HTTPRoute: { plural: 'httproutes', versions: ['v1', 'v1beta1'] },
  GRPCRoute: { plural: 'grpcroutes', versions: ['v1'] },
} as const satisfies Readonly<Record<string, { plural: string; versions: readonly string[] }>>;

/** ReferenceGrant (GEP-709), which the cluster views read for MR206: its versions, newest first, and plural. */
export const REFERENCE_GRANT = { plural: 'referencegrants', versions: ['v1', 'v1beta1'] } as const;

/** The route kinds the core judges. */
export type RouteKind = keyof typeof ROUTE_KINDS;

/** True for `HTTPRoute` and `GRPCRoute`. */
export function isRouteKind(kind: unknown): kind is RouteKind {
  return typeof kind === 'string' && Object.hasOwn(ROUTE_KINDS, kind);
}

/** True when `version` of the Gateway API group is one the kind is judged in. */
export function isJudgedVersion(kind: RouteKind, version: string): boolean {
  const versions: readonly string[] = ROUTE_KINDS[kind].versions;
  return versions.includes(version);
}
