/** The route kinds gamma-webhook judges, with their API group versions and resource plurals. */
export const ROUTE_KINDS = {
  HTTPRoute: { plural: 'httproutes', versions: ['v1', 'v1beta1'] },
  GRPCRoute: { plural: 'grpcroutes', versions: ['v1'] },
} as const;
