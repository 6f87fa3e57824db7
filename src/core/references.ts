/** The core Services a route names, so that a door can fetch cache misses before `evaluate`. */
import { isMisgroupedServiceParent } from '../gateway/index.ts';
import { readRoute, type RouteModel } from './route.ts';
import type { EvaluationRequest } from './types.ts';

export interface ServiceRef {
  readonly namespace: string;
  readonly name: string;
}

/**
 * Every core Service the route names: mesh parents (and MR101's misgrouped parents, which /mutate
 * turns into core Services), backendRefs and mirror backendRefs; distinct, in order of appearance.
 * MUST NOT throw; a malformed route names fewer Services.
 */
export function referencedServices(request: Pick<EvaluationRequest, 'kind' | 'namespace' | 'object'>): ServiceRef[] {
  return servicesNamedBy(readRoute(request.kind, request.namespace, request.object));
}

/** `referencedServices` of a route already read with `readRoute`. */
export function servicesNamedBy(route: RouteModel): ServiceRef[] {
  const refs = [
    ...route.parents.filter((p) => p.mesh || isMisgroupedServiceParent(p.ref)),
    ...route.backends.filter((b) => b.coreService),
  ];
  const seen = new Set<string>();
  const out: ServiceRef[] = [];
  for (const { namespace, name } of refs) {
    if (name === undefined || name === '') continue;
    const key = `${namespace}/${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ namespace, name });
  }
  return out;
}
