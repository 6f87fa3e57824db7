/**
 * Gateway API route types, from the generated CRD types (`npm run generate:types`). HTTPRoute v1
 * and v1beta1 have identical schemas; the core reads both through the v1 type.
 *
 * These types say what a schema-valid object looks like. Objects reaching the core are untrusted
 * (the mutating webhook runs before the schema), so code MUST read them through `untrusted.ts`
 * and never rely on a typed field being present or well-typed.
 */
import type { HTTPRoute as HTTPRouteV1 } from './generated/httproute-v1.ts';
import type { HTTPRoute as HTTPRouteV1beta1Generated } from './generated/httproute-v1beta1.ts';
import type { GRPCRoute as GRPCRouteV1 } from './generated/grpcroute-v1.ts';

export type HTTPRoute = HTTPRouteV1;
export type HTTPRouteV1beta1 = HTTPRouteV1beta1Generated;
export type GRPCRoute = GRPCRouteV1;
/** Either route kind the core judges. */
export type MeshRoute = HTTPRoute | GRPCRoute;

export type ParentReference = NonNullable<HTTPRoute['spec']['parentRefs']>[number];
export type HTTPRouteRule = NonNullable<HTTPRoute['spec']['rules']>[number];
export type HTTPRouteMatch = NonNullable<HTTPRouteRule['matches']>[number];
export type HTTPRouteFilter = NonNullable<HTTPRouteRule['filters']>[number];
export type HTTPBackendRef = NonNullable<HTTPRouteRule['backendRefs']>[number];
export type HTTPRouteTimeouts = NonNullable<HTTPRouteRule['timeouts']>;
export type GRPCRouteRule = NonNullable<GRPCRoute['spec']['rules']>[number];
export type GRPCRouteMatch = NonNullable<GRPCRouteRule['matches']>[number];
export type GRPCRouteFilter = NonNullable<GRPCRouteRule['filters']>[number];
export type GRPCBackendRef = NonNullable<GRPCRouteRule['backendRefs']>[number];
/** The header modifier shape shared by request and response modifiers of both kinds. */
export type HeaderModifier = NonNullable<HTTPRouteFilter['requestHeaderModifier']>;
