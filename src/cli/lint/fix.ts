import { applyPatch, Pointer } from 'rfc6902';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type ToStringOptions } from 'yaml';
import type { JsonPatchOperation } from '../../core/types.ts';
import { GammaError } from '../../errors.ts';
import type { ManifestDocument, NodePath } from './documents.ts';

/**
 * Splits an RFC 6901 JSON Pointer into its reference tokens (`~1` is `/`, `~0` is `~`).
 * Throws GAMMA_ERR_LINT_FIX for a pointer that is neither empty nor starts with `/`.
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new GammaError('GAMMA_ERR_LINT_FIX', `not a JSON Pointer: ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * Applies JSON Patch `add` and `replace` operations (RFC 6902) onto the object at `base` of a
 * parsed YAML document, in place, editing the node tree so that comments, key order, anchors
 * and scalar styles elsewhere survive. A replaced scalar keeps its node (and its comment); a new
 * key is appended to its map; `add` into a sequence inserts at the index (or appends for `-`).
 * `replace` of a key the file does not spell out sets it: the core judges the object with the
 * CRD defaults filled in (`parentRefs[].group`), which the file leaves implicit.
 *
 * Throws GAMMA_ERR_LINT_FIX naming the pointer when a parent on the path does not exist, an
 * index is out of range, or the operation targets the object itself.
 */
export function patchDocument(manifest: ManifestDocument, base: NodePath, operations: readonly JsonPatchOperation[]): void {
  const { document } = manifest;
  for (const operation of operations) {
    const tokens = parsePointer(operation.path);
    const last = tokens.at(-1);
    if (last === undefined) throw fail(operation, 'cannot replace the whole object');
    let parent: unknown = document.contents;
    for (const key of [...base, ...tokens.slice(0, -1)]) {
      parent = resolve(manifest, parent);
      if (isMap(parent)) parent = findPair(parent.items, String(key))?.value;
      else if (isSeq(parent)) parent = parent.items[index(key, parent.items.length - 1, operation)];
      else throw fail(operation, `no parent at ${JSON.stringify(key)}`);
    }
    parent = resolve(manifest, parent);
    if (isMap(parent)) {
      const pair = findPair(parent.items, last);
      if (pair && isScalar(pair.value) && isPrimitive(operation.value)) pair.value.value = operation.value;
      else if (pair) pair.value = document.createNode(operation.value);
      else parent.items.push(document.createPair(last, operation.value));
    } else if (isSeq(parent)) {
      const node = document.createNode(operation.value);
      if (operation.op === 'add' && last === '-') parent.items.push(node);
      else if (operation.op === 'add') parent.items.splice(index(last, parent.items.length, operation), 0, node);
      else parent.items[index(last, parent.items.length - 1, operation)] = node;
    } else {
      throw fail(operation, 'its parent is neither a mapping nor a sequence');
    }
  }
}

/** How a fixed document is written back: the source's own indentation, no line folding. */
export function styleOf(manifest: ManifestDocument): ToStringOptions {
  let indentSeq: boolean | undefined;
  let indent: number | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || (indentSeq !== undefined && indent !== undefined)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && value?.range && !('flow' in value && value.flow)) {
          const keyColumn = manifest.lineCounter.linePos(key.range[0]).col;
          const valueColumn = manifest.lineCounter.linePos(value.range[0]).col;
          if (isSeq(value) && indentSeq === undefined) indentSeq = valueColumn > keyColumn;
          if (isMap(value) && indent === undefined && valueColumn > keyColumn) indent = valueColumn - keyColumn;
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(manifest.document.contents, 0);
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, lineWidth: 0, flowCollectionPadding: false };
}

/**
 * The text of a source with some of its documents changed: untouched documents are copied byte
 * for byte, changed ones re-serialised in the source's style. JSON sources are written as JSON
 * with the source's indentation (JSON has no comments to keep; key order is kept).
 */
export function renderSource(
  text: string,
  json: boolean,
  documents: readonly ManifestDocument[],
  changed: ReadonlySet<ManifestDocument>,
): string {
  if (json) {
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0].length ?? 2;
    const values = documents.map((manifest) => JSON.stringify(manifest.document.toJS(), null, indent));
    return `${values.join('\n')}\n`;
  }
  let out = '';
  let offset = 0;
  for (const manifest of documents) {
    const end = manifest.document.range[2];
    out += changed.has(manifest) ? manifest.document.toString(styleOf(manifest)) : text.slice(offset, end);
    offset = end;
  }
  return out + text.slice(offset);
}

function resolve(manifest: ManifestDocument, node: unknown): unknown {
  return isAlias(node) ? node.resolve(manifest.document) : node;
}

function findPair(items: readonly unknown[], key: string) {
  for (const item of items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item;
  }
  return undefined;
}

function index(token: string | number, max: number, operation: JsonPatchOperation): number {
  const value = typeof token === 'number' ? token : /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : NaN;
  if (!Number.isInteger(value) || value < 0 || value > max) throw fail(operation, `index ${String(token)} out of range`);
  return value;
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function fail(operation: JsonPatchOperation, why: string): GammaError {
  return new GammaError('GAMMA_ERR_LINT_FIX', `${operation.op} ${operation.path}: ${why}`);
}

/**
 * Applies JSON Patch `add` and `replace` operations (RFC 6902, by the rfc6902 library) to a copy
 * of plain data and returns the copy; the input is not changed. As in `patchDocument`, a
 * `replace` of a key the file leaves out sets it (the core judged the object with the CRD
 * defaults filled in). Throws GAMMA_ERR_LINT_FIX naming the operation that does not apply.
 */
export function patchValue(value: unknown, operations: readonly JsonPatchOperation[]): unknown {
  const root: unknown = structuredClone(value);
  for (const operation of operations) {
    if (parsePointer(operation.path).length === 0) throw fail(operation, 'cannot replace the whole object');
    const target = Pointer.fromJSON(operation.path).evaluate(root);
    const setsMissingKey = operation.op === 'replace' && !Array.isArray(target.parent) && target.value === undefined;
    const [error] = applyPatch(root, [{ ...operation, op: setsMissingKey ? 'add' : operation.op }]);
    if (error) throw fail(operation, error.message);
  }
  return root;
}
