import { applyPatch, Pointer, type Operation } from 'rfc6902';

export interface JsonPatchOptions {
  /**
   * The document is as a test wrote it, without the CRD defaults the API server fills in before
   * admission: a `replace` of an absent object member is applied as `add`, as the same patch
   * applies to the defaulted object (`parentRefs[].group`). Strict RFC 6902 otherwise.
   */
  readonly undefaulted?: boolean;
}

/**
 * The tests' JSON Patch oracle (RFC 6902, by the rfc6902 library): applies `operations` to a deep
 * copy of `document` and returns the copy. Throws naming the first operation that does not apply.
 */
export function applyJsonPatch<T>(document: T, operations: readonly Operation[], options: JsonPatchOptions = {}): T {
  const copy = structuredClone(document);
  for (const operation of operations) {
    const target = Pointer.fromJSON(operation.path).evaluate(copy);
    const setsDefault = options.undefaulted === true && operation.op === 'replace' && !Array.isArray(target.parent) && target.value === undefined;
    const [error] = applyPatch(copy, [setsDefault ? { ...operation, op: 'add' } : operation]);
    if (error) throw new Error(`${JSON.stringify(operation)}: ${error.message}`);
  }
  return copy;
}
