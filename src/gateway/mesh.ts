/**
 * What makes a parentRef a mesh parent (GEP-1294), and the CRD defaults that decide it when a
 * field is left out. A mesh parent is `group: ""` and `kind: Service`; everything else (Gateways,
 * unknown kinds) is another controller's business and is never judged.
 */
import { record, text } from './untrusted.ts';

/** The core API group: a Service's group. */
const CORE_GROUP = '';
/** What some users and one mesh write for the core group; the spec's name for it is `""`. */
export const CORE_GROUP_ALIAS = 'core';
/** The Gateway API group, which the CRD fills in for a parentRef that leaves `group` out. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const SERVICE_KIND = 'Service';
/** Multi-cluster ServiceImport (GEP-1748), a backend kind some meshes support. */
export const SERVICE_IMPORT_GROUP = 'multicluster.x-k8s.io';
export const SERVICE_IMPORT_KIND = 'ServiceImport';

/** The parentRef's group after the CRD default (`gateway.networking.k8s.io` when absent). */
export function parentGroup(ref: unknown): string | undefined {
  const r = record(ref);
  if (r === undefined) return undefined;
  return r.group === undefined ? GATEWAY_GROUP : text(r.group);
}

/** The parentRef's kind after the CRD default (`Gateway` when absent). */
export function parentKind(ref: unknown): string | undefined {
  const r = record(ref);
  if (r === undefined) return undefined;
  return r.kind === undefined ? 'Gateway' : text(r.kind);
}

/**
 * True when the parentRef names a core Service (`group: ""`, or the `group: core` alias that MR101
 * corrects): the parents the webhook judges and a mesh attaches routes to.
 */
export function isMeshParent(ref: unknown): boolean {
  const group = parentGroup(ref);
  return (group === CORE_GROUP || group === CORE_GROUP_ALIAS) && parentKind(ref) === SERVICE_KIND;
}

/**
 * True for MR101's mistake: `kind: Service` in the Gateway API group, which is what the CRD
 * default makes of a parentRef written without `group: ""`. No such kind exists.
 */
export function isMisgroupedServiceParent(ref: unknown): boolean {
  return parentGroup(ref) === GATEWAY_GROUP && parentKind(ref) === SERVICE_KIND;
}

/**
 * True for `group: core`, `kind: Service`: meant as the core Service, and judged as one, but the
 * spec's core group is `""` (MR101 at the parentRef or backendRef).
 */
export function isCoreAliasService(group: string | undefined, kind: string | undefined): boolean {
  return group === CORE_GROUP_ALIAS && kind === SERVICE_KIND;
}

/** True when a backendRef's group and kind (after the CRD defaults) name a core Service, `group: core` included. */
export function isCoreService(group: string | undefined, kind: string | undefined): boolean {
  return (group === CORE_GROUP || group === CORE_GROUP_ALIAS) && kind === SERVICE_KIND;
}

/** True when a backendRef's group and kind name a multi-cluster ServiceImport. */
export function isServiceImport(group: string | undefined, kind: string | undefined): boolean {
  return group === SERVICE_IMPORT_GROUP && kind === SERVICE_IMPORT_KIND;
}

/**
 * How a finding names a kind: `Kind` in the core group (never `core/Kind`), `group/Kind` in
 * any other group.
 */
export function groupKind(group: string | undefined, kind: string): string {
  return group === undefined || group === CORE_GROUP || group === CORE_GROUP_ALIAS ? kind : `${group}/${kind}`;
}

/** A backendRef's group and kind after the CRD defaults (`""` and `Service`). */
export function backendGroupKind(ref: unknown): { group: string | undefined; kind: string | undefined } {
  const r = record(ref);
  return {
    group: r?.group === undefined ? CORE_GROUP : text(r.group),
    kind: r?.kind === undefined ? SERVICE_KIND : text(r.kind),
  };
}
