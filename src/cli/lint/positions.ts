import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ManifestDocument, NodePath } from './documents.ts';

/** A place in a source, 1-based, as editors and SARIF count (columns in UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Where a field path points, and whether the field itself exists or only a parent of it. */
export interface Located extends Position {
  /** False when the field is missing and the position is its nearest existing parent's. */
  readonly exact: boolean;
}

/**
 * Finds the node of a field in a document and returns its position: for a map key, the key
 * (`name:` in `name: x`); for a sequence item, the item. A missing field is placed at its nearest
 * existing parent (`exact: false`), so a finding about an absent `port` points at the backendRef
 * that lacks it. Aliases are followed. Never throws; with nothing to follow it returns the
 * position of the object at `base`, or of the document.
 */
export function locate(manifest: ManifestDocument, base: NodePath, segments: readonly (string | number)[]): Located {
  const { document, lineCounter } = manifest;
  let node: unknown = document.contents;
  let anchor: Node | undefined = isNode(node) ? node : undefined;
  let exact = true;
  for (const [i, segment] of [...base, ...segments].entries()) {
    const next = child(manifest, node, segment);
    if (!next) {
      exact = false;
      break;
    }
    node = next.value;
    // Base segments (the List item) are never reported by key: the object is the item.
    anchor = next.key && i >= base.length ? next.key : (next.value ?? next.key ?? anchor);
  }
  const range = anchor?.range ?? document.range;
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(Math.max(range[0], anchor && !isScalar(anchor) ? firstLineEnd(manifest, range) : range[1]));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col, exact };
}

function child(
  manifest: ManifestDocument,
  node: unknown,
  segment: string | number,
): { key: Node | undefined; value: Node | undefined } | undefined {
  const resolved = isAlias(node) ? node.resolve(manifest.document) : node;
  if (isMap(resolved) && typeof segment === 'string') {
    const pair = resolved.items.find((item) => isPair(item) && keyText(item.key) === segment);
    if (!pair) return undefined;
    const value = isAlias(pair.value) ? pair.value.resolve(manifest.document) : pair.value;
    return { key: isNode(pair.key) ? pair.key : undefined, value: isNode(value) ? value : undefined };
  }
  if (isSeq(resolved) && typeof segment === 'number') {
    const item = resolved.items[segment];
    const value = isAlias(item) ? item.resolve(manifest.document) : item;
    return isNode(value) ? { key: undefined, value } : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const { value } = key;
  if (value === null) return 'null';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/** For a collection, highlight only its first line: a whole route is no use as a region. */
function firstLineEnd(manifest: ManifestDocument, range: readonly [number, number, number]): number {
  const newline = manifest.source.text.indexOf('\n', range[0]);
  const end = newline < 0 || newline > range[1] ? range[1] : newline;
  return end > range[0] && manifest.source.text[end - 1] === '\r' ? end - 1 : end;
}
