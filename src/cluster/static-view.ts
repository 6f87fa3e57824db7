/**
 * A ClusterView built from parsed Kubernetes documents (YAML or JSON): for the lint command, the
 * local default run and tests. It knows Services (v1), ReferenceGrants (v1 and v1beta1),
 * HTTPRoutes and GRPCRoutes (for MR109), and Namespaces (labels for exemptions). `List` documents
 * are flattened; other kinds and malformed documents are ignored, never an error.
 */
import { parseAllDocuments } from 'yaml';
import type { ClusterView, ReferenceFrom, ReferenceTo, RouteInfo, ServiceInfo, ServicePortInfo } from '../core/view.ts';
import { GATEWAY_GROUP, dig, integer, isMeshParent, list, record, text } from '../gateway/index.ts';

interface Grant {
  readonly namespace: string;
  readonly from: readonly { group: string; kind: string; namespace: string }[];
  readonly to: readonly { group: string; kind: string; name: string | undefined }[];
}

interface Attachment extends RouteInfo {
  readonly service: string;
  readonly serviceNamespace: string;
  readonly port: number | undefined;
}

const DEFAULT_NAMESPACE = 'default';

function namespaceOf(object: unknown): string {
  return text(dig(object, 'metadata', 'namespace')) || DEFAULT_NAMESPACE;
}

function readService(object: unknown): ServiceInfo | undefined {
  const name = text(dig(object, 'metadata', 'name'));
  if (name === undefined) return undefined;
  const ports: ServicePortInfo[] = list(dig(object, 'spec', 'ports')).flatMap((p) => {
    const port = integer(dig(p, 'port'));
    if (port === undefined) return [];
    const entry: { -readonly [K in keyof ServicePortInfo]: ServicePortInfo[K] } = { port };
    const portName = text(dig(p, 'name'));
    const protocol = text(dig(p, 'protocol'));
    const appProtocol = text(dig(p, 'appProtocol'));
    if (portName !== undefined) entry.name = portName;
    if (protocol !== undefined) entry.protocol = protocol;
    if (appProtocol !== undefined) entry.appProtocol = appProtocol;
    return [entry];
  });
  const clusterIP = text(dig(object, 'spec', 'clusterIP'));
  const service: ServiceInfo = {
    namespace: namespaceOf(object),
    name,
    type: text(dig(object, 'spec', 'type')) ?? 'ClusterIP',
    ports,
    ...(clusterIP === undefined ? {} : { clusterIP }),
  };
  return service;
}

function readGrant(object: unknown): Grant {
  return {
    namespace: namespaceOf(object),
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

function readAttachments(kind: RouteInfo['kind'], object: unknown): Attachment[] {
  const name = text(dig(object, 'metadata', 'name'));
  if (name === undefined) return [];
  const namespace = namespaceOf(object);
  return list(dig(object, 'spec', 'parentRefs')).flatMap((ref) => {
    const service = text(dig(ref, 'name'));
    if (!isMeshParent(ref) || service === undefined) return [];
    return [{ kind, namespace, name, service, serviceNamespace: text(dig(ref, 'namespace')) || namespace, port: integer(dig(ref, 'port')) }];
  });
}

function flatten(documents: readonly unknown[]): unknown[] {
  return documents.flatMap((d) => (dig(d, 'kind') === 'List' ? list(dig(d, 'items')) : [d]));
}

/** Builds the view from parsed documents. Later documents replace earlier ones with the same key. */
export function staticView(documents: readonly unknown[]): ClusterView {
  const services = new Map<string, ServiceInfo>();
  const grants: Grant[] = [];
  const routes = new Map<string, Attachment[]>();
  const namespaces = new Map<string, Readonly<Record<string, string>>>();
  for (const object of flatten(documents)) {
    const kind = dig(object, 'kind');
    const apiVersion = text(dig(object, 'apiVersion')) ?? '';
    if (kind === 'Service' && apiVersion === 'v1') {
      const service = readService(object);
      if (service !== undefined) services.set(`${service.namespace}/${service.name}`, service);
    } else if (kind === 'ReferenceGrant' && apiVersion.startsWith(`${GATEWAY_GROUP}/`)) {
      grants.push(readGrant(object));
    } else if ((kind === 'HTTPRoute' || kind === 'GRPCRoute') && apiVersion.startsWith(`${GATEWAY_GROUP}/`)) {
      routes.set(`${kind}/${namespaceOf(object)}/${text(dig(object, 'metadata', 'name'))}`, readAttachments(kind, object));
    } else if (kind === 'Namespace' && apiVersion === 'v1') {
      const name = text(dig(object, 'metadata', 'name'));
      const labels = record(dig(object, 'metadata', 'labels')) ?? {};
      const strings = Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
      if (name !== undefined) namespaces.set(name, strings);
    }
  }
  // Indexes built once, so each lookup reads only the entries of its namespace or Service
  // (a scan of every route per admission was the cost that grew with the cluster).
  const grantsByNamespace = new Map<string, Grant[]>();
  for (const grant of grants) {
    const bucket = grantsByNamespace.get(grant.namespace) ?? [];
    bucket.push(grant);
    grantsByNamespace.set(grant.namespace, bucket);
  }
  const attachmentsByService = new Map<string, Attachment[]>();
  for (const attachment of [...routes.values()].flat()) {
    const key = `${attachment.serviceNamespace}/${attachment.service}`;
    const bucket = attachmentsByService.get(key) ?? [];
    bucket.push(attachment);
    attachmentsByService.set(key, bucket);
  }
  return {
    service: (namespace, name) => services.get(`${namespace}/${name}`),
    referenceGrantAllows: (from: ReferenceFrom, to: ReferenceTo) =>
      (grantsByNamespace.get(to.namespace) ?? []).some(
        (g) =>
          g.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
          g.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name)),
      ),
    routesAttachedTo: (namespace, service, port) => {
      const found = new Map<string, RouteInfo>();
      for (const attachment of attachmentsByService.get(`${namespace}/${service}`) ?? []) {
        if (port !== undefined && attachment.port !== undefined && attachment.port !== port) continue;
        found.set(`${attachment.kind}/${attachment.namespace}/${attachment.name}`, {
          kind: attachment.kind,
          namespace: attachment.namespace,
          name: attachment.name,
        });
      }
      return [...found.values()];
    },
    namespaceLabels: (namespace) => namespaces.get(namespace),
  };
}

/** Parses a multi-document YAML (or JSON) text and builds the view; documents that fail to parse are skipped. */
export function staticViewFromYaml(source: string): ClusterView {
  return staticView(parseAllDocuments(source).filter((d) => d.errors.length === 0).map((d) => d.toJS() as unknown));
}
