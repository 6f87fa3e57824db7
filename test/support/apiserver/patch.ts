/**
 * The patch formats the server accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902), and
 * strategic merge patch applied as a merge patch (no list merge keys: enough for custom resources,
 * where the real server refuses strategic merge anyway, and for the map fields tests patch).
 */

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

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(unescape);
}

function getAt(doc: unknown, tokens: readonly string[]): unknown {
  let node = doc;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

function parentOf(doc: unknown, tokens: readonly string[], path: string): { parent: unknown; key: string } {
  const key = tokens.at(-1);
  if (key === undefined) throw new PatchError(`path ${JSON.stringify(path)} names the whole document`);
  const parent = getAt(doc, tokens.slice(0, -1));
  if (!Array.isArray(parent) && !isObject(parent)) throw new PatchError(`doc is missing path: ${JSON.stringify(path)}`);
  return { parent, key };
}

function arrayIndex(parent: unknown[], key: string, path: string, allowEnd: boolean): number {
  if (key === '-' && allowEnd) return parent.length;
  if (!/^(0|[1-9][0-9]*)$/.test(key)) throw new PatchError(`invalid array index ${JSON.stringify(key)} in ${path}`);
  const index = Number(key);
  if (index > parent.length || (!allowEnd && index === parent.length)) throw new PatchError(`index out of range in ${path}`);
  return index;
}

function add(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return structuredClone(value);
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, path, true), 0, structuredClone(value));
  else (parent as Record<string, unknown>)[key] = structuredClone(value);
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, path, false), 1);
  else {
    const record = parent as Record<string, unknown>;
    if (!(key in record)) throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`);
    delete record[key];
  }
  return doc;
}

/** RFC 6902. Returns a new document; the arguments are not mutated. Throws PatchError. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new PatchError('a JSON patch must be an array of operations');
  let doc = structuredClone(target);
  for (const raw of operations) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw new PatchError(`invalid operation ${JSON.stringify(raw)}`);
    }
    const { op, path } = raw;
    switch (op) {
      case 'add':
        doc = add(doc, path, raw.value);
        break;
      case 'remove':
        doc = remove(doc, path);
        break;
      case 'replace':
        if (getAt(doc, parsePointer(path)) === undefined) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}`);
        doc = add(remove(doc, path), path, raw.value);
        break;
      case 'move': {
        if (typeof raw.from !== 'string') throw new PatchError('move needs from');
        const value = getAt(doc, parsePointer(raw.from));
        if (value === undefined) throw new PatchError(`move operation does not apply: doc is missing from path: ${raw.from}`);
        doc = add(remove(doc, raw.from), path, value);
        break;
      }
      case 'copy': {
        if (typeof raw.from !== 'string') throw new PatchError('copy needs from');
        const value = getAt(doc, parsePointer(raw.from));
        if (value === undefined) throw new PatchError(`copy operation does not apply: doc is missing from path: ${raw.from}`);
        doc = add(doc, path, value);
        break;
      }
      case 'test':
        if (!deepEqual(getAt(doc, parsePointer(path)), raw.value)) throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${op}`);
    }
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
