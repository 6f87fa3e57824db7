/**
 * The one way the process talks to the API server: @kubernetes/client-node on a KubeConfig whose
 * requests all share one keep-alive connection pool.
 *
 * client-node 2.x sends every request (generated APIs and `Watch`) through undici's fetch with
 * the Dispatcher that `KubeConfig.applySecurityAuthentication` returns, and it builds a new
 * undici Agent for each call, so each call opens (and pays for) its own TLS connection. The
 * KubeConfig here returns one shared Agent instead, rebuilt only when the TLS material changes
 * (a rotated CA or client certificate); credentials are still read on every request (tokens rotate).
 *
 * Contract:
 * - `api(Type)` MUST be used for every generated API client, `watch()` for every watch, and
 *   `request()` for raw JSON calls; nothing else in the process may open connections to the API server.
 * - `request()` resolves to the parsed 2xx body and rejects with client-node's `ApiException`
 *   (`code` = HTTP status, `body` = the parsed Status object or the text) otherwise, or with the
 *   signal's reason when aborted (default: a 30 s deadline).
 * - A cluster reached through a proxy (`proxy-url`) keeps client-node's own per-request Dispatcher.
 */
import type https from 'node:https';
import {
  ApiException,
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  KubeConfig,
  Observable,
  RequestContext,
  Watch,
  type ApiConstructor,
  type ApiType,
  type ConfigurationOptions,
  type ResponseContext,
} from '@kubernetes/client-node';
import { Agent } from 'undici';

/** One raw JSON request. */
export interface KubeRequest {
  readonly method: 'GET' | 'PATCH' | 'PUT' | 'POST' | 'DELETE';
  /** Path and query, e.g. `/api/v1/namespaces/a/services?limit=500`. */
  readonly path: string;
  readonly body?: unknown;
  /** Content-Type of the body (default application/json). */
  readonly contentType?: string;
  /** Aborts the request (it rejects with the signal's reason); default: a 30 s deadline. */
  readonly signal?: AbortSignal;
}

/** The HTTP status of an API error (client-node's ApiException, or a watch's `statusCode`); undefined for anything else. */
export function apiStatus(error: unknown): number | undefined {
  if (error instanceof ApiException) return error.code;
  const e = error as { statusCode?: unknown; code?: unknown } | null | undefined;
  if (typeof e?.statusCode === 'number') return e.statusCode;
  return typeof e?.code === 'number' ? e.code : undefined;
}

/** Request options for a generated API call that MUST end by `signal` (e.g. `AbortSignal.timeout(300)`). */
export function withSignal(signal: AbortSignal, options?: ConfigurationOptions): ConfigurationOptions {
  return {
    ...options,
    middleware: [
      ...(options?.middleware ?? []),
      {
        pre: (context: RequestContext) => {
          context.setSignal(signal);
          return new Observable(Promise.resolve(context));
        },
        post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

const tlsFields = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

/** A KubeConfig whose requests share one undici Agent (see the module comment). */
class SharedAgentKubeConfig extends KubeConfig {
  #pool: { readonly agent: Agent; readonly signature: string } | undefined;

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    const cluster = this.getCurrentCluster();
    if (cluster?.proxyUrl) return super.applySecurityAuthentication(context);
    const opts: https.RequestOptions = {};
    await this.applyToHTTPSOptions(opts);
    for (const [key, value] of Object.entries(opts.headers ?? {})) if (value !== undefined) context.setHeaderParam(key, String(value));
    if (opts.auth) context.setHeaderParam('Authorization', `Basic ${Buffer.from(opts.auth).toString('base64')}`);
    const tls: Record<string, unknown> = {};
    for (const field of tlsFields) if (opts[field] !== undefined) tls[field] = opts[field];
    context.setDispatcher(this.#agent(tls));
  }

  #agent(tls: Record<string, unknown>): Agent {
    const signature = JSON.stringify(tlsFields.map((f) => (Buffer.isBuffer(tls[f]) ? tls[f].toString('base64') : tls[f])));
    if (this.#pool?.signature !== signature) {
      // Requests still running on the old pool (watches) finish there; new ones use the new material.
      void this.#pool?.agent.close();
      this.#pool = { agent: new Agent({ connect: { ...tls, keepAlive: true, keepAliveInitialDelay: 30_000 } }), signature };
    }
    return this.#pool.agent;
  }

  /** Closes the shared pool; requests still running finish first. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.agent.close();
  }
}

/** client-node bound to one cluster and user, with one shared connection pool. */
export class KubeClient {
  /** The KubeConfig every request goes through (for client-node classes that take one, such as `ListWatch`'s `Watch`). */
  readonly config: KubeConfig;
  readonly #config: SharedAgentKubeConfig;
  readonly #http = new IsomorphicFetchHttpLibrary();
  readonly #userAgent: string;

  /** Copies the clusters, users and contexts of `kubeConfig` (which is left as it is). */
  constructor(kubeConfig: KubeConfig, options: { userAgent?: string } = {}) {
    const config = new SharedAgentKubeConfig();
    config.loadFromOptions({
      clusters: kubeConfig.getClusters(),
      users: kubeConfig.getUsers(),
      contexts: kubeConfig.getContexts(),
      currentContext: kubeConfig.getCurrentContext(),
    });
    this.#config = config;
    this.config = config;
    this.#userAgent = options.userAgent ?? 'gamma-webhook';
  }

  /** A generated API client (CoreV1Api, CoordinationV1Api, CustomObjectsApi, ...) on the shared pool. */
  api<T extends ApiType>(type: ApiConstructor<T>): T {
    return this.#config.makeApiClient(type);
  }

  /** A client-node Watch on the shared pool. */
  watch(): Watch {
    return new Watch(this.#config);
  }

  /**
   * One JSON request through client-node's request machinery (RequestContext, the KubeConfig's
   * authentication, its fetch library). For the generic list+watch reflector and discovery, whose
   * callers read raw JSON: the generated list calls would first deserialize every item into model
   * classes that the reflector then trims away.
   */
  async request(request: KubeRequest): Promise<unknown> {
    const cluster = this.#config.getCurrentCluster();
    if (!cluster) throw new Error('no current cluster in the kubeconfig');
    const context = new RequestContext(cluster.server.replace(/\/$/, '') + request.path, HttpMethod[request.method]);
    context.setHeaderParam('Accept', 'application/json');
    context.setHeaderParam('User-Agent', this.#userAgent);
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
      context.setBody(JSON.stringify(request.body));
    }
    await this.#config.applySecurityAuthentication(context);
    const signal = request.signal ?? AbortSignal.timeout(30_000);
    signal.throwIfAborted();
    context.setSignal(signal);
    const response = await this.#http.send(context).toPromise();
    const text = await response.body.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON ("404 page not found" for an unserved version, a proxy's error page): keep the text.
    }
    const status = response.httpStatusCode;
    if (status >= 200 && status < 300) return body;
    const detail = typeof (body as { message?: unknown } | null)?.message === 'string' ? (body as { message: string }).message : `HTTP ${status}`;
    throw new ApiException(status, `${request.method} ${request.path}: ${detail}`, body, {});
  }

  /** Closes the shared connection pool (at shutdown, after every watch has stopped). */
  close(): Promise<void> {
    return this.#config.close();
  }
}
