/**
 * The parts of route rules that several rules read: matches with their headers and query
 * parameters, filters, and header modifiers with their `set` and `add` entries, each with where
 * it sits. Read from a RouteModel; MUST NOT throw: entries that are not objects are left out.
 */
import { list, record, text } from '../gateway/untrusted.ts';
import type { Path } from './path.ts';
import type { FilterModel, RouteModel } from './route.ts';

type Json = Readonly<Record<string, unknown>>;

/**
 * One object entry of a list field (`headers`, `queryParams`, `set`, `add`). Its own path is
 * built only when a finding needs it (`entryPath`): most entries have none.
 */
export interface NamedEntry {
  readonly ownerPath: Path;
  readonly key: string;
  readonly index: number;
  readonly entry: Json;
  readonly name: string | undefined;
}

/** One `rules[].matches[]` object. */
export interface MatchModel {
  readonly ruleIndex: number;
  readonly path: Path;
  readonly match: Json;
  readonly headers: readonly NamedEntry[];
  readonly queryParams: readonly NamedEntry[];
}

/** A request or response header modifier of a filter. */
export interface HeaderModifierModel {
  readonly path: Path;
  readonly modifier: Json;
  readonly set: readonly NamedEntry[];
  readonly add: readonly NamedEntry[];
}

/** The path of an entry's field `field`, e.g. `...headers[2].name`. */
export function entryPath(e: NamedEntry, field: string): Path {
  return [...e.ownerPath, e.key, e.index, field];
}

function entries(owner: Json, key: string, ownerPath: Path): NamedEntry[] {
  const items = list(owner[key]);
  const out: NamedEntry[] = [];
  for (let index = 0; index < items.length; index++) {
    const entry = record(items[index]);
    if (entry !== undefined) out.push({ ownerPath, key, index, entry, name: text(entry.name) });
  }
  return out;
}

/** Every match object of every rule, in spec order. */
export function readMatches(route: RouteModel): MatchModel[] {
  const out: MatchModel[] = [];
  for (const { rule, path, index } of route.rules) {
    const items = list(rule.matches);
    for (let j = 0; j < items.length; j++) {
      const match = record(items[j]);
      if (match === undefined) continue;
      const matchPath: Path = [...path, 'matches', j];
      out.push({
        ruleIndex: index,
        path: matchPath,
        match,
        headers: entries(match, 'headers', matchPath),
        queryParams: entries(match, 'queryParams', matchPath),
      });
    }
  }
  return out;
}

/** Every filter of every filter list (rule level and backendRef level), in spec order. */
export function readFilters(route: RouteModel): FilterModel[] {
  const out: FilterModel[] = [];
  for (const l of route.filterLists) out.push(...l.filters);
  return out;
}

/** The request and response header modifiers of `filters`. */
export function readHeaderModifiers(filters: readonly FilterModel[]): HeaderModifierModel[] {
  const out: HeaderModifierModel[] = [];
  for (const f of filters) {
    for (const key of ['requestHeaderModifier', 'responseHeaderModifier'] as const) {
      const modifier = record(f.filter[key]);
      if (modifier === undefined) continue;
      const path: Path = [...f.path, key];
      out.push({ path, modifier, set: entries(modifier, 'set', path), add: entries(modifier, 'add', path) });
    }
  }
  return out;
}
