/**
 * The bounded live lookup of Services, and of ServiceImports, the cache does not hold (DESIGN.md:
 * the Service and the route often arrive in the same apply, so admission may do one GET before
 * concluding "not found"; a ServiceImport applied with its route is the same case).
 *
 * Contract:
 * - At most one GET in flight per object, each with a `timeoutMs` deadline; `resolve` never rejects.
 * - A found object is kept until the watch reports it (`forget`) or `ttlMs` passes; a 404 is
 *   remembered for `notFoundTtlMs` (0: not at all), so a burst of admissions naming the same
 *   missing object costs one GET. A watch event during a GET wins over the GET's answer.
 *   Timeouts and errors are not remembered.
 * - Every GET is counted in `gamma_live_lookups_total{result}`: found, notfound, timeout, error.
 */
import { CoreV1Api } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { SERVICE_IMPORT_GROUP } from '../gateway/index.ts';
import { serviceKey } from '../core/services.ts';
import type { ServiceImportInfo, ServiceInfo } from '../core/view.ts';
import { apiStatus, withSignal, type KubeClient } from '../kube/client.ts';
import type { Metrics } from '../metrics.ts';
import { serviceInfo, slimServiceImport, type SharedValues } from './objects.ts';

export interface ServiceLookupOptions {
  readonly kube: KubeClient;
  readonly metrics: Pick<Metrics, 'liveLookups'>;
  readonly logger: Logger;
  /** The view's shared values, so looked-up objects share its copies. */
  readonly shared: SharedValues;
  /** Deadline of one GET (default 300 ms). */
  readonly timeoutMs?: number | undefined;
  /** How long a 404 is remembered (default 2000 ms; 0: not at all). */
  readonly notFoundTtlMs?: number | undefined;
  /** How long a found object is kept when no watch event replaces it (default 60 s). */
  readonly ttlMs?: number | undefined;
}

/**
 * One GET of a named object, ending by `signal`. Resolves to what the view keeps; rejects as the
 * kube client does (a 404 is an error whose `apiStatus` is 404).
 */
export type LookupFetch<T> = (namespace: string, name: string, signal: AbortSignal) => Promise<T>;

interface Lookup<T> {
  readonly found: T | undefined;
  readonly expires: number;
}

/** Remembered answers of live GETs of one kind, and the GETs in flight. */
export class LiveLookups<T> {
  readonly #options: ServiceLookupOptions;
  /** The kind, for log lines. */
  readonly #kind: string;
  readonly #fetch: LookupFetch<T>;
  readonly #answers = new Map<string, Lookup<T>>();
  readonly #inFlight = new Map<string, Promise<void>>();
  /** Keys whose GET is in flight and for which a watch event arrived meanwhile: the watch wins. */
  readonly #superseded = new Set<string>();

  constructor(options: ServiceLookupOptions, kind: string, fetch: LookupFetch<T>) {
    this.#options = options;
    this.#kind = kind;
    this.#fetch = fetch;
  }

  /** True when a remembered answer (found or 404) for the object is still valid at `now`. */
  known(namespace: string, name: string, now: number): boolean {
    const answer = this.#answers.get(serviceKey(namespace, name));
    return answer !== undefined && answer.expires > now;
  }

  /** The object a still-valid lookup found; undefined when none did (or it was a 404). */
  get(namespace: string, name: string): T | undefined {
    const answer = this.#answers.get(serviceKey(namespace, name));
    return answer && answer.expires > Date.now() ? answer.found : undefined;
  }

  /** Starts (or joins) the GET of one object; the promise never rejects. */
  resolve(namespace: string, name: string): Promise<void> {
    const key = serviceKey(namespace, name);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const promise = this.#get(namespace, name, key).finally(() => {
      this.#inFlight.delete(key);
      this.#superseded.delete(key);
    });
    this.#inFlight.set(key, promise);
    return promise;
  }

  /** The watch reported the object: drop what a lookup said, and what a GET in flight will say. */
  forget(namespace: string, name: string): void {
    const key = serviceKey(namespace, name);
    this.#answers.delete(key);
    if (this.#inFlight.has(key)) this.#superseded.add(key);
  }

  /** Drops expired answers (they would otherwise only be overwritten). */
  expire(now: number): void {
    for (const [key, answer] of this.#answers) if (answer.expires <= now) this.#answers.delete(key);
  }

  async #get(namespace: string, name: string, key: string): Promise<void> {
    const { metrics, logger } = this.#options;
    const timeoutMs = this.#options.timeoutMs ?? 300;
    const kind = this.#kind;
    try {
      const found = await this.#fetch(namespace, name, AbortSignal.timeout(timeoutMs));
      metrics.liveLookups.inc({ result: 'found' });
      if (!this.#superseded.has(key)) this.#answers.set(key, { found, expires: Date.now() + (this.#options.ttlMs ?? 60_000) });
    } catch (error) {
      if (apiStatus(error) === 404) {
        metrics.liveLookups.inc({ result: 'notfound' });
        const ttl = this.#options.notFoundTtlMs ?? 2000;
        if (ttl > 0 && !this.#superseded.has(key)) this.#answers.set(key, { found: undefined, expires: Date.now() + ttl });
      } else if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
        metrics.liveLookups.inc({ result: 'timeout' });
        logger.warn({ kind, namespace, name, timeoutMs }, `live ${kind} lookup timed out`);
      } else {
        metrics.liveLookups.inc({ result: 'error' });
        logger.warn({ kind, namespace, name, err: error }, `live ${kind} lookup failed`);
      }
    }
  }
}

/** Live lookups of core Services (CoreV1Api readNamespacedService). */
export function serviceLookups(options: ServiceLookupOptions): LiveLookups<ServiceInfo> {
  const core = options.kube.api(CoreV1Api);
  return new LiveLookups(options, 'Service', async (namespace, name, signal) =>
    serviceInfo(await core.readNamespacedService({ namespace, name }, withSignal(signal)), '', options.shared));
}

/** Live lookups of ServiceImports at the served `version` of `multicluster.x-k8s.io`. */
export function serviceImportLookups(options: ServiceLookupOptions, version: string): LiveLookups<ServiceImportInfo> {
  return new LiveLookups(options, 'ServiceImport', async (namespace, name, signal) => {
    const path = `/apis/${SERVICE_IMPORT_GROUP}/${version}/namespaces/${encodeURIComponent(namespace)}/serviceimports/${encodeURIComponent(name)}`;
    return slimServiceImport(await options.kube.request({ method: 'GET', path, signal }), options.shared).info;
  });
}
