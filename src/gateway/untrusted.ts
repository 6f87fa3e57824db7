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

/** Structural equality of two JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ra = record(a);
  const rb = record(b);
  if (ra === undefined || rb === undefined) return false;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((key) => Object.hasOwn(rb, key) && jsonEqual(ra[key], rb[key]));
}
