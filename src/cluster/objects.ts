/**
 * What the cluster views keep of each object, and the references they index: one reading of
 * Services, ReferenceGrants and route attachments for the live view (watched objects) and the
 * static view (YAML documents). Every function here accepts any JSON (a malformed object must not
 * break a watch or a lint run): missing fields become empty values, never exceptions.
 */
import { portByName, serviceImportKey, serviceKey } from '../core/services.ts';
import type { ReferenceFrom, ReferenceTo, ServiceImportInfo, ServiceInfo, ServicePortInfo } from '../core/view.ts';
import { backendGroupKind, dig, integer, isCoreService, isMeshParent, isServiceImport, list, record, text } from '../gateway/index.ts';
import { Interner } from './interner.ts';

/** The metadata every cached object keeps: enough for the informer's bookkeeping. */
export interface SlimMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly resourceVersion?: string;
}

/** A Service as cached: only what the core reads (ServiceInfo). */
export interface CachedService {
  readonly metadata: SlimMeta;
  readonly info: ServiceInfo;
}

/** A ServiceImport as cached: its namespace, name and ports (ServiceImportInfo). */
export interface CachedServiceImport {
  readonly metadata: SlimMeta;
  readonly info: ServiceImportInfo;
}

/** A Namespace as cached: its labels only (namespaceSelector exemptions). */
export interface CachedNamespace {
  readonly metadata: SlimMeta & { readonly labels: Readonly<Record<string, string>> };
}

/** One ReferenceGrant's `from` and `to` lists (GEP-709). */
export interface GrantRules {
  readonly from: readonly { readonly group: string; readonly kind: string; readonly namespace: string }[];
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name: string | undefined }[];
}

/** A ReferenceGrant as cached. */
export interface CachedGrant extends GrantRules {
  readonly metadata: SlimMeta;
}

/** A route as cached: the whole object as the API server sent it, without managedFields. */
export interface CachedRoute {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: SlimMeta & Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/**
 * The values one view's cache shares between objects: many objects share a namespace, and many
 * Services a type and a port list, so one copy of each is kept. Bounded at 16,384 strings and
 * 4,096 port lists (the first ones seen), so a cluster whose values never repeat does not pay for
 * the maps. Each view MUST own its own: values are never shared between views.
 */
export class SharedValues {
  readonly #strings = new Interner<string>(16_384);
  readonly #portLists = new Interner<readonly ServicePortInfo[]>(4_096);

  /** The held copy of `value`. */
  string(value: string): string {
    return this.#strings.intern(value, value);
  }

  /** The held copy of a frozen port list equal to `ports`. */
  ports(ports: readonly ServicePortInfo[]): readonly ServicePortInfo[] {
    return this.#portLists.intern(JSON.stringify(ports), ports);
  }
}

function slimMeta(object: unknown, shared: SharedValues | undefined): SlimMeta {
  const name = text(dig(object, 'metadata', 'name')) ?? '';
  const namespace = text(dig(object, 'metadata', 'namespace'));
  const resourceVersion = text(dig(object, 'metadata', 'resourceVersion'));
  return {
    name,
    ...(namespace === undefined ? {} : { namespace: shared ? shared.string(namespace) : namespace }),
    ...(resourceVersion === undefined ? {} : { resourceVersion }),
  };
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(record(value) ?? {})) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The Service's (or ServiceImport's) ports, as a frozen list (with `shared`: one list for every Service with the same ports). */
function portsOf(object: unknown, shared: SharedValues | undefined): readonly ServicePortInfo[] {
  const ports: ServicePortInfo[] = [];
  for (const p of list(dig(object, 'spec', 'ports'))) {
    const port = integer(dig(p, 'port'));
    if (port === undefined) continue;
    const name = text(dig(p, 'name'));
    const protocol = text(dig(p, 'protocol'));
    const appProtocol = text(dig(p, 'appProtocol'));
    ports.push(Object.freeze({
      port,
      ...(name === undefined ? {} : { name }),
      ...(protocol === undefined ? {} : { protocol }),
      ...(appProtocol === undefined ? {} : { appProtocol }),
    }));
  }
  Object.freeze(ports);
  return shared ? shared.ports(ports) : ports;
}

/**
 * The ServiceInfo of a Service object; ports without a numeric `port` are left out. A Service
 * without `metadata.namespace` is read as in `defaultNamespace` (manifests often leave it out).
 * `clusterIP` is kept only when it is `None` (headless), the one value the rules read. With
 * `shared`, repeated values are that view's shared copies.
 */
export function serviceInfo(object: unknown, defaultNamespace = '', shared?: SharedValues): ServiceInfo {
  const headless = text(dig(object, 'spec', 'clusterIP')) === 'None';
  const namespace = text(dig(object, 'metadata', 'namespace')) || defaultNamespace;
  const type = text(dig(object, 'spec', 'type')) ?? 'ClusterIP';
  return {
    namespace: shared ? shared.string(namespace) : namespace,
    name: text(dig(object, 'metadata', 'name')) ?? '',
    type: shared ? shared.string(type) : type,
    ...(headless ? { clusterIP: 'None' } : {}),
    ports: portsOf(object, shared),
  };
}

export function slimService(object: unknown, shared: SharedValues): CachedService {
  return { metadata: slimMeta(object, shared), info: serviceInfo(object, '', shared) };
}

/** A ServiceImport object's namespace, name and `spec.ports`. */
export function serviceImportInfo(object: unknown, defaultNamespace = '', shared?: SharedValues): ServiceImportInfo {
  const namespace = text(dig(object, 'metadata', 'namespace')) || defaultNamespace;
  return {
    namespace: shared ? shared.string(namespace) : namespace,
    name: text(dig(object, 'metadata', 'name')) ?? '',
    ports: portsOf(object, shared),
  };
}

export function slimServiceImport(object: unknown, shared: SharedValues): CachedServiceImport {
  return { metadata: slimMeta(object, shared), info: serviceImportInfo(object, '', shared) };
}

export function slimNamespace(object: unknown, shared: SharedValues): CachedNamespace {
  return { metadata: { ...slimMeta(object, shared), labels: labelsOf(object) } };
}

/** An object's labels; values that are not strings are left out. */
export function labelsOf(object: unknown): Record<string, string> {
  return stringMap(dig(object, 'metadata', 'labels'));
}

export function slimGrant(object: unknown, shared: SharedValues): CachedGrant {
  return { metadata: slimMeta(object, shared), ...grantRules(object) };
}

/** The `from` and `to` lists of a ReferenceGrant object. */
export function grantRules(object: unknown): GrantRules {
  return {
    from: list(dig(object, 'spec', 'from')).map((f) => ({
      group: text(dig(f, 'group')) ?? '',
      kind: text(dig(f, 'kind')) ?? '',
      namespace: text(dig(f, 'namespace')) ?? '',
    })),
    to: list(dig(object, 'spec', 'to')).map((t) => ({
      group: text(dig(t, 'group')) ?? '',
      kind: text(dig(t, 'kind')) ?? '',
      name: text(dig(t, 'name')),
    })),
  };
}

/**
 * True when the grant (which lives in `to.namespace`) allows the reference: some `from` entry
 * names the referrer's group, kind and namespace, and some `to` entry the target's group and
 * kind, with no name (every object of that kind) or the target's name.
 */
export function grantAllows(grant: GrantRules, from: ReferenceFrom, to: ReferenceTo): boolean {
  return (
    grant.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
    grant.to.some((t) => t.group === to.group && t.kind === to.kind && (!t.name || t.name === to.name))
  );
}

/** kubectl's client-side apply keeps the whole object again, as JSON text, in this annotation. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The route without `metadata.managedFields` and without kubectl's last-applied annotation: each
 * is often larger than the route itself, and nothing reads them from the cache (status is written
 * with a merge patch of `status` alone, which leaves metadata as it is).
 */
export function slimRoute(object: unknown, shared?: SharedValues): CachedRoute {
  const whole = record(object) ?? {};
  const { managedFields: _dropped, ...metadata } = record(whole.metadata) ?? {};
  const annotations = record(metadata.annotations);
  if (annotations !== undefined && Object.hasOwn(annotations, LAST_APPLIED)) {
    const { [LAST_APPLIED]: _applied, ...rest } = annotations;
    return { ...whole, metadata: { ...metadata, annotations: rest, ...slimMeta(object, shared) } };
  }
  return { ...whole, metadata: { ...metadata, ...slimMeta(object, shared) } };
}

/** A mesh parentRef of a route: the Service it attaches to and the port it covers (undefined: all). */
export interface Attachment {
  readonly serviceNamespace: string;
  readonly service: string;
  readonly port: number | undefined;
  readonly sectionName: string | undefined;
}

/**
 * True when the attachment serves `port` of its Service (any port when `port` is undefined). A
 * parentRef with a port serves that port; one with only a sectionName, the Service port of that
 * name (none while the Service or the name is unknown); one with neither, every port.
 */
export function attachmentCovers(attachment: Attachment, port: number | undefined, service: ServiceInfo | undefined): boolean {
  if (port === undefined) return true;
  if (attachment.port !== undefined) return attachment.port === port;
  if (attachment.sectionName !== undefined) return service !== undefined && portByName(service, attachment.sectionName)?.port === port;
  return true;
}

/** The route's mesh parents (group "" and kind Service), the namespace defaulting to the route's. */
export function meshAttachments(route: unknown, defaultNamespace = ''): Attachment[] {
  const namespace = text(dig(route, 'metadata', 'namespace')) || defaultNamespace;
  return list(dig(route, 'spec', 'parentRefs')).flatMap((ref) => {
    const service = text(dig(ref, 'name'));
    if (!isMeshParent(ref) || service === undefined) return [];
    return [{ serviceNamespace: text(dig(ref, 'namespace')) || namespace, service, port: integer(dig(ref, 'port')), sectionName: text(dig(ref, 'sectionName')) }];
  });
}


/**
 * Keys of every core Service (`namespace/name`) and ServiceImport (`serviceImportKey`) the route
 * names: parentRefs of kind Service (in any group, so MR101's misgrouped parent is requeued too),
 * backendRefs of rules and of requestMirror filters at rule and backendRef level.
 */
export function namedServices(route: unknown): Set<string> {
  const namespace = text(dig(route, 'metadata', 'namespace')) ?? '';
  const keys = new Set<string>();
  const add = (ref: unknown, key: (namespace: string, name: string) => string): void => {
    const name = text(dig(ref, 'name'));
    if (name !== undefined) keys.add(key(text(dig(ref, 'namespace')) || namespace, name));
  };
  const addBackend = (ref: unknown): void => {
    const { group, kind } = backendGroupKind(ref);
    if (isCoreService(group, kind)) add(ref, serviceKey);
    else if (isServiceImport(group, kind)) add(ref, serviceImportKey);
  };
  for (const ref of list(dig(route, 'spec', 'parentRefs'))) if (text(dig(ref, 'kind')) === 'Service') add(ref, serviceKey);
  const mirrors = (filters: unknown): void => {
    for (const filter of list(filters)) {
      const mirror = dig(filter, 'requestMirror', 'backendRef');
      if (mirror !== undefined) addBackend(mirror);
    }
  };
  for (const rule of list(dig(route, 'spec', 'rules'))) {
    mirrors(dig(rule, 'filters'));
    for (const backend of list(dig(rule, 'backendRefs'))) {
      addBackend(backend);
      mirrors(dig(backend, 'filters'));
    }
  }
  return keys;
}
