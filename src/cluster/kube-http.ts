/**
 * Plain JSON GETs against the API server with the KubeConfig's TLS and credentials. The cluster
 * view uses this instead of the generated API classes for lists and live lookups because it needs
 * a hard deadline per request (an AbortSignal, which the generated classes do not take) and the
 * raw JSON (50 000 Services are cheaper to trim than to deserialize into model classes first).
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** A non-2xx answer. `status` is the HTTP status; `body` the parsed Status object when there was one. */
export class KubeApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown, path: string) {
    const message = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : `HTTP ${status}`;
    super(`GET ${path}: ${message}`);
    this.name = 'KubeApiError';
    this.status = status;
    this.body = body;
  }
}

export interface GetOptions {
  /** Aborts the request (and rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/** GETs `path` (with query) and returns the parsed JSON body; rejects with KubeApiError on non-2xx. */
export type GetJson = (path: string, options?: GetOptions) => Promise<unknown>;

/** Makes a GetJson bound to the KubeConfig's current cluster and user. */
export function kubeGetJson(kc: KubeConfig, userAgent = 'gamma-webhook'): GetJson {
  return async (path, options = {}) => {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('no current cluster in the kubeconfig');
    const url = new URL(cluster.server.replace(/\/$/, '') + path);
    const requestOptions: https.RequestOptions = { headers: { Accept: 'application/json', 'User-Agent': userAgent } };
    await kc.applyToHTTPSOptions(requestOptions);
    options.signal?.throwIfAborted();
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise<unknown>((resolve, reject) => {
      const req = transport.request(url, { ...requestOptions, method: 'GET', signal: options.signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON (e.g. "404 page not found" for an unserved version): keep the text.
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(body);
          else reject(new KubeApiError(status, body, path));
        });
      });
      req.on('error', (error) => reject(options.signal?.aborted ? options.signal.reason : error));
      req.end();
    });
  };
}
