/**
 * The loopback Kubernetes API server for tests: `startApiServer()` and its types. See
 * `server.ts` for what it serves and how it differs from a real API server.
 */
export { startApiServer } from './server.ts';
export type { ApiServer, ApiServerOptions, InjectedFault, ObjectRef, RequestFilter, RequestRecord } from './server.ts';
export type { KubeObject, ObjectMeta } from './resources.ts';
export type { StatusBody } from './status.ts';
