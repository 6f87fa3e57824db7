/**
 * A work queue keyed by string (the status reconciler keys it by route), after client-go's
 * rate-limited workqueue:
 * - deduplicated: a key added while it waits is queued once;
 * - never processed twice at a time: a key added while a worker holds it is queued again when
 *   that worker calls `done`, not before;
 * - retries are rate-limited per key with exponential backoff (`addRateLimited`), reset by `forget`;
 * - `shutDown` wakes every waiting `get` with undefined and cancels pending delayed adds.
 */

export interface WorkQueueOptions {
  /** First retry delay (default 50 ms); doubles per failure of the same key. */
  readonly baseDelayMs?: number;
  /** Ceiling of the retry delay (default 30 s). */
  readonly maxDelayMs?: number;
  /** Called with the number of keys waiting (not counting those being processed) whenever it changes. */
  readonly onDepth?: (depth: number) => void;
}

export class WorkQueue<K extends string = string> {
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #onDepth: ((depth: number) => void) | undefined;
  /** Keys waiting, in order. A Set keeps insertion order and makes the dedup check O(1). */
  readonly #waiting = new Set<K>();
  readonly #processing = new Set<K>();
  /** Keys added while processing: queued again on `done`. */
  readonly #dirty = new Set<K>();
  readonly #failures = new Map<K, number>();
  readonly #delayed = new Map<K, { timer: NodeJS.Timeout; due: number }>();
  readonly #getters: ((key: K | undefined) => void)[] = [];
  #shuttingDown = false;
  #lastDepth = -1;

  constructor(options: WorkQueueOptions = {}) {
    this.#baseDelayMs = options.baseDelayMs ?? 50;
    this.#maxDelayMs = options.maxDelayMs ?? 30_000;
    this.#onDepth = options.onDepth;
  }

  /** Keys waiting to be handed out. */
  get length(): number {
    return this.#waiting.size;
  }

  /** Keys handed out and not yet `done`. */
  get processing(): number {
    return this.#processing.size;
  }

  /** Keys waiting for a delayed or rate-limited add. */
  get delayed(): number {
    return this.#delayed.size;
  }

  /** True when no key is waiting, delayed or being processed. */
  idle(): boolean {
    return this.#waiting.size === 0 && this.#processing.size === 0 && this.#delayed.size === 0;
  }

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Queues `key` now. Does nothing when it already waits, or after `shutDown`. */
  add(key: K): void {
    if (this.#shuttingDown) return;
    const delayed = this.#delayed.get(key);
    if (delayed !== undefined) {
      clearTimeout(delayed.timer);
      this.#delayed.delete(key);
    }
    if (this.#processing.has(key)) {
      this.#dirty.add(key);
      return;
    }
    if (this.#waiting.has(key)) return;
    const getter = this.#getters.shift();
    if (getter !== undefined) {
      this.#processing.add(key);
      getter(key);
      return;
    }
    this.#waiting.add(key);
    this.#reportDepth();
  }

  /** Queues `key` after `delayMs`; an earlier pending delayed add of the same key wins. */
  addAfter(key: K, delayMs: number): void {
    if (this.#shuttingDown) return;
    if (delayMs <= 0) return this.add(key);
    const due = Date.now() + delayMs;
    const pending = this.#delayed.get(key);
    if (pending !== undefined) {
      if (pending.due <= due) return;
      clearTimeout(pending.timer);
    }
    const timer = setTimeout(() => {
      this.#delayed.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref();
    this.#delayed.set(key, { timer, due });
  }

  /** Queues `key` again after its backoff: base * 2^(failures), capped; counts one more failure. */
  addRateLimited(key: K): void {
    const failures = this.#failures.get(key) ?? 0;
    this.#failures.set(key, failures + 1);
    this.addAfter(key, this.backoff(failures));
  }

  /** The delay of the next rate-limited add after `failures` earlier failures. */
  backoff(failures: number): number {
    return Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** Math.min(failures, 30));
  }

  /** How many times `key` failed since the last `forget`. */
  failures(key: K): number {
    return this.#failures.get(key) ?? 0;
  }

  /** Clears `key`'s failure count (call after it was processed successfully). */
  forget(key: K): void {
    this.#failures.delete(key);
  }

  /**
   * The next key, marked as processing until `done(key)`; waits for one. Resolves to undefined
   * once the queue is shut down.
   */
  get(): Promise<K | undefined> {
    if (this.#shuttingDown) return Promise.resolve(undefined);
    const next = this.#waiting.values().next();
    if (!next.done) {
      this.#waiting.delete(next.value);
      this.#processing.add(next.value);
      this.#reportDepth();
      return Promise.resolve(next.value);
    }
    return new Promise((resolve) => this.#getters.push(resolve));
  }

  /** Ends the processing of `key`; queues it again when it was added meanwhile. */
  done(key: K): void {
    this.#processing.delete(key);
    if (this.#dirty.delete(key)) this.add(key);
  }

  /** Stops handing out keys; waiting `get`s resolve to undefined, delayed adds are cancelled. Idempotent. */
  shutDown(): void {
    this.#shuttingDown = true;
    for (const { timer } of this.#delayed.values()) clearTimeout(timer);
    this.#delayed.clear();
    this.#waiting.clear();
    this.#dirty.clear();
    for (const getter of this.#getters.splice(0)) getter(undefined);
    this.#reportDepth();
  }

  #reportDepth(): void {
    const depth = this.#waiting.size;
    if (depth === this.#lastDepth) return;
    this.#lastDepth = depth;
    this.#onDepth?.(depth);
  }
}
