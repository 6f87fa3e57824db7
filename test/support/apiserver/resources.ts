/**
 * The resources the loopback API server serves, and how each served version maps to its storage.
 * Shapes follow ../shared/fixtures/kube-apiserver-1.32 (discovery B-11, bookmarks B-03/B-10/B-12,
 * events B-09): core types keep Go field order and omit kind/apiVersion in list items; custom
 * resources come back with keys sorted and carry kind/apiVersion everywhere.
 */
import type { FieldCause } from './status.ts';

/** Any object the server stores: kind, apiVersion and metadata are always present once stored. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  managedFields?: unknown[];
  [field: string]: unknown;
}

/** One storage: objects of one kind, whatever version they are read or written through. */
export interface Storage {
  /** Storage key, e.g. `services` or `httproutes.gateway.networking.k8s.io`. */
  readonly id: string;
  readonly group: string;
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** The version objects are kept in. */
  readonly storageVersion: string;
  /** True for custom resources (sorted keys, kind/apiVersion on list items, `continue: ""`). */
  readonly custom: boolean;
  /** True when `metadata.generation` is kept and bumped on changes outside metadata and status. */
  readonly generation: boolean;
  /** True when `/status` is a subresource: the main resource ignores status and vice versa. */
  readonly statusSubresource: boolean;
  /**
   * True when a PUT may omit `metadata.resourceVersion` (core Services, ConfigMaps, Events,
   * Namespaces); custom resources and Leases refuse such a PUT with 422.
   */
  readonly unconditionalUpdate: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** The body of a BOOKMARK event besides kind, apiVersion and metadata (B-03: Service). */
  readonly bookmarkExtra?: Readonly<Record<string, unknown>>;
  /** Defaults applied to a new or replaced object in storage form (CRD defaults, Service IPs). */
  readonly defaults?: (object: KubeObject, allocate: () => string) => void;
  /** Field checks of a new or replaced object after defaulting; a non-empty answer is a 422. */
  readonly validate?: (object: KubeObject) => FieldCause[];
}

/** A served group/version/resource and the conversion between it and its storage. */
export interface Endpoint {
  readonly storage: Storage;
  readonly group: string;
  readonly version: string;
  readonly groupVersion: string;
  /** Storage form to this version. The argument is never mutated. */
  readonly toVersion: (object: KubeObject) => KubeObject;
  /** This version to storage form. The argument is never mutated. */
  readonly fromVersion: (object: KubeObject) => KubeObject;
}

const gatewayGroup = 'gateway.networking.k8s.io';

function withApiVersion(apiVersion: string) {
  return (object: KubeObject): KubeObject => ({ ...object, apiVersion });
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Gateway API CRD defaults that the fixtures show the server applying (README "Observations"). */
function routeDefaults(kind: 'HTTPRoute' | 'GRPCRoute') {
  return (object: KubeObject): void => {
    const spec = asRecord(object.spec);
    if (spec) {
      for (const ref of asArray(spec.parentRefs)) defaultParentRef(asRecord(ref));
      for (const rule of asArray(spec.rules)) {
        const r = asRecord(rule);
        if (!r) continue;
        if (kind === 'HTTPRoute' && r.matches === undefined) r.matches = [{ path: { type: 'PathPrefix', value: '/' } }];
        if (kind === 'GRPCRoute') {
          for (const match of asArray(r.matches)) {
            const method = asRecord(asRecord(match)?.method);
            if (method && method.type === undefined) method.type = 'Exact';
          }
        }
        for (const backend of asArray(r.backendRefs)) {
          const b = asRecord(backend);
          if (!b) continue;
          if (b.group === undefined) b.group = '';
          if (b.kind === undefined) b.kind = 'Service';
          if (b.weight === undefined) b.weight = 1;
        }
      }
    }
    const status = asRecord(object.status);
    for (const parent of asArray(status?.parents)) defaultParentRef(asRecord(asRecord(parent)?.parentRef));
  };
}

/** The condition fields the Gateway API CRDs require (metav1.Condition), checked on status writes. */
const requiredConditionFields = ['lastTransitionTime', 'message', 'reason', 'status', 'type'];

/** `status.parents[].conditions[]` must carry every required field, as the CRD schema demands. */
function validateRouteStatus(object: KubeObject): FieldCause[] {
  const causes: FieldCause[] = [];
  for (const [p, parent] of asArray(asRecord(object.status)?.parents).entries()) {
    for (const [c, condition] of asArray(asRecord(parent)?.conditions).entries()) {
      const fields = asRecord(condition) ?? {};
      for (const field of requiredConditionFields) {
        if (fields[field] === undefined) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `status.parents[${p}].conditions[${c}].${field}` });
      }
    }
  }
  return causes;
}

/** The service CIDR of ../shared/envtest's API server (--service-cluster-ip-range). */
const serviceCidr = { prefix: '10.96.', text: '10.96.0.0/16' };

/** A ClusterIP the test asks for must lie in the service CIDR, as the allocator demands. */
function validateService(object: KubeObject): FieldCause[] {
  const ip = asRecord(object.spec)?.clusterIP;
  if (typeof ip !== 'string' || ip === '' || ip === 'None' || ip.startsWith(serviceCidr.prefix)) return [];
  return [{
    reason: 'FieldValueInvalid',
    message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${serviceCidr.text}`,
    field: 'spec.clusterIPs',
  }];
}

function defaultParentRef(ref: Record<string, unknown> | undefined): void {
  if (!ref) return;
  if (ref.group === undefined) ref.group = gatewayGroup;
  if (ref.kind === undefined) ref.kind = 'Gateway';
}

function serviceDefaults(object: KubeObject, allocate: () => string): void {
  const spec = (asRecord(object.spec) ?? {});
  object.spec = spec;
  spec.type ??= 'ClusterIP';
  for (const port of asArray(spec.ports)) {
    const p = asRecord(port);
    if (!p) continue;
    p.protocol ??= 'TCP';
    if (spec.type !== 'ExternalName') p.targetPort ??= p.port;
  }
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = allocate();
    spec.clusterIPs ??= [spec.clusterIP];
    spec.sessionAffinity ??= 'None';
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
  } else {
    spec.sessionAffinity ??= 'None';
  }
  object.status ??= { loadBalancer: {} };
}

function namespaceDefaults(object: KubeObject): void {
  const name = object.metadata.name ?? '';
  object.metadata.labels = { ...object.metadata.labels, 'kubernetes.io/metadata.name': name };
  object.spec ??= { finalizers: ['kubernetes'] };
  object.status ??= { phase: 'Active' };
}

const verbsAll = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const storages = {
  services: {
    id: 'services', group: '', plural: 'services', singular: 'service', kind: 'Service', namespaced: true,
    storageVersion: 'v1', custom: false, generation: false, statusSubresource: true, unconditionalUpdate: true, shortNames: ['svc'],
    categories: ['all'], bookmarkExtra: { spec: {}, status: { loadBalancer: {} } }, defaults: serviceDefaults, validate: validateService,
  },
  configmaps: {
    id: 'configmaps', group: '', plural: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true,
    storageVersion: 'v1', custom: false, generation: false, statusSubresource: false, unconditionalUpdate: true, shortNames: ['cm'],
  },
  events: {
    id: 'events', group: '', plural: 'events', singular: 'event', kind: 'Event', namespaced: true,
    storageVersion: 'v1', custom: false, generation: false, statusSubresource: false, unconditionalUpdate: true, shortNames: ['ev'],
  },
  namespaces: {
    id: 'namespaces', group: '', plural: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false,
    storageVersion: 'v1', custom: false, generation: false, statusSubresource: true, unconditionalUpdate: true, shortNames: ['ns'],
    bookmarkExtra: { spec: {}, status: {} }, defaults: namespaceDefaults,
  },
  leases: {
    id: 'leases.coordination.k8s.io', group: 'coordination.k8s.io', plural: 'leases', singular: 'lease', kind: 'Lease',
    namespaced: true, storageVersion: 'v1', custom: false, generation: false, statusSubresource: false, unconditionalUpdate: false,
    bookmarkExtra: { spec: {} },
  },
  httproutes: {
    id: `httproutes.${gatewayGroup}`, group: gatewayGroup, plural: 'httproutes', singular: 'httproute', kind: 'HTTPRoute',
    namespaced: true, storageVersion: 'v1', custom: true, generation: true, statusSubresource: true, unconditionalUpdate: false,
    categories: ['gateway-api'], defaults: routeDefaults('HTTPRoute'), validate: validateRouteStatus,
  },
  grpcroutes: {
    id: `grpcroutes.${gatewayGroup}`, group: gatewayGroup, plural: 'grpcroutes', singular: 'grpcroute', kind: 'GRPCRoute',
    namespaced: true, storageVersion: 'v1', custom: true, generation: true, statusSubresource: true, unconditionalUpdate: false,
    categories: ['gateway-api'], defaults: routeDefaults('GRPCRoute'), validate: validateRouteStatus,
  },
  referencegrants: {
    id: `referencegrants.${gatewayGroup}`, group: gatewayGroup, plural: 'referencegrants', singular: 'referencegrant',
    kind: 'ReferenceGrant', namespaced: true, storageVersion: 'v1beta1', custom: true, generation: true,
    statusSubresource: false, unconditionalUpdate: false, shortNames: ['refgrant'], categories: ['gateway-api'],
  },
  serviceimports: {
    id: 'serviceimports.multicluster.x-k8s.io', group: 'multicluster.x-k8s.io', plural: 'serviceimports', singular: 'serviceimport',
    kind: 'ServiceImport', namespaced: true, storageVersion: 'v1alpha1', custom: true, generation: true,
    statusSubresource: true, unconditionalUpdate: false, shortNames: ['svcim'],
  },
} as const satisfies Record<string, Storage>;

/** Core v1 Event <-> events.k8s.io/v1 Event, field by field as B-09 shows. */
const eventFieldPairs: readonly (readonly [core: string, events: string])[] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
];

function coreEventToEventsV1(object: KubeObject): KubeObject {
  const { kind: _k, apiVersion: _a, metadata, ...rest } = object;
  const out: KubeObject = { kind: 'Event', apiVersion: 'events.k8s.io/v1', metadata };
  const renamed = new Map(eventFieldPairs);
  for (const [key, value] of Object.entries(rest)) out[renamed.get(key) ?? key] = value;
  out.eventTime ??= null;
  out.deprecatedSource ??= {};
  out.deprecatedFirstTimestamp ??= null;
  out.deprecatedLastTimestamp ??= null;
  return out;
}

function eventsV1ToCoreEvent(object: KubeObject): KubeObject {
  const { kind: _k, apiVersion: _a, metadata, ...rest } = object;
  const out: KubeObject = { kind: 'Event', apiVersion: 'v1', metadata };
  const renamed = new Map(eventFieldPairs.map(([core, events]) => [events, core] as const));
  for (const [key, value] of Object.entries(rest)) out[renamed.get(key) ?? key] = value;
  out.eventTime ??= null;
  out.source ??= {};
  out.firstTimestamp ??= null;
  out.lastTimestamp ??= null;
  return out;
}

interface EndpointOverrides {
  /** A group other than the storage's (events.k8s.io serves the core events storage). */
  readonly group?: string;
  readonly toVersion: Endpoint['toVersion'];
  readonly fromVersion: Endpoint['fromVersion'];
}

function endpoint(storage: Storage, version: string, overrides?: EndpointOverrides): Endpoint {
  const group = overrides?.group ?? storage.group;
  const groupVersion = group ? `${group}/${version}` : version;
  const storageGroupVersion = storage.group ? `${storage.group}/${storage.storageVersion}` : storage.storageVersion;
  return {
    storage,
    group,
    version,
    groupVersion,
    toVersion: overrides?.toVersion ?? withApiVersion(groupVersion),
    fromVersion: overrides?.fromVersion ?? withApiVersion(storageGroupVersion),
  };
}

/** Every group/version/resource the server can serve (before `disabled` is applied). */
export const allEndpoints: readonly Endpoint[] = [
  endpoint(storages.services, 'v1'),
  endpoint(storages.configmaps, 'v1'),
  endpoint(storages.events, 'v1'),
  endpoint(storages.namespaces, 'v1'),
  endpoint(storages.leases, 'v1'),
  endpoint(storages.events, 'v1', { group: 'events.k8s.io', toVersion: coreEventToEventsV1, fromVersion: eventsV1ToCoreEvent }),
  endpoint(storages.httproutes, 'v1'),
  endpoint(storages.httproutes, 'v1beta1'),
  endpoint(storages.grpcroutes, 'v1'),
  endpoint(storages.referencegrants, 'v1'),
  endpoint(storages.referencegrants, 'v1beta1'),
  endpoint(storages.serviceimports, 'v1alpha1'),
];

/** Endpoints of optional CRDs: served only when named in the server's `enabled` option. */
export const optInEndpoints: ReadonlySet<string> = new Set(['serviceimports.multicluster.x-k8s.io/v1alpha1']);

/** `<plural>.<group>/<version>` (core: `<plural>/v1`), the name used in `disabled` options. */
export function endpointName(e: Endpoint): string {
  return `${e.storage.plural}${e.group ? `.${e.group}` : ''}/${e.version}`;
}

/** The discovery entries (APIResourceList.resources) of one group/version, as B-11 shows them. */
export function discoveryResources(endpoints: readonly Endpoint[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const e of endpoints) {
    const s = e.storage;
    const entry: Record<string, unknown> = {
      name: s.plural,
      singularName: s.singular,
      namespaced: s.namespaced,
      kind: s.kind,
      verbs: s.namespaced ? verbsAll : verbsAll.filter((v) => v !== 'deletecollection'),
    };
    if (s.shortNames) entry.shortNames = [...s.shortNames];
    if (s.categories) entry.categories = [...s.categories];
    out.push(entry);
    if (s.statusSubresource) {
      out.push({ name: `${s.plural}/status`, singularName: '', namespaced: s.namespaced, kind: s.kind, verbs: ['get', 'patch', 'update'] });
    }
  }
  return out;
}

/** Deep copy with object keys sorted, as the API server returns custom resources. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return out;
}
