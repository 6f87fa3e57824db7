/**
 * Readers for untrusted JSON. Every function accepts any value and MUST NOT throw: a value of
 * the wrong shape reads as absent (undefined or an empty list), so rules skip it instead of
 * failing. The API server's schema rejects such objects later; the core never has to.
 */

/** A plain JSON object, or undefined for anything else (arrays and null included). */
export function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The array, or an empty list for anything else. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string, or undefined for anything else. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A finite integer, or undefined for anything else (strings are not coerced). */
export function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Reads `value.a.b.c` through records only; undefined as soon as one step is not an object. */
export function dig(value: unknown, ...keys: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    const r = record(current);
    if (r === undefined || !Object.hasOwn(r, key)) return undefined;
    current = r[key];
  }
  return current;
}

/**
 * Structural equality of two JSON values (key order ignored). Iterative, not recursive: a body
 * within the size limit can nest hundreds of thousands of levels, deeper than the call stack.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], y[i]]);
      continue;
    }
    const rx = record(x);
    const ry = record(y);
    if (rx === undefined || ry === undefined) return false;
    const keys = Object.keys(rx);
    if (keys.length !== Object.keys(ry).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(ry, key)) return false;
      pending.push([rx[key], ry[key]]);
    }
  }
  return true;
}
