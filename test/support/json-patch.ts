/** Applies RFC 6902 add/replace operations to a copy of `document` (the ops the webhook emits). */
export function applyJsonPatch<T>(document: T, operations: readonly { op: string; path: string; value?: unknown }[]): T {
  const copy = structuredClone(document) as unknown;
  let root = copy;
  for (const { op, path, value } of operations) {
    if (op !== 'add' && op !== 'replace') throw new Error(`unexpected op ${op}`);
    const tokens = path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (tokens.length === 0) {
      root = structuredClone(value);
      continue;
    }
    let parent = root as Record<string, unknown> | unknown[];
    for (const token of tokens.slice(0, -1)) {
      const next = Array.isArray(parent) ? parent[Number(token)] : parent[token];
      if (next === null || typeof next !== 'object') throw new Error(`${path}: parent ${token} missing`);
      parent = next as Record<string, unknown> | unknown[];
    }
    const last = tokens[tokens.length - 1] as string;
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(index, 0, structuredClone(value));
      else parent[index] = structuredClone(value);
    } else {
      if (op === 'replace' && !(last in parent)) throw new Error(`${path}: replace of a missing member`);
      parent[last] = structuredClone(value);
    }
  }
  return root as T;
}
