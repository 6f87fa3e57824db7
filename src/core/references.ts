/** The core Services a route names, so that a door can fetch cache misses before `evaluate`. */
import { readRoute } from './route.ts';
import { serviceKey } from './services.ts';
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
  const route = readRoute(request.kind, request.namespace, request.object);
  const seen = new Set<string>();
  const out: ServiceRef[] = [];
  const add = (namespace: string, name: string | undefined): void => {
    if (name === undefined || name === '') return;
    const key = serviceKey(namespace, name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ namespace, name });
  };
  for (const p of route.parents) if (p.mesh || p.misgrouped) add(p.namespace, p.name);
  for (const b of route.backends) if (b.coreService) add(b.namespace, b.name);
  return out;
}
