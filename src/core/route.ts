/**
 * The route as the rules see it: an index over the untrusted object with every reference the
 * rules look at (parents, backends incl. mirror backends, filter lists), each with its path.
 * Building it MUST NOT throw on any input: what has the wrong shape is left out.
 */
import type { RouteKind } from './types.ts';
import type { Path } from './path.ts';
import {
  backendGroupKind,
  dig,
  integer,
  isCoreAliasService,
  isCoreService,
  isMeshParent,
  isMisgroupedServiceParent,
  isServiceImport,
  list,
  parentGroup,
  parentKind,
  record,
  text,
} from '../gateway/index.ts';

type Json = Readonly<Record<string, unknown>>;

export interface ParentRefModel {
  readonly index: number;
  readonly path: Path;
  readonly ref: Json;
  readonly group: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  /** The parent's namespace, the route's when unset. */
  readonly namespace: string;
  readonly port: number | undefined;
  readonly sectionName: string | undefined;
  /** `group: ""`, `kind: Service`, or `group: core`, `kind: Service` (also `misgrouped`). */
  readonly mesh: boolean;
  /** MR101's mistake: `kind: Service` in the Gateway API group, or in `group: core`. */
  readonly misgrouped: boolean;
}

export interface BackendRefModel {
  readonly path: Path;
  readonly ref: Json;
  readonly group: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  /** The backend's namespace, the route's when unset. */
  readonly namespace: string;
  readonly port: number | undefined;
  /** undefined for mirror backends, which have no weight, and when the CRD default (1) applies. */
  readonly weight: number | undefined;
  /** True for `requestMirror.backendRef`. */
  readonly mirror: boolean;
  readonly ruleIndex: number;
  /** True when group and kind name a core Service (`group: core` included). */
  readonly coreService: boolean;
  /** True when group and kind name a `multicluster.x-k8s.io` ServiceImport. */
  readonly serviceImport: boolean;
  /** MR101's mistake at a backendRef: `group: core`, `kind: Service`. */
  readonly misgrouped: boolean;
}

export interface FilterModel {
  readonly path: Path;
  readonly filter: Json;
  readonly type: string | undefined;
}

export interface FilterListModel {
  readonly ruleIndex: number;
  /** Rule-level filters, or the filters of one backendRef. */
  readonly level: 'rule' | 'backendRef';
  readonly filters: readonly FilterModel[];
}

export interface RuleModel {
  readonly index: number;
  readonly path: Path;
  readonly rule: Json;
}

export interface RouteModel {
  readonly kind: RouteKind;
  readonly namespace: string;
  readonly name: string | undefined;
  /** metadata.creationTimestamp, as written: the routing table's tie-break between routes. */
  readonly creationTimestamp: string | undefined;
  readonly spec: Json | undefined;
  readonly parents: readonly ParentRefModel[];
  /** The parents with `group: ""` and `kind: Service`. */
  readonly meshParents: readonly ParentRefModel[];
  readonly rules: readonly RuleModel[];
  readonly backends: readonly BackendRefModel[];
  readonly filterLists: readonly FilterListModel[];
}

/** Builds the model; `namespace` is the request's namespace, used when metadata has none. */
export function readRoute(kind: RouteKind, namespace: string, object: unknown): RouteModel {
  const metadata = record(record(object)?.metadata);
  const routeNamespace = text(metadata?.namespace) || namespace;
  const spec = record(record(object)?.spec);
  const parents: ParentRefModel[] = [];
  const parentRefs = list(spec?.parentRefs);
  for (let index = 0; index < parentRefs.length; index++) {
    const parent = readParent(parentRefs[index], index, routeNamespace);
    if (parent !== undefined) parents.push(parent);
  }
  const rules: RuleModel[] = [];
  const backends: BackendRefModel[] = [];
  const filterLists: FilterListModel[] = [];
  const specRules = list(spec?.rules);
  for (let index = 0; index < specRules.length; index++) {
    const rule = record(specRules[index]);
    if (rule === undefined) continue;
    const path: Path = ['spec', 'rules', index];
    rules.push({ index, path, rule });
    const ruleFilters = readFilters(rule.filters, path);
    filterLists.push({ ruleIndex: index, level: 'rule', filters: ruleFilters });
    addMirrorBackends(backends, ruleFilters, index, routeNamespace);
    const refs = list(rule.backendRefs);
    for (let b = 0; b < refs.length; b++) {
      const refPath: Path = [...path, 'backendRefs', b];
      const backend = readBackend(refs[b], refPath, index, routeNamespace, false);
      if (backend === undefined) continue;
      backends.push(backend);
      const refFilters = readFilters(backend.ref.filters, refPath);
      filterLists.push({ ruleIndex: index, level: 'backendRef', filters: refFilters });
      addMirrorBackends(backends, refFilters, index, routeNamespace);
    }
  }
  return {
    kind,
    namespace: routeNamespace,
    name: text(metadata?.name),
    creationTimestamp: text(metadata?.creationTimestamp),
    spec,
    parents,
    meshParents: parents.filter((p) => p.mesh),
    rules,
    backends,
    filterLists,
  };
}

function readParent(value: unknown, index: number, routeNamespace: string): ParentRefModel | undefined {
  const ref = record(value);
  if (ref === undefined) return undefined;
  const group = parentGroup(ref);
  const kind = parentKind(ref);
  return {
    index,
    path: ['spec', 'parentRefs', index],
    ref,
    group,
    kind,
    name: text(ref.name),
    namespace: text(ref.namespace) || routeNamespace,
    port: integer(ref.port),
    sectionName: text(ref.sectionName),
    mesh: isMeshParent(ref),
    misgrouped: isCoreAliasService(group, kind) || isMisgroupedServiceParent(ref),
  };
}

function readBackend(
  value: unknown,
  path: Path,
  ruleIndex: number,
  routeNamespace: string,
  mirror: boolean,
): BackendRefModel | undefined {
  const ref = record(value);
  if (ref === undefined) return undefined;
  const { group, kind } = backendGroupKind(ref);
  return {
    path,
    ref,
    group,
    kind,
    name: text(ref.name),
    namespace: text(ref.namespace) || routeNamespace,
    port: integer(ref.port),
    weight: mirror ? undefined : integer(ref.weight),
    mirror,
    ruleIndex,
    coreService: isCoreService(group, kind),
    serviceImport: isServiceImport(group, kind),
    misgrouped: isCoreAliasService(group, kind),
  };
}

function readFilters(value: unknown, ownerPath: Path): FilterModel[] {
  const items = list(value);
  const out: FilterModel[] = [];
  for (let i = 0; i < items.length; i++) {
    const filter = record(items[i]);
    if (filter !== undefined) out.push({ path: [...ownerPath, 'filters', i], filter, type: text(filter.type) });
  }
  return out;
}

function addMirrorBackends(backends: BackendRefModel[], filters: readonly FilterModel[], ruleIndex: number, routeNamespace: string): void {
  for (const f of filters) {
    if (f.type !== 'RequestMirror') continue;
    const backend = readBackend(
      dig(f.filter, 'requestMirror', 'backendRef'),
      [...f.path, 'requestMirror', 'backendRef'],
      ruleIndex,
      routeNamespace,
      true,
    );
    if (backend !== undefined) backends.push(backend);
  }
}
