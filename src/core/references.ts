/** The core Services a route names, so that a door can fetch cache misses before `evaluate`. */
import type { RouteModel } from './route.ts';
import { serviceKey } from './services.ts';

export interface ServiceRef {
  readonly namespace: string;
  readonly name: string;
}

/**
 * Every core Service the route names: mesh parents (and MR101's misgrouped parents, which /mutate
 * turns into core Services), backendRefs and mirror backendRefs; distinct, in order of appearance.
 * MUST NOT throw; a malformed route names fewer Services.
 */
export function referencedServices(route: RouteModel): ServiceRef[] {
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
