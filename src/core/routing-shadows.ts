/**
 * Marks the shadows of a ranked table: each entry's `shadowedBy` is the first entry ahead of it
 * that covers it (`covers`, the one proof, within `COVER_CHECK_BUDGET` checks). Only entries not
 * shadowed themselves are tried: coverage is transitive, so the first entry that covers is never
 * shadowed.
 *
 * For HTTPRoute entries an index of the open entries by path narrows the candidates to those
 * whose path can cover (the same Exact path or expression, or a PathPrefix at one of the path's
 * element boundaries, `/` included); `covers` still decides each. Without it a table of 200
 * rules tried some 20,000 pairs.
 */
import { CoverChecker } from './routing-cover.ts';
import { prefixElements, type RouteMatch } from './routing-match.ts';

interface Shadowable {
  readonly match: RouteMatch;
}

/** Candidate keys: where an entry that might cover `match` would be filed. */
function candidateKeys(match: RouteMatch): string[] {
  if (match.protocol !== 'http') return [];
  const { type, value } = match.path;
  if (type === 'RegularExpression') return ['P\u0000', `R\u0000${value}`];
  if (type !== 'Exact' && type !== 'PathPrefix') return [];
  const path = type === 'PathPrefix' ? prefixElements(value) : value;
  const keys = ['P\u0000'];
  for (let i = 1; i < path.length; i++) if (path[i] === '/') keys.push(`P\u0000${path.slice(0, i)}`);
  keys.push(`P\u0000${prefixElements(path)}`);
  if (type === 'Exact') keys.push(`E\u0000${value}`);
  return keys;
}

/** Where an open entry is filed, so that `candidateKeys` of the entries it may cover find it. */
function fileKey(match: RouteMatch): string | undefined {
  if (match.protocol !== 'http') return undefined;
  const { type, value } = match.path;
  if (type === 'PathPrefix') return `P\u0000${prefixElements(value)}`;
  if (type === 'Exact') return `E\u0000${value}`;
  if (type === 'RegularExpression') return `R\u0000${value}`;
  return undefined;
}

/** The entries with `shadowedBy` set where proved, in the same order. */
export function markShadows<E extends Shadowable>(entries: readonly E[], shadow: (entry: E, index: number, by: E) => E): E[] {
  const checker = new CoverChecker();
  const out: E[] = [];
  const openGrpc: number[] = [];
  const openByPath = new Map<string, number[]>();
  for (const entry of entries) {
    const index = checker.spent
      ? undefined
      : entry.match.protocol === 'http'
        ? firstHttpCover(entry.match, out, openByPath, checker)
        : openGrpc.find((i) => checker.covers((out[i] as E).match, entry.match));
    if (index !== undefined) {
      out.push(shadow(entry, index, out[index] as E));
      continue;
    }
    const key = fileKey(entry.match);
    if (entry.match.protocol === 'grpc') openGrpc.push(out.length);
    else if (key !== undefined) {
      const bucket = openByPath.get(key);
      if (bucket === undefined) openByPath.set(key, [out.length]);
      else bucket.push(out.length);
    }
    out.push(entry);
  }
  return out;
}

function firstHttpCover(
  match: RouteMatch,
  out: readonly Shadowable[],
  openByPath: ReadonlyMap<string, readonly number[]>,
  checker: CoverChecker,
): number | undefined {
  let first: number | undefined;
  for (const key of candidateKeys(match)) {
    for (const i of openByPath.get(key) ?? []) {
      if (first !== undefined && i >= first) break;
      if (checker.covers((out[i] as Shadowable).match, match)) {
        first = i;
        break;
      }
    }
  }
  return first;
}
