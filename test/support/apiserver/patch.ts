/**
 * The patch formats the server accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902), and
 * strategic merge patch applied as a merge patch (no list merge keys: enough for custom resources,
 * where the real server refuses strategic merge anyway, and for the map fields tests patch).
 */
import { applyPatch, type Operation } from 'rfc6902';

/** Thrown for a patch that cannot be applied; the server answers 422 with its message. */
export class PatchError extends Error {
  override name = 'PatchError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386. Returns a new value; neither argument is mutated. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * RFC 6902, by the rfc6902 library. Returns a new document; the arguments are not mutated. Throws
 * PatchError (a 422) naming the first operation that does not apply, as the real server refuses
 * the whole patch: a failed `test`, a missing path, an unknown op.
 */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new PatchError('a JSON patch must be an array of operations');
  for (const raw of operations) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string' || !/^(\/|$)/.test(raw.path)) {
      throw new PatchError(`invalid operation ${JSON.stringify(raw)}`);
    }
  }
  const doc = structuredClone(target);
  const results = applyPatch(doc, operations as Operation[]);
  const failed = results.findIndex((result) => result !== null);
  if (failed >= 0) {
    const { op, path } = operations[failed] as Operation;
    throw new PatchError(op === 'test' ? `testing value ${path} failed: test failed` : `${op} operation does not apply: ${results[failed]?.message}`);
  }
  return doc;
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}
