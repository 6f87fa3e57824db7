/**
 * One watched collection: client-node's ListWatch (list, then watch from the list's
 * resourceVersion, re-list on 410, resume from the last event or bookmark) with what it leaves to
 * us (STYLE.md, kubernetes-client/javascript src/cache.ts): it stops on a list failure or on a
 * watch error other than 410 or a client timeout, so the reflector restarts it with exponential
 * backoff. It also trims every object before it is cached (memory), pages the list, records when
 * the API server was last heard from (staleness), counts restarts by cause, and knows when the
 * first list has been applied (readiness).
 */
import { ListWatch, Watch, type KubeConfig, type KubernetesObject, type ObjectCache } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { apiStatus, type KubeClient } from './client.ts';

/** Backoff between restarts after an error: initial delay, doubled up to the maximum, ±20 % jitter. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };

export interface ReflectorOptions<T extends KubernetesObject> {
  readonly kube: KubeClient;
  /** The kind, as the `kind` label of the metrics (`Service`, `HTTPRoute`, ...). */
  readonly kind: string;
  /** Collection path without query, e.g. `/api/v1/services` or `/api/v1/namespaces/a/services`. */
  readonly path: string;
  /** e.g. `metadata.name=a` to watch one Namespace. */
  readonly fieldSelector?: string | undefined;
  /** Turns an object from the API server into what is cached. MUST NOT throw on malformed input. */
  readonly trim: (object: unknown) => T;
  readonly metrics: Pick<Metrics, 'watchRestarts'>;
  readonly logger: Logger;
  readonly backoff?: Backoff | undefined;
  /**
   * Reports a failed list or watch that will be retried in `delayMs`, instead of the default
   * warning (an owner with its own error code logs it its way).
   */
  readonly onFailure?: ((error: unknown, delayMs: number) => void) | undefined;
  /** Items per list page (default 500). */
  readonly pageSize?: number | undefined;
  /** Deadline of one list page (default 60 s). */
  readonly listTimeoutMs?: number | undefined;
}

/** Change callbacks; `object` is the trimmed object (for a delete, the last known state). */
export interface ReflectorHandlers<T> {
  readonly add: (object: T) => void;
  readonly update: (object: T) => void;
  readonly delete: (object: T) => void;
}

type WatchCallback = Parameters<Watch['watch']>[2];
type WatchDone = Parameters<Watch['watch']>[3];

interface WatchHooks {
  readonly stopped: () => boolean;
  readonly beforeWatch: () => void;
  readonly event: (phase: string, object: unknown) => void;
  readonly connected: () => void;
  readonly done: (error: unknown) => void;
  readonly trim: (object: unknown) => unknown;
}

/** client-node's Watch with trimming and bookkeeping around each event; refuses to start once stopped. */
class ReflectorWatch extends Watch {
  readonly hooks: WatchHooks;
  /**
   * Every request not yet done. ListWatch keeps only one reference, and when a watch ends before
   * `watch()` has returned (a fast 410) it overwrites the newer request with the finished one,
   * so its stop() can miss the live connection; `abortAll()` cannot.
   */
  private readonly live = new Set<AbortController>();

  constructor(kubeConfig: KubeConfig, hooks: WatchHooks) {
    super(kubeConfig);
    this.hooks = hooks;
  }

  override async watch(path: string, query: Record<string, string | number | boolean | undefined>, callback: WatchCallback, done: WatchDone): Promise<AbortController> {
    if (this.hooks.stopped()) {
      const controller = new AbortController();
      controller.abort();
      return controller;
    }
    this.hooks.beforeWatch();
    let finished = false;
    let current: AbortController | undefined;
    const controller = await super.watch(
      path,
      // ListWatch does not ask for bookmarks; with them a reconnect resumes from a newer version.
      { ...query, allowWatchBookmarks: true },
      (phase, object, raw) => {
        this.hooks.event(phase, object);
        // ERROR and BOOKMARK objects are read by ListWatch as they are (code, resourceVersion).
        callback(phase, phase === 'ERROR' || phase === 'BOOKMARK' ? object : this.hooks.trim(object), raw);
      },
      (error) => {
        finished = true;
        if (current) this.live.delete(current);
        this.hooks.done(error);
        done(error);
      },
    );
    if (!finished) {
      current = controller;
      this.live.add(controller);
      this.hooks.connected();
    }
    return controller;
  }

  abortAll(): void {
    for (const controller of this.live) controller.abort();
    this.live.clear();
  }
}

function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null | undefined)?.name === 'TimeoutError';
}

/** One list+watch loop. Create, subscribe with `on`, then `start()`; `stop()` ends it for good. */
export class Reflector<T extends KubernetesObject> {
  readonly kind: string;
  readonly path: string;
  private readonly options: ReflectorOptions<T>;
  private readonly backoff: Backoff;
  private readonly informer: ListWatch<T>;
  private readonly watch: ReflectorWatch;
  private readonly abort = new AbortController();
  private stoppedFlag = false;
  private syncedFlag = false;
  private readonly syncWaiters: (() => void)[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private nextDelayMs: number;
  private connectedAt = 0;
  private sawGone = false;
  private lastHeardMs = 0;

  constructor(options: ReflectorOptions<T>) {
    this.options = options;
    this.kind = options.kind;
    this.path = options.path;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.nextDelayMs = this.backoff.initialMs;
    const watch = new ReflectorWatch(options.kube.config, {
      stopped: () => this.stoppedFlag,
      beforeWatch: () => this.markSynced(),
      event: (phase, object) => {
        this.heard();
        if (phase === 'ERROR' && apiStatus(object) === 410) this.sawGone = true;
        else this.nextDelayMs = this.backoff.initialMs;
      },
      connected: () => {
        this.connectedAt = Date.now();
        this.heard();
      },
      done: (error) => this.watchEnded(error),
      trim: options.trim,
    });
    this.watch = watch;
    this.informer = new ListWatch<T>(options.path, watch, () => this.listAll(), false, undefined, options.fieldSelector, {
      delayFn: (ms) => this.sleep(ms),
    });
    this.informer.on('error', (error) => this.failed(error));
  }

  /** The cache: objects by name and namespace, as trimmed. */
  get cache(): ObjectCache<T> {
    return this.informer;
  }

  /** True once the first list has been applied to the cache; stays true across re-lists. */
  get synced(): boolean {
    return this.syncedFlag;
  }

  /** Milliseconds since the epoch when the API server last answered this loop (0: never). */
  get lastHeard(): number {
    return this.lastHeardMs;
  }

  /** Resolves when synced, or when the reflector is stopped first. */
  whenSynced(): Promise<void> {
    if (this.syncedFlag || this.stoppedFlag) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /**
   * Registers change handlers. They run synchronously inside the informer; an exception is
   * logged and swallowed (otherwise client-node would silently drop the rest of the event).
   */
  on(handlers: ReflectorHandlers<T>): void {
    const guard = (verb: string, handler: (object: T) => void) => (object: T) => {
      try {
        handler(object);
      } catch (error) {
        this.options.logger.error({ err: error, kind: this.kind, verb }, 'cluster view handler failed');
      }
    };
    this.informer.on('add', guard('add', handlers.add));
    this.informer.on('update', guard('update', handlers.update));
    this.informer.on('delete', guard('delete', handlers.delete));
  }

  /** Starts listing and watching. Resolves once the first attempt has run (synced or not). */
  async start(): Promise<void> {
    if (this.stoppedFlag) return;
    await this.informer.start();
  }

  /** Stops for good: aborts the watch and any list in flight, cancels pending restarts. */
  async stop(): Promise<void> {
    if (this.stoppedFlag) return;
    this.stoppedFlag = true;
    clearTimeout(this.restartTimer);
    this.abort.abort();
    await this.informer.stop();
    this.watch.abortAll();
    for (const resolve of this.syncWaiters.splice(0)) resolve();
  }

  private heard(): void {
    this.lastHeardMs = Date.now();
  }

  private markSynced(): void {
    if (this.syncedFlag) return;
    this.syncedFlag = true;
    this.options.logger.info({ kind: this.kind, path: this.path }, 'cluster view synced');
    for (const resolve of this.syncWaiters.splice(0)) resolve();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }

  /** Every end of a watch stream; ListWatch itself reconnects after these (except errors, see `failed`). */
  private watchEnded(error: unknown): void {
    if (this.stoppedFlag) return;
    const gone = this.sawGone || apiStatus(error) === 410;
    this.sawGone = false;
    if (gone) this.options.metrics.watchRestarts.inc({ kind: this.kind, cause: 'gone' });
    else if (!error || isTimeout(error)) this.options.metrics.watchRestarts.inc({ kind: this.kind, cause: 'closed' });
    // Other errors reach `failed` through the informer's error callback.
  }

  /** The informer stopped on an error: restart it after a backoff (it resumes from its last resourceVersion). */
  private failed(error: unknown): void {
    if (this.stoppedFlag || this.restartTimer !== undefined) return;
    // A connection that lived a while was healthy: do not escalate the delay for its loss.
    if (this.connectedAt !== 0 && Date.now() - this.connectedAt > 10_000) this.nextDelayMs = this.backoff.initialMs;
    this.connectedAt = 0;
    const base = this.nextDelayMs;
    this.nextDelayMs = Math.min(this.backoff.maxMs, base * 2);
    const delayMs = Math.round(base * (0.8 + Math.random() * 0.4));
    this.options.metrics.watchRestarts.inc({ kind: this.kind, cause: 'error' });
    if (this.options.onFailure) this.options.onFailure(error, delayMs);
    else this.options.logger.warn({ kind: this.kind, path: this.path, err: error, delayMs }, 'cluster watch failed; restarting');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.stoppedFlag) void this.informer.start();
    }, delayMs);
    this.restartTimer.unref();
  }

  /** Lists every page (at the first page's resourceVersion); an expired continue token restarts the list once. */
  private async listAll(): Promise<{ metadata: { resourceVersion?: string }; items: T[] }> {
    const pageSize = this.options.pageSize ?? 500;
    let items: T[] = [];
    let resourceVersion: string | undefined;
    let token: string | undefined;
    let restarted = false;
    for (;;) {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (token) query.set('continue', token);
      if (this.options.fieldSelector) query.set('fieldSelector', this.options.fieldSelector);
      const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.listTimeoutMs ?? 60_000)]);
      let page: unknown;
      try {
        page = await this.options.kube.request({ method: 'GET', path: `${this.path}?${query.toString()}`, signal });
      } catch (error) {
        if (token && !restarted && apiStatus(error) === 410) {
          restarted = true;
          items = [];
          resourceVersion = undefined;
          token = undefined;
          continue;
        }
        throw error;
      }
      const meta = (page as { metadata?: { resourceVersion?: unknown; continue?: unknown } } | null)?.metadata;
      if (resourceVersion === undefined && typeof meta?.resourceVersion === 'string') resourceVersion = meta.resourceVersion;
      const raw = (page as { items?: unknown } | null)?.items;
      if (Array.isArray(raw)) for (const object of raw) items.push(this.options.trim(object));
      token = typeof meta?.continue === 'string' && meta.continue !== '' ? meta.continue : undefined;
      if (!token) break;
    }
    this.heard();
    return { metadata: resourceVersion === undefined ? {} : { resourceVersion }, items };
  }
}
