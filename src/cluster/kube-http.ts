/**
 * JSON requests to the API server with the KubeConfig's TLS material and credentials, over
 * kept-alive connections. The cluster view (lists, live lookups) and the status writer (GET and
 * PATCH of `/status`) use this instead of client-node's generated API classes because they
 * need a hard deadline per request (an AbortSignal, which those classes do not take), the raw
 * JSON (50,000 Services are cheaper to trim than to deserialize into model classes first), and
 * connection reuse: the generated classes open a new TLS connection and context per request,
 * about 25 ms of CPU each, which made status convergence CPU-bound on handshakes.
 * Credentials are read from the KubeConfig on every request (tokens rotate); the connection
 * pool is rebuilt when the TLS material changes.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** A non-2xx answer. `status` is the HTTP status; `body` the parsed Status object when there was one. */
export class KubeApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(method: string, path: string, status: number, body: unknown) {
    const detail = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : `HTTP ${status}`;
    super(`${method} ${path}: ${detail}`);
    this.name = 'KubeApiError';
    this.status = status;
    this.body = body;
  }
}

export interface KubeRequest {
  readonly method: 'GET' | 'PATCH' | 'PUT' | 'POST';
  /** Path and query, e.g. `/apis/gateway.networking.k8s.io/v1/namespaces/a/httproutes/b/status`. */
  readonly path: string;
  readonly body?: unknown;
  /** Content-Type of the body (default application/json). */
  readonly contentType?: string;
  /** Aborts the request (it rejects with the signal's reason); default: a 30 s deadline. */
  readonly signal?: AbortSignal;
}

/** Sends one request; resolves to the parsed 2xx body, rejects with KubeApiError otherwise. */
export type KubeJson = (request: KubeRequest) => Promise<unknown>;

export interface GetOptions {
  /** Aborts the request (and rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/** GETs `path` (with query) and returns the parsed JSON body; rejects with KubeApiError on non-2xx. */
export type GetJson = (path: string, options?: GetOptions) => Promise<unknown>;

const tlsFields = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

/** A KubeJson bound to the KubeConfig's current cluster and user. `maxSockets` bounds the pool (default 16). */
export function kubeJson(kubeConfig: KubeConfig, options: { userAgent?: string; maxSockets?: number } = {}): KubeJson {
  let pool: { agent: https.Agent; signature: string } | undefined;
  const agentFor = (tls: Record<string, unknown>): https.Agent => {
    const signature = JSON.stringify(tlsFields.map((f) => (Buffer.isBuffer(tls[f]) ? (tls[f]).toString('base64') : tls[f])));
    if (pool?.signature !== signature) {
      pool?.agent.destroy();
      pool = { agent: new https.Agent({ ...tls, keepAlive: true, maxSockets: options.maxSockets ?? 16 }), signature };
    }
    return pool.agent;
  };
  return async (request) => {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('no current cluster in the kubeconfig');
    const url = new URL(cluster.server.replace(/\/$/, '') + request.path);
    const opts: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(opts);
    request.signal?.throwIfAborted();
    const tls: Record<string, unknown> = {};
    for (const field of tlsFields) if (opts[field] !== undefined) tls[field] = opts[field];
    const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    const headers: http.OutgoingHttpHeaders = {
      ...(opts.headers as http.OutgoingHttpHeaders | undefined),
      Accept: 'application/json',
      'User-Agent': options.userAgent ?? 'gamma-webhook',
      ...(payload === undefined ? {} : { 'Content-Type': request.contentType ?? 'application/json', 'Content-Length': payload.length }),
    };
    const plain = url.protocol === 'http:';
    const signal = request.signal ?? AbortSignal.timeout(30_000);
    return new Promise<unknown>((resolve, reject) => {
      const req = (plain ? http : https).request(
        url,
        {
          method: request.method,
          headers,
          ...(opts.auth === undefined ? {} : { auth: opts.auth }),
          ...(plain ? {} : { agent: agentFor(tls) }),
          signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // Not JSON ("404 page not found" for an unserved version, a proxy's error page): keep the text.
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(body);
            else reject(new KubeApiError(request.method, request.path, status, body));
          });
        },
      );
      req.on('error', (error) => reject(signal.aborted ? (signal.reason as Error) : error));
      req.end(payload);
    });
  };
}

/** A GetJson bound to the KubeConfig's current cluster and user. */
export function kubeGetJson(kubeConfig: KubeConfig, userAgent = 'gamma-webhook'): GetJson {
  const request = kubeJson(kubeConfig, { userAgent });
  return (path, options = {}) => request({ method: 'GET', path, ...(options.signal ? { signal: options.signal } : {}) });
}
