/**
 * The shadows of one route's entries in the table it shares with other routes, found without
 * ranking the table: an entry is shadowed exactly when some entry ahead of it covers it (coverage
 * is transitive, so the first such entry is never shadowed itself, and it is the one the ranked
 * table names in `shadowedBy`). MR110 asks this on every evaluation of a route on a busy Service
 * port; its cost is the route's entries times the other routes' matches, and no table is built,
 * so a port with a thousand routes costs each evaluation a scan, not a ranking; the scan makes
 * at most `COVER_CHECK_BUDGET` checks.
 */
import { dig, list, record, text } from '../gateway/untrusted.ts';
import type { RouteModel } from './route.ts';
import { CoverChecker } from './routing-cover.ts';
import type { RouteMatch } from './routing-match.ts';
import { comparePrecedence, createdAt, matchRanks, type PrecedenceKey } from './routing-order.ts';
import { ruleMatches, type EntryOrigin } from './routing-table.ts';
import type { AttachedRoute } from './view.ts';

/** One entry of the route and the first entry ahead of it that covers it, if any (as `RoutingEntry`). */
export interface EntryShadow {
  readonly origin: EntryOrigin;
  readonly shadowedBy?: { readonly origin: EntryOrigin };
}

interface KeyedEntry {
  readonly match: RouteMatch;
  readonly key: PrecedenceKey;
  readonly origin: EntryOrigin;
}

function entriesOf(kind: RouteModel['kind'], namespace: string, name: string, creationTimestamp: string | undefined, rules: unknown): KeyedEntry[] {
  const created = createdAt(creationTimestamp);
  const routeKey = `${namespace}/${name}`;
  const route = { kind, namespace, name };
  const out: KeyedEntry[] = [];
  const items = list(rules);
  for (let ruleIndex = 0; ruleIndex < items.length; ruleIndex++) {
    const rule = record(items[ruleIndex]);
    if (rule === undefined) continue;
    const ruleName = text(rule.name);
    for (const { match, matchIndex } of ruleMatches(kind, rule.matches)) {
      out.push({
        match,
        key: { ranks: matchRanks(match), created, route: routeKey, ruleIndex, matchIndex: matchIndex ?? -1 },
        origin: { route, ruleIndex, ...(ruleName === undefined ? {} : { ruleName }), ...(matchIndex === undefined ? {} : { matchIndex }) },
      });
    }
  }
  return out;
}

/**
 * Each entry of `route` with its first coverer ahead among `route`'s own entries and those of
 * `others` (routes of the same group and kind on the same Service port; the caller selects them).
 */
export function shadowsAmong(route: RouteModel, others: readonly AttachedRoute[]): EntryShadow[] {
  const own = entriesOf(route.kind, route.namespace, route.name ?? '', route.creationTimestamp, route.spec?.rules);
  const candidates = [...own];
  for (const other of others) {
    candidates.push(...entriesOf(other.kind, other.namespace, other.name, text(dig(other.object, 'metadata', 'creationTimestamp')), dig(other.object, 'spec', 'rules')));
  }
  const checker = new CoverChecker();
  return own.map((entry) => {
    let first: KeyedEntry | undefined;
    if (checker.spent) return { origin: entry.origin };
    for (const candidate of candidates) {
      if (candidate === entry || comparePrecedence(candidate.key, entry.key) >= 0) continue;
      if (first !== undefined && comparePrecedence(candidate.key, first.key) >= 0) continue;
      if (checker.covers(candidate.match, entry.match)) first = candidate;
    }
    return first === undefined ? { origin: entry.origin } : { origin: entry.origin, shadowedBy: { origin: first.origin } };
  });
}
