/**
 * Which rules of a route a routing table never reaches: a rule is unreachable when every one of
 * its entries is shadowed (`RoutingEntry.shadowedBy`, a proof, never a guess). MR312 asks this of
 * a route ranked alone, MR110 of its entries among the routes of each Service port it attaches to
 * (`routing-against.ts`).
 */
import type { EntryOrigin, RouteOrigin } from './routing-table.ts';

/** What is read of an entry: a `RoutingEntry`, or an `EntryShadow` of `routing-against.ts`. */
export interface ShadowedEntry {
  readonly origin: EntryOrigin;
  readonly shadowedBy?: { readonly origin: EntryOrigin };
}

/** A rule of the route that no request reaches, and the entries that take its requests. */
export interface UnreachableRule {
  readonly ruleIndex: number;
  readonly ruleName?: string;
  /** The origins of the entries ahead that take its requests, one per distinct route rule, in table order. */
  readonly takenBy: readonly EntryOrigin[];
}

/** The rules of `route` (by kind, namespace and name) whose every entry in `entries` is shadowed, in rule order. */
export function unreachableRules(entries: readonly ShadowedEntry[], route: Omit<RouteOrigin, 'source'>): UnreachableRule[] {
  const byRule = new Map<number, { ruleName: string | undefined; reachable: boolean; takenBy: Map<string, EntryOrigin> }>();
  for (const entry of entries) {
    const { origin } = entry;
    const { kind, namespace, name } = origin.route;
    if (kind !== route.kind || namespace !== route.namespace || name !== route.name) continue;
    let rule = byRule.get(origin.ruleIndex);
    if (rule === undefined) {
      rule = { ruleName: origin.ruleName, reachable: false, takenBy: new Map() };
      byRule.set(origin.ruleIndex, rule);
    }
    const shadow = entry.shadowedBy?.origin;
    if (shadow === undefined) rule.reachable = true;
    else rule.takenBy.set(`${shadow.route.kind}/${shadow.route.namespace}/${shadow.route.name}#${shadow.ruleIndex}`, shadow);
  }
  const out: UnreachableRule[] = [];
  for (const [ruleIndex, rule] of [...byRule].sort(([a], [b]) => a - b)) {
    if (rule.reachable) continue;
    out.push({ ruleIndex, ...(rule.ruleName === undefined ? {} : { ruleName: rule.ruleName }), takenBy: [...rule.takenBy.values()] });
  }
  return out;
}
