/**
 * A Kubernetes API server on loopback for tests: real HTTPS (self-signed certificate), bearer-token
 * auth, discovery, get/list/watch/create/update/patch/delete and the `/status` subresource for the
 * resources in `resources.ts`, with responses shaped like ../shared/fixtures/kube-apiserver-1.32.
 *
 * Behaviour the clients can see, and where it differs from a real server:
 * - resourceVersion is one counter for the whole store; a write that changes nothing is not stored.
 * - list: `limit`/`continue` (pages are consistent: later pages come from the first page's
 *   snapshot), `labelSelector`, `fieldSelector` (metadata.name, metadata.namespace),
 *   `resourceVersionMatch=Exact` below the compaction point is 410. Other lists serve the latest state.
 * - watch: JSON lines; no resourceVersion (or "0") replays the current objects as ADDED first; an
 *   older resourceVersion than the compaction point gets HTTP 200 and one 410 ERROR event (B-04);
 *   bookmarks carry the newest resourceVersion of the watched resource (as ../shared/envtest's
 *   real server does: its watch cache hears of no other kind's changes, etcd sends no progress
 *   notifications), only when newer than what the watch already saw, every `bookmarkIntervalMs`
 *   or on `sendBookmarks()` (the real server sends them as a watch nears its timeout); the stream
 *   ends at `timeoutSeconds` (default `watchTimeoutSeconds`).
 * - as ../shared/envtest's real server: custom resources and Leases refuse a PUT without
 *   resourceVersion (422), a POST carrying one is a 500, a strategic merge patch of a custom
 *   resource is 415, status is the server's on create (Services, Namespaces, CRs with the
 *   subresource), route status conditions need every metav1.Condition field, and a Service's
 *   clusterIP must lie in 10.96.0.0/16 (422 otherwise).
 * - no finalizers, no graceful deletion, no server-side apply, no other field validation (no CEL,
 *   no pruning of unknown fields), no RBAC; NamespaceLifecycle only with `namespaceLifecycle`.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { KubeConfig } from '@kubernetes/client-node';
import { generate } from 'selfsigned';
import { PatchError, jsonPatch, mergePatch } from './patch.ts';
import {
  allEndpoints, discoveryResources, endpointName, optInEndpoints, sortKeysDeep, storages,
  type Endpoint, type KubeObject, type Storage,
} from './resources.ts';
import { SelectorError, parseFieldSelector, parseLabelSelector, type Selector } from './selectors.ts';
import {
  ApiError, badRequest, continueExpired, injected, invalid, listTooOld, methodNotAllowed, notFound,
  resourceVersionOnCreate, resourceVersionRequired, unauthorized, unsupportedMediaType, watchTooOld, type StatusBody,
} from './status.ts';
import { Store, type StoreEvent } from './store.ts';

export interface ApiServerOptions {
  /** The bearer token clients must send; random when omitted. */
  readonly token?: string;
  /** Objects present from the start, in any served version's form. */
  readonly objects?: readonly KubeObject[];
  /** Server-side watch timeout when the client sends no `timeoutSeconds` (default 1800, the real minimum). */
  readonly watchTimeoutSeconds?: number;
  /** How often watches that allow bookmarks get one (default 60 000 ms, as observed in B-03). */
  readonly bookmarkIntervalMs?: number;
  /** Endpoints not to serve, as `<plural>.<group>/<version>` (core: `services/v1`), e.g. `referencegrants.gateway.networking.k8s.io/v1`. */
  readonly disabled?: readonly string[];
  /** Optional CRDs' endpoints to serve (same names), e.g. `serviceimports.multicluster.x-k8s.io/v1alpha1`. */
  readonly enabled?: readonly string[];
  /** The first resourceVersion (default 100). */
  readonly firstResourceVersion?: number;
  /**
   * As kube-apiserver's NamespaceLifecycle admission: a POST of a namespaced object into a
   * namespace that has no Namespace object is refused with 404 `namespaces "NAME" not found`.
   * Off by default (most tests create objects without their Namespace).
   */
  readonly namespaceLifecycle?: boolean;
}

/** One request as the server saw it, for counting API calls. */
export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  /** get, list, watch, create, update, patch, delete, deletecollection, or discovery. */
  readonly verb: string;
  /** Plural resource name (`services`, `httproutes`), empty for discovery. */
  readonly resource: string;
  readonly group: string;
  readonly version: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  /** The HTTP status answered (200 for a watch that streams). */
  status: number;
}

/** What `count()`, `inject()` and `dropWatches()` match on; every given field must match. */
export interface RequestFilter {
  readonly method?: string;
  readonly verb?: string;
  readonly resource?: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
  /** A prefix of the URL path, or a pattern tested against it. */
  readonly path?: string | RegExp;
}

export interface InjectedFault extends RequestFilter {
  /** Answer this HTTP status with a Status body instead of serving the request. */
  readonly status?: number;
  /** Custom body (JSON) for `status`; default: a Status object with the usual reason. */
  readonly body?: unknown;
  /** Wait this long before answering (with `status`, or normally when `status` is absent). */
  readonly delayMs?: number;
  /** How many matching requests get the fault (default 1; Infinity for all). */
  readonly times?: number;
}

/** A running loopback API server. Every method is safe to call while requests are in flight. */
export interface ApiServer {
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  readonly token: string;
  /** The PEM certificate the server presents (self-signed: it is its own CA). */
  readonly ca: string;
  /** The store's newest resourceVersion. */
  readonly resourceVersion: number;
  /** Every request so far, oldest first (until `resetRequests()`). */
  readonly requests: readonly RequestRecord[];

  /** Creates an object as a POST would (defaults, uid, resourceVersion, ADDED event). Returns it in the given version. */
  create(object: KubeObject): KubeObject;
  /** Replaces an object as a PUT without resourceVersion would (unless one is given). */
  replace(object: KubeObject, options?: { subresource?: 'status' }): KubeObject;
  /** Creates the object, or replaces it when it exists. */
  apply(object: KubeObject): KubeObject;
  /** Deletes an object; throws ApiError 404 when absent. */
  remove(ref: ObjectRef): KubeObject;
  /** The object in the given version, or undefined. */
  read(ref: ObjectRef): KubeObject | undefined;
  /** All objects of a kind (optionally one namespace), in the given version. */
  list(apiVersion: string, kind: string, namespace?: string): KubeObject[];

  /** Destroys the sockets of open watches (a dropped connection); returns how many. */
  dropWatches(filter?: RequestFilter): number;
  /** Ends open watches cleanly, as the server-side timeout does; returns how many. */
  endWatches(filter?: RequestFilter): number;
  /** Open watch streams (matching `filter`). */
  openWatches(filter?: RequestFilter): number;
  /** Sends a BOOKMARK now to every watch that allows them and has not seen the newest version. */
  sendBookmarks(): void;
  /** Simulated compaction: watches and continue tokens older than `resourceVersion` (default: now) get 410. */
  compact(resourceVersion?: number): void;
  /** The next `times` requests matching the fault's filter get its status and/or delay. */
  inject(fault: InjectedFault): void;
  clearInjections(): void;
  /** Requests matching `filter` since the last reset. */
  count(filter?: RequestFilter): number;
  resetRequests(): void;

  /** A client-node KubeConfig pointing at this server (CA and token included). */
  kubeConfig(): KubeConfig;
  /** The same as kubeconfig YAML (JSON, which is YAML). */
  kubeconfigYaml(): string;
  /** Writes the kubeconfig to `path`. */
  writeKubeconfig(path: string): Promise<void>;
  /** Stops listening, destroys open connections and timers. Idempotent. */
  close(): Promise<void>;
}

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

interface Route {
  readonly endpoint: Endpoint;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

interface WatchStream {
  readonly record: RequestRecord;
  readonly res: ServerResponse;
  readonly bookmarks: boolean;
  readonly endpoint: Endpoint;
  lastSent: number;
}

interface ListSnapshot {
  readonly items: KubeObject[];
}

function matchesFilter(record: RequestRecord, filter: RequestFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.method !== undefined && filter.method.toUpperCase() !== record.method) return false;
  if (filter.verb !== undefined && filter.verb !== record.verb) return false;
  if (filter.resource !== undefined && filter.resource !== record.resource) return false;
  if (filter.subresource !== undefined && filter.subresource !== record.subresource) return false;
  if (filter.namespace !== undefined && filter.namespace !== record.namespace) return false;
  if (filter.name !== undefined && filter.name !== record.name) return false;
  if (typeof filter.path === 'string' && !record.path.startsWith(filter.path)) return false;
  if (filter.path instanceof RegExp && !filter.path.test(record.path)) return false;
  return true;
}

function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; start: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { rv, start } = parsed as Record<string, unknown>;
    return typeof rv === 'number' && typeof start === 'string' ? { rv, start } : undefined;
  } catch {
    return undefined;
  }
}

function objectKey(storage: Storage, object: KubeObject): string {
  return storage.namespaced ? `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}` : (object.metadata.name ?? '');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts a loopback API server on 127.0.0.1 with a random port. */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const pems = await generate([{ name: 'commonName', value: 'kube-apiserver-loopback' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  const disabled = new Set(options.disabled ?? []);
  const enabled = new Set(options.enabled ?? []);
  const endpoints = allEndpoints.filter((e) => !disabled.has(endpointName(e)) && (!optInEndpoints.has(endpointName(e)) || enabled.has(endpointName(e))));
  const store = new Store(options.firstResourceVersion);
  const watchTimeoutSeconds = options.watchTimeoutSeconds ?? 1800;
  let requests: RequestRecord[] = [];
  let faults: { fault: InjectedFault; left: number }[] = [];
  const watches = new Set<WatchStream>();
  const sockets = new Set<Socket>();
  const snapshots = new Map<string, ListSnapshot>();
  let closed = false;

  /** The served endpoint for an apiVersion and kind (first match), for the direct store API. */
  function endpointFor(apiVersion: string, kind: string): Endpoint {
    const found = allEndpoints.find((e) => e.groupVersion === apiVersion && e.storage.kind === kind);
    if (!found) throw new Error(`the loopback API server does not serve ${apiVersion} ${kind}`);
    return found;
  }

  /** Storage form to the wire form of `endpoint` (core: kind and apiVersion first; CRs: sorted keys). */
  function present(endpoint: Endpoint, object: KubeObject, asListItem = false): unknown {
    const converted = endpoint.toVersion(object);
    if (endpoint.storage.custom) return sortKeysDeep(converted);
    const { kind, apiVersion, metadata, ...rest } = converted;
    return asListItem ? { metadata, ...rest } : { kind, apiVersion, metadata, ...rest };
  }

  // ---- routing ----

  function findEndpoint(group: string, version: string, plural: string): Endpoint | undefined {
    return endpoints.find((e) => e.group === group && e.version === version && e.storage.plural === plural);
  }

  function route(group: string, version: string, segments: readonly string[]): Route | undefined {
    const [a, b, c, d, e, ...extra] = segments;
    if (extra.length > 0 || a === undefined) return undefined;
    if (a === 'namespaces' && b !== undefined && c !== undefined && c !== 'status') {
      const endpoint = findEndpoint(group, version, c);
      if (!endpoint || !endpoint.storage.namespaced) return undefined;
      if (e !== undefined && (e !== 'status' || !endpoint.storage.statusSubresource)) return undefined;
      return { endpoint, namespace: b, name: d, subresource: e };
    }
    const endpoint = findEndpoint(group, version, a);
    if (!endpoint || d !== undefined) return undefined;
    if (c !== undefined && (c !== 'status' || !endpoint.storage.statusSubresource)) return undefined;
    if (endpoint.storage.namespaced && b !== undefined) return undefined;
    return { endpoint, namespace: undefined, name: b, subresource: c };
  }

  // ---- responses ----

  function sendJson(res: ServerResponse, record: RequestRecord, status: number, body: unknown): void {
    record.status = status;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  function sendStatus(res: ServerResponse, record: RequestRecord, body: StatusBody): void {
    sendJson(res, record, body.code, body);
  }

  function pageNotFound(res: ServerResponse, record: RequestRecord): void {
    record.status = 404;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('404 page not found');
  }

  // ---- discovery ----

  function groupVersions(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const e of endpoints) {
      if (!e.group) continue;
      const versions = groups.get(e.group) ?? [];
      if (!versions.includes(e.version)) versions.push(e.version);
      groups.set(e.group, versions);
    }
    return groups;
  }

  function apiGroup(name: string, versions: readonly string[]): Record<string, unknown> {
    const entries = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
    return { name, versions: entries, preferredVersion: entries[0] };
  }

  function discovery(segments: readonly string[], res: ServerResponse, record: RequestRecord, address: string): boolean {
    const [root, group, version] = segments;
    if (root === 'version' && segments.length === 1) {
      sendJson(res, record, 200, {
        major: '1', minor: '32', gitVersion: 'v1.32.13', gitCommit: 'loopback', gitTreeState: 'clean',
        buildDate: '2026-11-22T08:33:35Z', goVersion: 'go1.23.5', compiler: 'gc', platform: 'linux/amd64',
      });
      return true;
    }
    if (root === 'api' && segments.length === 1) {
      sendJson(res, record, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }] });
      return true;
    }
    if (root === 'api' && group === 'v1' && segments.length === 2) {
      sendJson(res, record, 200, { kind: 'APIResourceList', groupVersion: 'v1', resources: discoveryResources(endpoints.filter((e) => e.group === '')) });
      return true;
    }
    if (root !== 'apis') return false;
    const groups = groupVersions();
    if (segments.length === 1) {
      sendJson(res, record, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups].map(([name, versions]) => apiGroup(name, versions)) });
      return true;
    }
    const versions = group === undefined ? undefined : groups.get(group);
    if (!versions) return false;
    if (segments.length === 2) {
      sendJson(res, record, 200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group ?? '', versions) });
      return true;
    }
    if (segments.length === 3 && version !== undefined && versions.includes(version)) {
      sendJson(res, record, 200, {
        kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`,
        resources: discoveryResources(endpoints.filter((e) => e.group === group && e.version === version)),
      });
      return true;
    }
    return false;
  }

  // ---- list ----

  function selectors(query: URLSearchParams, route: Route): Selector {
    const label = parseLabelSelector(query.get('labelSelector'));
    const field = parseFieldSelector(query.get('fieldSelector'));
    const ns = route.namespace;
    return (o) => (ns === undefined || o.metadata.namespace === ns) && label(o) && field(o);
  }

  function handleList(query: URLSearchParams, r: Route, res: ServerResponse, record: RequestRecord): void {
    const { endpoint } = r;
    const storage = endpoint.storage;
    const matches = selectors(query, r);
    const snapshotKey = `${endpointName(endpoint)}|${r.namespace ?? ''}|${query.get('labelSelector') ?? ''}|${query.get('fieldSelector') ?? ''}`;
    const limit = Number(query.get('limit') ?? '0');
    const token = query.get('continue');
    let items: KubeObject[];
    let listRv: number;
    let start = '';
    if (token) {
      const decoded = decodeContinue(token);
      if (!decoded) return sendStatus(res, record, badRequest(`invalid continue token`));
      start = decoded.start;
      if (decoded.rv !== -1 && decoded.rv < store.oldestResourceVersion) {
        return sendStatus(res, record, continueExpired(encodeContinue(-1, decoded.start)));
      }
      const snapshot = decoded.rv === -1 ? undefined : snapshots.get(`${snapshotKey}|${decoded.rv}`);
      items = snapshot?.items ?? store.list(storage).filter(matches);
      listRv = decoded.rv === -1 ? store.resourceVersion : decoded.rv;
    } else {
      const rv = query.get('resourceVersion');
      if (query.get('resourceVersionMatch') === 'Exact' && rv !== null && Number(rv) < store.oldestResourceVersion) {
        return sendStatus(res, record, listTooOld());
      }
      items = store.list(storage).filter(matches);
      listRv = store.resourceVersion;
    }
    const remaining = start ? items.filter((o) => objectKey(storage, o) > start) : items;
    const page = limit > 0 ? remaining.slice(0, limit) : remaining;
    const metadata: Record<string, unknown> = { resourceVersion: String(listRv) };
    const last = page.at(-1);
    if (limit > 0 && remaining.length > page.length && last) {
      metadata.continue = encodeContinue(listRv, `${objectKey(storage, last)}\u0000`);
      metadata.remainingItemCount = remaining.length - page.length;
      if (!snapshots.has(`${snapshotKey}|${listRv}`)) {
        snapshots.set(`${snapshotKey}|${listRv}`, { items });
        if (snapshots.size > 32) snapshots.delete(snapshots.keys().next().value ?? '');
      }
    } else if (storage.custom) {
      metadata.continue = '';
    }
    const body = {
      kind: `${storage.kind}List`,
      apiVersion: endpoint.groupVersion,
      metadata,
      items: page.map((o) => present(endpoint, o, true)),
    };
    sendJson(res, record, 200, storage.custom ? sortKeysDeep(body) : body);
  }

  // ---- watch ----

  function bookmark(stream: WatchStream): void {
    const rv = store.newestResourceVersion(stream.endpoint.storage);
    if (rv <= stream.lastSent) return;
    const s = stream.endpoint.storage;
    const object = s.custom
      ? { apiVersion: stream.endpoint.groupVersion, kind: s.kind, metadata: { resourceVersion: String(rv) } }
      : { kind: s.kind, apiVersion: stream.endpoint.groupVersion, metadata: { resourceVersion: String(rv), creationTimestamp: null }, ...s.bookmarkExtra };
    stream.lastSent = rv;
    stream.res.write(`${JSON.stringify({ type: 'BOOKMARK', object })}\n`);
  }

  function handleWatch(query: URLSearchParams, r: Route, req: IncomingMessage, res: ServerResponse, record: RequestRecord): void {
    const { endpoint } = r;
    const matches = selectors(query, r);
    const rvParam = query.get('resourceVersion') ?? '';
    const timeoutParam = query.get('timeoutSeconds');
    const timeoutSeconds = timeoutParam !== null ? Number(timeoutParam) : watchTimeoutSeconds;
    let backlog: readonly StoreEvent[] = [];
    let initial: KubeObject[] = [];
    let startRv = store.resourceVersion;
    if (rvParam === '' || rvParam === '0') {
      initial = store.list(endpoint.storage).filter(matches);
    } else {
      const from = Number(rvParam);
      if (!Number.isInteger(from)) return sendStatus(res, record, badRequest(`invalid resource version: ${rvParam}`));
      const since = store.eventsSince(from);
      record.status = 200;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
      if (!since) {
        res.end(`${JSON.stringify({ type: 'ERROR', object: watchTooOld(rvParam, store.oldestResourceVersion) })}\n`);
        return;
      }
      backlog = since;
      startRv = from;
    }
    if (!res.headersSent) {
      record.status = 200;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
    }
    res.flushHeaders();
    const stream: WatchStream = { record, res, bookmarks: query.get('allowWatchBookmarks') === 'true' || query.get('allowWatchBookmarks') === '1', endpoint, lastSent: startRv };
    const write = (type: string, object: KubeObject, rv: number): void => {
      stream.lastSent = Math.max(stream.lastSent, rv);
      res.write(`${JSON.stringify({ type, object: present(endpoint, object) })}\n`);
    };
    const deliver = (event: StoreEvent): void => {
      if (event.storage !== endpoint.storage) return;
      const now = event.type !== 'DELETED' && matches(event.object);
      const before = event.previous !== undefined && matches(event.previous);
      if (event.type === 'ADDED' && now) write('ADDED', event.object, event.resourceVersion);
      else if (event.type === 'MODIFIED' && now) write(before ? 'MODIFIED' : 'ADDED', event.object, event.resourceVersion);
      else if (event.type === 'MODIFIED' && before) write('DELETED', event.object, event.resourceVersion);
      else if (event.type === 'DELETED' && before) write('DELETED', event.object, event.resourceVersion);
    };
    for (const object of initial) write('ADDED', object, Number(object.metadata.resourceVersion));
    for (const event of backlog) deliver(event);
    const unsubscribe = store.subscribe(deliver);
    watches.add(stream);
    const timer = setTimeout(() => res.end(), Math.max(0, timeoutSeconds) * 1000);
    timer.unref();
    const cleanup = (): void => {
      clearTimeout(timer);
      unsubscribe();
      watches.delete(stream);
    };
    res.on('close', cleanup);
    req.on('close', () => {
      if (!res.writableEnded) res.end();
    });
  }

  // ---- writes ----

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(badRequest('the request body is not valid JSON'));
    }
  }

  function asObject(body: unknown, endpoint: Endpoint, r: Route): KubeObject {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(badRequest('the body must be a JSON object'));
    const object = { ...(body as Record<string, unknown>) } as KubeObject;
    object.metadata = { ...(object.metadata ?? {}) };
    if (object.apiVersion !== undefined && object.apiVersion !== endpoint.groupVersion) {
      throw new ApiError(badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${endpoint.groupVersion})`));
    }
    if (object.kind !== undefined && object.kind !== endpoint.storage.kind) {
      throw new ApiError(badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${endpoint.storage.kind})`));
    }
    object.apiVersion = endpoint.groupVersion;
    object.kind = endpoint.storage.kind;
    if (endpoint.storage.namespaced) {
      if (object.metadata.namespace && object.metadata.namespace !== r.namespace) {
        throw new ApiError(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
      }
      object.metadata.namespace = r.namespace;
    }
    if (r.name !== undefined && object.metadata.name !== undefined && object.metadata.name !== r.name) {
      throw new ApiError(badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${r.name})`));
    }
    if (r.name !== undefined) object.metadata.name = r.name;
    return object;
  }

  function manager(query: URLSearchParams, req: IncomingMessage): string {
    return query.get('fieldManager') ?? (req.headers['user-agent'] ?? 'unknown').split('/')[0] ?? 'unknown';
  }

  async function handle(req: IncomingMessage, res: ServerResponse, record: RequestRecord, url: URL): Promise<void> {
    const segments = url.pathname.split('/').filter((s) => s !== '');
    if (req.method === 'GET' && discovery(segments, res, record, `127.0.0.1:${port}`)) return;
    let group = '';
    let version = '';
    let rest: string[] = [];
    if (segments[0] === 'api' && segments.length >= 3) [version = '', ...rest] = segments.slice(1);
    else if (segments[0] === 'apis' && segments.length >= 4) [group = '', version = '', ...rest] = segments.slice(1);
    const r = version ? route(group, version, rest) : undefined;
    if (!r) return pageNotFound(res, record);
    const { endpoint } = r;
    const storage = endpoint.storage;
    const query = url.searchParams;
    const dryRun = query.getAll('dryRun').includes('All');
    const method = req.method ?? 'GET';
    const collection = r.name === undefined;
    if (method === 'GET' && collection) {
      if (query.get('watch') === 'true' || query.get('watch') === '1') return handleWatch(query, r, req, res, record);
      return handleList(query, r, res, record);
    }
    if (method === 'GET') {
      const object = store.get(storage, r.namespace, r.name ?? '');
      if (!object) return sendStatus(res, record, notFound(storage, r.name ?? ''));
      return sendJson(res, record, 200, present(endpoint, object));
    }
    if (method === 'POST' && collection && r.subresource === undefined) {
      const object = asObject(await readBody(req), endpoint, r);
      if (object.metadata.resourceVersion) return sendStatus(res, record, resourceVersionOnCreate());
      if (options.namespaceLifecycle && storage.namespaced && !store.get(storages.namespaces, undefined, r.namespace ?? '')) {
        return sendStatus(res, record, notFound(storages.namespaces, r.namespace ?? ''));
      }
      const created = store.create(storage, endpoint.fromVersion(object), { manager: manager(query, req), dryRun });
      return sendJson(res, record, 201, present(endpoint, created));
    }
    if (method === 'PUT' && !collection) {
      const object = asObject(await readBody(req), endpoint, r);
      if (!storage.unconditionalUpdate && !object.metadata.resourceVersion) return sendStatus(res, record, resourceVersionRequired(storage, r.name ?? ''));
      const subresource = r.subresource === 'status' ? 'status' : undefined;
      const updated = store.update(storage, endpoint.fromVersion(object), { manager: manager(query, req), dryRun, subresource });
      return sendJson(res, record, 200, present(endpoint, updated));
    }
    if (method === 'PATCH' && !collection) {
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      const body = await readBody(req);
      const current = store.get(storage, r.namespace, r.name ?? '');
      if (!current) return sendStatus(res, record, notFound(storage, r.name ?? ''));
      const doc = endpoint.toVersion(current);
      let patched: unknown;
      try {
        const strategic = contentType === 'application/strategic-merge-patch+json';
        if (strategic && storage.custom) return sendStatus(res, record, unsupportedMediaType(true));
        if (contentType === 'application/merge-patch+json' || strategic) patched = mergePatch(doc, body);
        else if (contentType === 'application/json-patch+json') patched = jsonPatch(doc, body);
        else return sendStatus(res, record, unsupportedMediaType(false));
      } catch (error) {
        if (error instanceof PatchError) return sendStatus(res, record, invalid(storage, r.name ?? '', error.message));
        throw error;
      }
      const object = asObject(patched, endpoint, r);
      const subresource = r.subresource === 'status' ? 'status' : undefined;
      const updated = store.update(storage, endpoint.fromVersion(object), { manager: manager(query, req), dryRun, subresource });
      return sendJson(res, record, 200, present(endpoint, updated));
    }
    if (method === 'DELETE' && !collection && r.subresource === undefined) {
      const options = await readBody(req);
      const preconditions = (options as { preconditions?: { resourceVersion?: unknown } } | undefined)?.preconditions;
      const expected = typeof preconditions?.resourceVersion === 'string' ? preconditions.resourceVersion : undefined;
      const deleted = store.delete(storage, r.namespace, r.name ?? '', { expectedResourceVersion: expected, dryRun });
      if (!storage.custom) return sendJson(res, record, 200, present(endpoint, deleted));
      return sendJson(res, record, 200, {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
        details: { name: deleted.metadata.name, group: storage.group, kind: storage.plural, uid: deleted.metadata.uid },
      });
    }
    if (method === 'DELETE' && collection) {
      const matches = selectors(query, r);
      const deleted = store.list(storage).filter(matches).map((o) => store.delete(storage, o.metadata.namespace, o.metadata.name ?? '', { dryRun }));
      return sendJson(res, record, 200, { kind: `${storage.kind}List`, apiVersion: endpoint.groupVersion, metadata: { resourceVersion: String(store.resourceVersion) }, items: deleted.map((o) => present(endpoint, o, true)) });
    }
    return sendStatus(res, record, methodNotAllowed(method));
  }

  function describe(method: string, url: URL): RequestRecord {
    const segments = url.pathname.split('/').filter((s) => s !== '');
    let group = '';
    let version = '';
    let rest: string[] = [];
    if (segments[0] === 'api' && segments.length >= 3) [version = '', ...rest] = segments.slice(1);
    else if (segments[0] === 'apis' && segments.length >= 4) [group = '', version = '', ...rest] = segments.slice(1);
    const r = version ? route(group, version, rest) : undefined;
    const watch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    const collection = r?.name === undefined;
    const verbs: Record<string, string> = collection
      ? { GET: watch ? 'watch' : 'list', POST: 'create', DELETE: 'deletecollection' }
      : { GET: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };
    return {
      method, path: url.pathname, verb: r ? (verbs[method] ?? method.toLowerCase()) : 'discovery',
      resource: r?.endpoint.storage.plural ?? '', group, version, subresource: r?.subresource ?? '',
      namespace: r?.namespace ?? '', name: r?.name ?? '', status: 0,
    };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const record = describe(req.method ?? 'GET', url);
    if (closed) {
      res.destroy();
      return;
    }
    requests.push(record);
    try {
      if (req.headers.authorization !== `Bearer ${token}`) return sendStatus(res, record, unauthorized());
      const slot = faults.find((f) => f.left > 0 && matchesFilter(record, f.fault));
      if (slot) {
        slot.left -= 1;
        faults = faults.filter((f) => f.left > 0);
        if (slot.fault.delayMs) await delay(slot.fault.delayMs);
        if (slot.fault.status !== undefined) {
          if (res.destroyed) return;
          const body = slot.fault.body ?? injected(slot.fault.status);
          return sendJson(res, record, slot.fault.status, body);
        }
      }
      if (res.destroyed) return;
      await handle(req, res, record, url);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ApiError) return sendStatus(res, record, error.body);
      if (error instanceof SelectorError) return sendStatus(res, record, badRequest(error.message));
      sendStatus(res, record, injected(500, `loopback API server: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    void onRequest(req, res);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `https://127.0.0.1:${port}`;

  const bookmarkTimer = setInterval(() => {
    for (const stream of watches) if (stream.bookmarks) bookmark(stream);
  }, options.bookmarkIntervalMs ?? 60_000);
  bookmarkTimer.unref();

  function kubeconfigObject(): Record<string, unknown> {
    return {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'loopback', cluster: { server: url, 'certificate-authority-data': Buffer.from(pems.cert).toString('base64') } }],
      users: [{ name: 'loopback', user: { token } }],
      contexts: [{ name: 'loopback', context: { cluster: 'loopback', user: 'loopback', namespace: 'default' } }],
      'current-context': 'loopback',
    };
  }

  function streamsMatching(filter: RequestFilter | undefined): WatchStream[] {
    return [...watches].filter((s) => matchesFilter(s.record, filter));
  }

  for (const object of options.objects ?? []) {
    const e = endpointFor(object.apiVersion, object.kind);
    store.create(e.storage, e.fromVersion(object), { manager: 'seed' });
  }

  const api: ApiServer = {
    url,
    token,
    ca: pems.cert,
    get resourceVersion() {
      return store.resourceVersion;
    },
    get requests() {
      return requests;
    },
    create(object) {
      const e = endpointFor(object.apiVersion, object.kind);
      return e.toVersion(store.create(e.storage, e.fromVersion(object), { manager: 'test' }));
    },
    replace(object, opts = {}) {
      const e = endpointFor(object.apiVersion, object.kind);
      return e.toVersion(store.update(e.storage, e.fromVersion(object), { manager: 'test', subresource: opts.subresource }));
    },
    apply(object) {
      const e = endpointFor(object.apiVersion, object.kind);
      const exists = store.get(e.storage, object.metadata.namespace, object.metadata.name ?? '');
      return exists ? api.replace(object) : api.create(object);
    },
    remove(ref) {
      const e = endpointFor(ref.apiVersion, ref.kind);
      return e.toVersion(store.delete(e.storage, ref.namespace, ref.name));
    },
    read(ref) {
      const e = endpointFor(ref.apiVersion, ref.kind);
      const object = store.get(e.storage, ref.namespace, ref.name);
      return object ? e.toVersion(object) : undefined;
    },
    list(apiVersion, kind, namespace) {
      const e = endpointFor(apiVersion, kind);
      return store.list(e.storage, namespace).map((o) => e.toVersion(o));
    },
    dropWatches(filter) {
      const matched = streamsMatching(filter);
      for (const stream of matched) {
        watches.delete(stream);
        stream.res.socket?.destroy();
        stream.res.destroy();
      }
      return matched.length;
    },
    endWatches(filter) {
      const matched = streamsMatching(filter);
      for (const stream of matched) {
        watches.delete(stream);
        stream.res.end();
      }
      return matched.length;
    },
    openWatches(filter) {
      return streamsMatching(filter).length;
    },
    sendBookmarks() {
      for (const stream of watches) if (stream.bookmarks) bookmark(stream);
    },
    compact(resourceVersion) {
      store.compact(resourceVersion);
    },
    inject(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    clearInjections() {
      faults = [];
    },
    count(filter) {
      return requests.filter((r) => matchesFilter(r, filter)).length;
    },
    resetRequests() {
      requests = [];
    },
    kubeConfig() {
      const kc = new KubeConfig();
      kc.loadFromString(JSON.stringify(kubeconfigObject()));
      return kc;
    },
    kubeconfigYaml() {
      return `${JSON.stringify(kubeconfigObject(), null, 2)}\n`;
    },
    async writeKubeconfig(path) {
      await writeFile(path, api.kubeconfigYaml(), { mode: 0o600 });
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(bookmarkTimer);
      for (const stream of watches) stream.res.destroy();
      watches.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await done;
    },
  };
  return api;
}
