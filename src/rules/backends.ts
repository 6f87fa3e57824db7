/**
 * Backend rules (docs/rules.md "Backends", MR201-MR207): rules[].backendRefs and the filters'
 * requestMirror.backendRef, at rule and backendRef level.
 */
import type { EvaluationContext, ServiceBackend, ServiceImportBackend } from '../core/context.ts';
import { bothKinds, finding, type Rule } from '../core/rule.ts';
import { isExternalName, portByNumber, portList, portOutOfRange, serviceKey } from '../core/services.ts';
import { GATEWAY_GROUP, RouteReason, SERVICE_IMPORT_GROUP, SERVICE_IMPORT_KIND, groupKind, list } from '../gateway/index.ts';
import { defaultBackendPort } from './defaults.ts';

/** The feature name under which the policy's `features` enables ServiceImport backends (MR205). */
const SERVICE_IMPORT_FEATURE = 'ServiceImport';

/** `backend Service ns/name`, `mirror backend multicluster.x-k8s.io/ServiceImport ns/name`. */
function describe({ backend, name }: ServiceBackend | ServiceImportBackend): string {
  const kind = backend.serviceImport ? `${SERVICE_IMPORT_GROUP}/${SERVICE_IMPORT_KIND}` : 'Service';
  return `${backend.mirror ? 'mirror backend' : 'backend'} ${kind} ${serviceKey(backend.namespace, name)}`;
}

/**
 * The ServiceImport backends MR201 and MR203 check: none unless the policy's `features` enables
 * ServiceImport (the live view watches ServiceImports whenever the CRD is served; the policy
 * decides here whether they are read).
 */
function serviceImportBackends(context: EvaluationContext): readonly ServiceImportBackend[] {
  return context.policy.features.includes(SERVICE_IMPORT_FEATURE) ? context.serviceImportBackends : [];
}

/** True when the policy's `backendKinds` lists the kind: the mesh resolves it itself. */
function listedKind(backendKinds: readonly { group: string; kind: string }[], group: string, kind: string): boolean {
  return backendKinds.some((k) => k.group === group && k.kind === kind);
}

export const mr201: Rule = {
  id: 'MR201',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'ResolvedRefs', reason: RouteReason.BackendNotFound },
  check: (context) => [
    ...context.serviceBackends
      .filter(({ backend, service }) => service === undefined && backend.weight !== 0)
      .map((b) => finding(b.backend.path, `${describe(b)} not found; create it or fix the name`)),
    ...serviceImportBackends(context)
      .filter(({ backend, serviceImport }) => serviceImport === undefined && backend.weight !== 0)
      .map((b) => finding(b.backend.path, `${describe(b)} not found; create it or fix the name`)),
  ],
};

export const mr202: Rule = {
  id: 'MR202',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'ResolvedRefs', reason: RouteReason.UnsupportedValue },
  check: (context) =>
    context.serviceBackends
      .filter(({ service }) => service !== undefined && isExternalName(service))
      .map((b) => finding(b.backend.path, `${describe(b)} is ExternalName; use a Service with endpoints`)),
};

export const mr203: Rule = {
  id: 'MR203',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'ResolvedRefs', reason: RouteReason.BackendNotFound },
  check: (context) => [
    ...context.serviceBackends.flatMap((b) => {
      const { backend, service } = b;
      if (backend.port === undefined) return [];
      const outOfRange = portOutOfRange(backend.port);
      if (outOfRange !== undefined) return [finding([...backend.path, 'port'], outOfRange)];
      return service === undefined || isExternalName(service) || portByNumber(service, backend.port) !== undefined
        ? []
        : [finding([...backend.path, 'port'], `${describe(b)} has no port ${backend.port}; ports: ${portList(service)}`)];
    }),
    ...serviceImportBackends(context).flatMap((b) => {
      const { backend, serviceImport } = b;
      return serviceImport === undefined || backend.port === undefined || portByNumber(serviceImport, backend.port) !== undefined
        ? []
        : [finding([...backend.path, 'port'], `${describe(b)} has no port ${backend.port}; ports: ${portList(serviceImport)}`)];
    }),
  ],
};

export const mr204: Rule = {
  id: 'MR204',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: (context) =>
    context.serviceBackends.flatMap(({ backend, service }) =>
      backend.ref.port !== undefined || service?.ports.length !== 1
        ? []
        : [finding(backend.path, `port missing; the Service has one port, ${service.ports[0]?.port}: set it`)],
    ),
  mutate: defaultBackendPort,
};

export const mr205: Rule = {
  id: 'MR205',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'ResolvedRefs', reason: RouteReason.InvalidKind },
  check: ({ route, policy }) =>
    route.backends.flatMap((b) => {
      if (b.coreService || b.group === undefined || b.kind === undefined) return [];
      if (b.serviceImport && policy.features.includes(SERVICE_IMPORT_FEATURE)) return [];
      if (listedKind(policy.backendKinds, b.group, b.kind)) return [];
      const hint = b.group === GATEWAY_GROUP && b.kind === 'Service' ? '; set group "" for a core Service' : '';
      return [finding(b.path, `backend kind ${groupKind(b.group, b.kind)} is not supported${hint}`)];
    }),
};

export const mr206: Rule = {
  id: 'MR206',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'deny',
  status: { condition: 'ResolvedRefs', reason: RouteReason.RefNotPermitted },
  check: ({ route, view, policy }) =>
    policy.crossNamespaceBackends !== 'requireReferenceGrant'
      ? []
      : route.backends.flatMap((b) => {
          if (b.namespace === route.namespace || b.name === undefined || b.group === undefined || b.kind === undefined) return [];
          const from = { group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace };
          const to = { group: b.coreService ? '' : b.group, kind: b.kind, namespace: b.namespace, name: b.name };
          return view.referenceGrantAllows(from, to)
            ? []
            : [finding(b.path, `backend ${serviceKey(b.namespace, b.name)} needs a ReferenceGrant in namespace ${b.namespace}`)];
        }),
};

export const mr207: Rule = {
  id: 'MR207',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: ({ route }) =>
    route.rules.flatMap(({ rule, path, index }) => {
      if (list(rule.backendRefs).length > 0) return [];
      const redirects = route.filterLists.some(
        (l) => l.level === 'rule' && l.ruleIndex === index && l.filters.some((f) => f.type === 'RequestRedirect'),
      );
      return redirects ? [] : [finding(path, 'no backendRefs and no RequestRedirect: every request gets a 500; add a backend')];
    }),
};
