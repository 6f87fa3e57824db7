import { applyPatch, type Operation } from 'rfc6902';

/**
 * The tests' JSON Patch oracle (RFC 6902, by the rfc6902 library): applies `operations` to a deep
 * copy of `document` and returns the copy. Throws naming the first operation that does not apply.
 */
export function applyJsonPatch<T>(document: T, operations: readonly Operation[]): T {
  const copy = structuredClone(document);
  for (const operation of operations) {
    const [error] = applyPatch(copy, [operation]);
    if (error) throw new Error(`${JSON.stringify(operation)}: ${error.message}`);
  }
  return copy;
}
