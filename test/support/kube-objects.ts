/**
 * Objects on a real API server by apiVersion, kind, namespace and name, through the project's
 * KubeClient: what the fake's direct store calls (`create`, `read`, `replace`, `remove`, `list`)
 * do, but over HTTPS as any client would, so the server's defaulting, validation and
 * resourceVersion rules apply. Only the kinds the tests use are known; another kind is an error
 * naming it.
 */
import { ApiException } from '@kubernetes/client-node';
import type { KubeClient } from '../../src/kube/client.ts';
import type { KubeObject } from './apiserver/index.ts';

/** An object by apiVersion, kind, namespace (namespaced kinds) and name. */
export interface KubeRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

const plurals: Readonly<Record<string, { plural: string; namespaced: boolean }>> = {
  Namespace: { plural: 'namespaces', namespaced: false },
  Service: { plural: 'services', namespaced: true },
  ConfigMap: { plural: 'configmaps', namespaced: true },
  Event: { plural: 'events', namespaced: true },
  Lease: { plural: 'leases', namespaced: true },
  HTTPRoute: { plural: 'httproutes', namespaced: true },
  GRPCRoute: { plural: 'grpcroutes', namespaced: true },
  ReferenceGrant: { plural: 'referencegrants', namespaced: true },
};

function collectionPath(apiVersion: string, kind: string, namespace: string | undefined): string {
  const known = plurals[kind];
  if (!known) throw new Error(`kube-objects: unknown kind ${kind}; add its plural to test/support/kube-objects.ts`);
  const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  if (!known.namespaced) return `${root}/${known.plural}`;
  if (!namespace) throw new Error(`kube-objects: ${kind} is namespaced; give metadata.namespace`);
  return `${root}/namespaces/${encodeURIComponent(namespace)}/${known.plural}`;
}

function refOf(object: KubeObject): KubeRef {
  return { apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '' };
}

function itemPath(ref: KubeRef, subresource?: 'status'): string {
  return `${collectionPath(ref.apiVersion, ref.kind, ref.namespace)}/${encodeURIComponent(ref.name)}${subresource ? `/${subresource}` : ''}`;
}

export class KubeObjects {
  readonly #kube: KubeClient;

  constructor(kube: KubeClient) {
    this.#kube = kube;
  }

  /** POSTs the object; resolves to it as stored (defaults, uid, resourceVersion). */
  async create(object: KubeObject): Promise<KubeObject> {
    return (await this.#kube.request({ method: 'POST', path: collectionPath(object.apiVersion, object.kind, object.metadata.namespace), body: object })) as KubeObject;
  }

  /** Creates every object, `concurrency` at a time, in order of the array within each batch. */
  async createAll(objects: readonly KubeObject[], concurrency = 16): Promise<void> {
    for (let i = 0; i < objects.length; i += concurrency) await Promise.all(objects.slice(i, i + concurrency).map((o) => this.create(o)));
  }

  /** The object, or undefined when the server answers 404. */
  async read(ref: KubeRef): Promise<KubeObject | undefined> {
    try {
      return (await this.#kube.request({ method: 'GET', path: itemPath(ref) })) as KubeObject;
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw error;
    }
  }

  /** Every object of a kind (of one namespace when given), all pages. */
  async list(apiVersion: string, kind: string, namespace?: string): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let token = '';
    do {
      const query = `?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
      const page = (await this.#kube.request({ method: 'GET', path: `${collectionPath(apiVersion, kind, namespace)}${query}` })) as { items: KubeObject[]; metadata: { continue?: string } };
      for (const item of page.items) items.push({ ...item, apiVersion, kind });
      token = page.metadata.continue ?? '';
    } while (token);
    return items;
  }

  /**
   * PUTs the object (or its status with `subresource: 'status'`). Without
   * `metadata.resourceVersion` the current one is read first, as custom resources and Leases
   * refuse an unconditional PUT; with one, a stale version is the server's 409.
   */
  async replace(object: KubeObject, options: { subresource?: 'status' } = {}): Promise<KubeObject> {
    let body = object;
    if (!object.metadata.resourceVersion) {
      const current = await this.read(refOf(object));
      if (!current) throw new Error(`kube-objects: ${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''} does not exist`);
      body = { ...object, metadata: { ...object.metadata, resourceVersion: current.metadata.resourceVersion } };
    }
    return (await this.#kube.request({ method: 'PUT', path: itemPath(refOf(object), options.subresource), body })) as KubeObject;
  }

  /** A JSON merge patch (RFC 7386: lists are replaced whole) of the object or its status; no resourceVersion precondition. */
  async patch(ref: KubeRef, body: Record<string, unknown>, options: { subresource?: 'status' } = {}): Promise<KubeObject> {
    return (await this.#kube.request({ method: 'PATCH', path: itemPath(ref, options.subresource), body, contentType: 'application/merge-patch+json' })) as KubeObject;
  }

  /** DELETEs the object. */
  async remove(ref: KubeRef): Promise<void> {
    await this.#kube.request({ method: 'DELETE', path: itemPath(ref) });
  }
}
