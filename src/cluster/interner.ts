/**
 * One shared copy of values that many cached objects repeat (a namespace, `ClusterIP`, the same
 * port list on thousands of Services), so that the cache holds each once instead of once per
 * object. Bounded: once `limit` distinct values are held, new ones are returned as they came
 * (a cluster of unusual variety costs memory as before, never more). Values handed out are
 * shared: callers MUST treat them as immutable.
 */
export class Interner<T> {
  readonly #values = new Map<string, T>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value held under `key`, or `value`, which is held from now on if there is room. */
  intern(key: string, value: T): T {
    const held = this.#values.get(key);
    if (held !== undefined) return held;
    if (this.#values.size < this.#limit) this.#values.set(key, value);
    return value;
  }
}
