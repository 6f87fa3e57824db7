/** Walks over the parts of route rules that several match and filter rules read, with paths. */
import type { Path } from '../core/path.ts';
import type { FilterModel, RouteModel } from '../core/route.ts';
import { list, record, text } from '../gateway/index.ts';

type Json = Readonly<Record<string, unknown>>;

export interface MatchModel {
  readonly ruleIndex: number;
  readonly path: Path;
  readonly match: Json;
}

/** Every `rules[].matches[]` entry that is an object. */
export function matches(route: RouteModel): MatchModel[] {
  return route.rules.flatMap(({ rule, path, index }) =>
    list(rule.matches).flatMap((m, j) => {
      const match = record(m);
      return match === undefined ? [] : [{ ruleIndex: index, path: [...path, 'matches', j], match }];
    }),
  );
}

export interface NamedEntry {
  readonly path: Path;
  readonly entry: Json;
  readonly name: string | undefined;
}

/** The object entries of a list field (`headers`, `queryParams`, `set`, `add`), with their names. */
export function entries(owner: Json, key: string, ownerPath: Path): NamedEntry[] {
  return list(owner[key]).flatMap((item, k) => {
    const entry = record(item);
    return entry === undefined ? [] : [{ path: [...ownerPath, key, k], entry, name: text(entry.name) }];
  });
}

/** Every filter of every filter list (rule level and backendRef level). */
export function allFilters(route: RouteModel): FilterModel[] {
  return route.filterLists.flatMap((l) => l.filters);
}

/** The header modifiers (request and response) of every filter, with their paths. */
export function headerModifiers(route: RouteModel): { path: Path; modifier: Json }[] {
  return allFilters(route).flatMap((f) =>
    (['requestHeaderModifier', 'responseHeaderModifier'] as const).flatMap((key) => {
      const modifier = record(f.filter[key]);
      return modifier === undefined ? [] : [{ path: [...f.path, key], modifier }];
    }),
  );
}
