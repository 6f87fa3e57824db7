/**
 * The core Services and ServiceImports a route names, so that a door can fetch cache misses
 * before `evaluate`.
 */
import { SERVICE_IMPORT_KIND } from '../gateway/mesh.ts';
import type { RouteModel } from './route.ts';
import { serviceImportKey, serviceKey } from './services.ts';
import type { ServiceRef } from './view.ts';

/**
 * Every core Service the route names: mesh parents (and MR101's misgrouped parents, which /mutate
 * turns into core Services), backendRefs and mirror backendRefs; then every ServiceImport backend
 * (mirrors included), marked `kind: 'ServiceImport'`. Distinct per kind, in order of appearance.
 * MUST NOT throw; a malformed route names fewer.
 */
export function referencedServices(route: RouteModel): ServiceRef[] {
  const seen = new Set<string>();
  const out: ServiceRef[] = [];
  const add = (namespace: string, name: string | undefined, serviceImport: boolean): void => {
    if (name === undefined || name === '') return;
    const key = serviceImport ? serviceImportKey(namespace, name) : serviceKey(namespace, name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(serviceImport ? { namespace, name, kind: SERVICE_IMPORT_KIND } : { namespace, name });
  };
  for (const p of route.parents) if (p.mesh || p.misgrouped) add(p.namespace, p.name, false);
  for (const b of route.backends) if (b.coreService) add(b.namespace, b.name, false);
  for (const b of route.backends) {
    if (b.serviceImport) add(b.namespace, b.name, true);
  }
  return out;
}
