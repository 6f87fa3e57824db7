/**
 * The bounded live lookup of Services the cache does not hold (DESIGN.md: the Service and the
 * route often arrive in the same apply, so admission may do one GET before concluding "not found").
 *
 * Contract:
 * - At most one GET in flight per Service, each with a `timeoutMs` deadline; `resolve` never rejects.
 * - A found Service is kept until the watch reports it (`forget`) or `ttlMs` passes; a 404 is
 *   remembered for `notFoundTtlMs` (0: not at all), so a burst of admissions naming the same
 *   missing Service costs one GET. A watch event during a GET wins over the GET's answer.
 *   Timeouts and errors are not remembered.
 * - Every GET is counted in `gamma_live_lookups_total{result}`: found, notfound, timeout, error.
 */
import { CoreV1Api } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { serviceKey } from '../core/services.ts';
import type { ServiceInfo } from '../core/view.ts';
import { apiStatus, withSignal, type KubeClient } from '../kube/client.ts';
import type { Metrics } from '../metrics.ts';
import { serviceInfo, type SharedValues } from './objects.ts';

export interface ServiceLookupOptions {
  readonly kube: KubeClient;
  readonly metrics: Pick<Metrics, 'liveLookups'>;
  readonly logger: Logger;
  /** The view's shared values, so looked-up Services share its copies. */
  readonly shared: SharedValues;
  /** Deadline of one GET (default 300 ms). */
  readonly timeoutMs?: number | undefined;
  /** How long a 404 is remembered (default 2000 ms; 0: not at all). */
  readonly notFoundTtlMs?: number | undefined;
  /** How long a found Service is kept when no watch event replaces it (default 60 s). */
  readonly ttlMs?: number | undefined;
}

interface Lookup {
  readonly service: ServiceInfo | undefined;
  readonly expires: number;
}

/** Remembered answers of live Service GETs, and the GETs in flight. */
export class ServiceLookups {
  readonly #options: ServiceLookupOptions;
  readonly #core: CoreV1Api;
  readonly #answers = new Map<string, Lookup>();
  readonly #inFlight = new Map<string, Promise<void>>();
  /** Keys whose GET is in flight and for which a watch event arrived meanwhile: the watch wins. */
  readonly #superseded = new Set<string>();

  constructor(options: ServiceLookupOptions) {
    this.#options = options;
    this.#core = options.kube.api(CoreV1Api);
  }

  /** True when a remembered answer (found or 404) for the Service is still valid at `now`. */
  known(namespace: string, name: string, now: number): boolean {
    const answer = this.#answers.get(serviceKey(namespace, name));
    return answer !== undefined && answer.expires > now;
  }

  /** The Service a still-valid lookup found; undefined when none did (or it was a 404). */
  service(namespace: string, name: string): ServiceInfo | undefined {
    const answer = this.#answers.get(serviceKey(namespace, name));
    return answer && answer.expires > Date.now() ? answer.service : undefined;
  }

  /** Starts (or joins) the GET of one Service; the promise never rejects. */
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

  /** The watch reported the Service: drop what a lookup said, and what a GET in flight will say. */
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
    try {
      const object = await this.#core.readNamespacedService({ namespace, name }, withSignal(AbortSignal.timeout(timeoutMs)));
      metrics.liveLookups.inc({ result: 'found' });
      if (!this.#superseded.has(key)) {
        this.#answers.set(key, { service: serviceInfo(object, '', this.#options.shared), expires: Date.now() + (this.#options.ttlMs ?? 60_000) });
      }
    } catch (error) {
      if (apiStatus(error) === 404) {
        metrics.liveLookups.inc({ result: 'notfound' });
        const ttl = this.#options.notFoundTtlMs ?? 2000;
        if (ttl > 0 && !this.#superseded.has(key)) this.#answers.set(key, { service: undefined, expires: Date.now() + ttl });
      } else if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
        metrics.liveLookups.inc({ result: 'timeout' });
        logger.warn({ namespace, name, timeoutMs }, 'live Service lookup timed out');
      } else {
        metrics.liveLookups.inc({ result: 'error' });
        logger.warn({ namespace, name, err: error }, 'live Service lookup failed');
      }
    }
  }
}
