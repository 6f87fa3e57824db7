/**
 * A ClusterView built from parsed Kubernetes documents (YAML or JSON): for the lint command, the
 * local default run and tests. It knows Services (v1), ServiceImports (`multicluster.x-k8s.io`,
 * any version), ReferenceGrants (v1 and v1beta1),
 * HTTPRoutes and GRPCRoutes (for MR109), and Namespaces (labels for exemptions). `List` documents
 * are flattened; other kinds and malformed documents are ignored, never an error.
 */
import { parseAllDocuments } from 'yaml';
import type { AttachedRoute, ClusterView, ReferenceFrom, ReferenceTo, RouteInfo, ServiceImportInfo, ServiceInfo } from '../core/view.ts';
import { GATEWAY_GROUP, SERVICE_IMPORT_GROUP, SERVICE_IMPORT_KIND, dig, list, text } from '../gateway/index.ts';
import { serviceKey } from '../core/services.ts';
import { SharedValues, attachmentCovers, grantAllows, grantRules, labelsOf, meshAttachments, serviceImportInfo, serviceInfo, type Attachment, type GrantRules } from './objects.ts';

/** Manifests often leave the namespace out; `kubectl apply` would put them in `default`. */
const DEFAULT_NAMESPACE = 'default';

function namespaceOf(object: unknown): string {
  return text(dig(object, 'metadata', 'namespace')) || DEFAULT_NAMESPACE;
}

/** A route's mesh attachment, with the route it belongs to. */
interface RouteAttachment extends Attachment {
  readonly route: AttachedRoute;
}

function routeAttachments(kind: RouteInfo['kind'], object: unknown): RouteAttachment[] {
  const name = text(dig(object, 'metadata', 'name'));
  if (name === undefined) return [];
  const route: AttachedRoute = { kind, namespace: namespaceOf(object), name, object };
  return meshAttachments(object, DEFAULT_NAMESPACE).map((attachment) => ({ ...attachment, route }));
}

function flatten(documents: readonly unknown[]): unknown[] {
  return documents.flatMap((d) => (dig(d, 'kind') === 'List' ? list(dig(d, 'items')) : [d]));
}

/** Builds the view from parsed documents. Later documents replace earlier ones with the same key. */
export function staticView(documents: readonly unknown[]): ClusterView {
  const services = new Map<string, ServiceInfo>();
  const serviceImports = new Map<string, ServiceImportInfo>();
  const grantsByNamespace = new Map<string, GrantRules[]>();
  const routes = new Map<string, RouteAttachment[]>();
  const namespaces = new Map<string, Readonly<Record<string, string>>>();
  const shared = new SharedValues();
  for (const object of flatten(documents)) {
    const kind = dig(object, 'kind');
    const apiVersion = text(dig(object, 'apiVersion')) ?? '';
    if (kind === 'Service' && apiVersion === 'v1') {
      const service = serviceInfo(object, DEFAULT_NAMESPACE, shared);
      if (service.name !== '') services.set(serviceKey(service.namespace, service.name), service);
    } else if (kind === SERVICE_IMPORT_KIND && apiVersion.startsWith(`${SERVICE_IMPORT_GROUP}/`)) {
      const serviceImport = serviceImportInfo(object, DEFAULT_NAMESPACE, shared);
      if (serviceImport.name !== '') serviceImports.set(serviceKey(serviceImport.namespace, serviceImport.name), serviceImport);
    } else if (kind === 'ReferenceGrant' && apiVersion.startsWith(`${GATEWAY_GROUP}/`)) {
      const namespace = namespaceOf(object);
      grantsByNamespace.set(namespace, [...(grantsByNamespace.get(namespace) ?? []), grantRules(object)]);
    } else if ((kind === 'HTTPRoute' || kind === 'GRPCRoute') && apiVersion.startsWith(`${GATEWAY_GROUP}/`)) {
      routes.set(`${kind}/${namespaceOf(object)}/${text(dig(object, 'metadata', 'name'))}`, routeAttachments(kind, object));
    } else if (kind === 'Namespace' && apiVersion === 'v1') {
      const name = text(dig(object, 'metadata', 'name'));
      if (name !== undefined) namespaces.set(name, labelsOf(object));
    }
  }
  // Routes indexed by Service once, so each lookup reads only the entries of its Service
  // (a scan of every route per admission was the cost that grew with the cluster).
  const attachmentsByService = new Map<string, RouteAttachment[]>();
  for (const attachment of [...routes.values()].flat()) {
    const key = serviceKey(attachment.serviceNamespace, attachment.service);
    const bucket = attachmentsByService.get(key) ?? [];
    bucket.push(attachment);
    attachmentsByService.set(key, bucket);
  }
  /** Each route with a mesh parentRef on the Service that serves `port` (`attachmentCovers`), once. */
  const attached = (namespace: string, service: string, port: number | undefined): AttachedRoute[] => {
    const found = new Set<AttachedRoute>();
    const info = services.get(serviceKey(namespace, service));
    for (const attachment of attachmentsByService.get(serviceKey(namespace, service)) ?? []) {
      if (!attachmentCovers(attachment, port, info)) continue;
      found.add(attachment.route);
    }
    return [...found];
  };
  return {
    service: (namespace, name) => services.get(serviceKey(namespace, name)),
    serviceImport: (namespace, name) => serviceImports.get(serviceKey(namespace, name)),
    referenceGrantAllows: (from: ReferenceFrom, to: ReferenceTo) =>
      (grantsByNamespace.get(to.namespace) ?? []).some((grant) => grantAllows(grant, from, to)),
    routesAttachedTo: (namespace, service, port) =>
      attached(namespace, service, port).map(({ kind, namespace: routeNamespace, name }) => ({ kind, namespace: routeNamespace, name })),
    attachedRoutes: attached,
    namespaceLabels: (namespace) => namespaces.get(namespace),
  };
}

/** Parses a multi-document YAML (or JSON) text and builds the view; documents that fail to parse are skipped. */
export function staticViewFromYaml(source: string): ClusterView {
  return staticView(parseAllDocuments(source).filter((d) => d.errors.length === 0).map((d) => d.toJS() as unknown));
}
