/** Walks over the parts of route rules that several match and filter rules read, with paths. */
import type { Path } from '../core/path.ts';
import type { FilterModel, RouteModel } from '../core/route.ts';
import type { ClusterView } from '../core/view.ts';
import { list, record, text } from '../gateway/index.ts';

type Json = Readonly<Record<string, unknown>>;

export interface MatchModel {
  readonly ruleIndex: number;
  readonly path: Path;
  readonly match: Json;
  /** The object entries of `headers` and `queryParams`: three rules read the headers. */
  readonly headers: readonly NamedEntry[];
  readonly queryParams: readonly NamedEntry[];
}

/** A request or response header modifier, with the object entries of `set` and `add`. */
export interface HeaderModifierModel {
  readonly path: Path;
  readonly modifier: Json;
  readonly set: readonly NamedEntry[];
  readonly add: readonly NamedEntry[];
}

/**
 * `walk` of a route, done once per RouteModel (immutable, and made afresh for each evaluation)
 * and shared by the rules that run after it. It remembers the last route only, not a WeakMap of
 * them: rules run synchronously one route at a time, and the profile of the server showed
 * WeakMap entries made the garbage collector's work grow with the request rate.
 */
function oncePerRoute<T>(walk: (route: RouteModel) => T): (route: RouteModel) => T {
  let last: { readonly route: RouteModel; readonly value: T } | undefined;
  return (route) => {
    if (last?.route === route) return last.value;
    const value = walk(route);
    last = { route, value };
    return value;
  };
}

/**
 * `walk` over a route and the cluster view, done once per pair, as `oncePerRoute` (the view is
 * part of the key: lint and status read the same route model with others).
 */
export function oncePerView<T>(walk: (context: { readonly route: RouteModel; readonly view: ClusterView }) => T) {
  let last: { readonly route: RouteModel; readonly view: ClusterView; readonly value: T } | undefined;
  return (context: { readonly route: RouteModel; readonly view: ClusterView }): T => {
    if (last !== undefined && last.route === context.route && last.view === context.view) return last.value;
    const value = walk(context);
    last = { route: context.route, view: context.view, value };
    return value;
  };
}

/** Every `rules[].matches[]` entry that is an object. */
export const matches = oncePerRoute((route): readonly MatchModel[] => {
  const out: MatchModel[] = [];
  for (const { rule, path, index } of route.rules) {
    const items = list(rule.matches);
    for (let j = 0; j < items.length; j++) {
      const match = record(items[j]);
      if (match === undefined) continue;
      const matchPath: Path = [...path, 'matches', j];
      out.push({ ruleIndex: index, path: matchPath, match, headers: entries(match, 'headers', matchPath), queryParams: entries(match, 'queryParams', matchPath) });
    }
  }
  return out;
});

/**
 * One object entry of a list field. Its path is not built here: most entries have no finding,
 * and this runs for every match and modifier of every rule; `entryPath` builds it on demand.
 */
export interface NamedEntry {
  readonly ownerPath: Path;
  readonly key: string;
  readonly index: number;
  readonly entry: Json;
  readonly name: string | undefined;
}

/** The object entries of a list field (`headers`, `queryParams`, `set`, `add`), with their names. */
function entries(owner: Json, key: string, ownerPath: Path): NamedEntry[] {
  const items = list(owner[key]);
  const out: NamedEntry[] = [];
  for (let index = 0; index < items.length; index++) {
    const entry = record(items[index]);
    if (entry !== undefined) out.push({ ownerPath, key, index, entry, name: text(entry.name) });
  }
  return out;
}

/** The path of an entry's field `field`, e.g. `...headers[2].name`. */
export function entryPath(e: NamedEntry, field: string): Path {
  return [...e.ownerPath, e.key, e.index, field];
}

/** Every filter of every filter list (rule level and backendRef level). */
export const allFilters = oncePerRoute((route): readonly FilterModel[] => {
  const out: FilterModel[] = [];
  for (const l of route.filterLists) out.push(...l.filters);
  return out;
});

/** The header modifiers (request and response) of every filter, with their paths. */
export const headerModifiers = oncePerRoute((route): readonly HeaderModifierModel[] => {
  const out: HeaderModifierModel[] = [];
  for (const f of allFilters(route)) {
    for (const key of ['requestHeaderModifier', 'responseHeaderModifier'] as const) {
      const modifier = record(f.filter[key]);
      if (modifier === undefined) continue;
      const path: Path = [...f.path, key];
      out.push({ path, modifier, set: entries(modifier, 'set', path), add: entries(modifier, 'add', path) });
    }
  }
  return out;
});

/** True when `name` was seen before, case-insensitively (header names); records it otherwise. */
export function seenBefore(seen: Set<string>, name: string): boolean {
  const key = name.toLowerCase();
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}
