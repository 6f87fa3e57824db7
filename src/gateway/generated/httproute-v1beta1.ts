/**
 * HTTPRoute v1beta1, generated from the Gateway API v1.6.1 experimental CRD
 * (gateway.networking.k8s.io_httproutes.yaml). Do not edit: run `npm run generate:types`.
 * Its schema is identical to v1's, so the type is v1's.
 */
export type { HTTPRoute } from './httproute-v1.ts';
