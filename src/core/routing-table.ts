/**
 * The effective routing table of one Service port: every mesh HTTPRoute or GRPCRoute attached to
 * it merged into the one ordered list a mesh builds, each request going to the first entry that
 * matches it (../shared/reference/gamma-semantics.md §1.3 and §1.8).
 *
 * Contract (the `explain` command renders this shape as text and JSON; keep it stable):
 * - A route is attached when a mesh parentRef names the Service and either names no port (every
 *   port) or this port; a parentRef with a `sectionName` must also name this port's name when the
 *   caller knows it.
 * - Groups: a producer route lives in the Service's namespace and serves every client; a consumer
 *   route lives in another namespace and serves only clients in its own namespace, for whom it
 *   replaces the producer routes. Routes merge only within their group.
 * - Kinds never merge: when any GRPCRoute attaches to the port (in any group, as MR109 decides)
 *   the port is gRPC, the table is built from GRPCRoutes only and every attached HTTPRoute is
 *   listed in `conflicted`.
 * - Order: `routing-order.ts`. Shadows: `routing-cover.ts` (`routing-shadows.ts` applies it); an entry's `shadowedBy` names the
 *   first entry ahead of it that takes every request it matches, and is absent without a proof.
 * - Building is pure and MUST NOT throw on any route object: what has the wrong shape is left out.
 */
import { list, record, text } from '../gateway/untrusted.ts';
import type { RouteKind } from './types.ts';
import { readRoute, type BackendRefModel, type RouteModel } from './route.ts';
import { GRPC_MATCH_ALL, HTTP_MATCH_ALL, readGrpcMatch, readHttpMatch, type RouteMatch } from './routing-match.ts';
import { markShadows } from './routing-shadows.ts';
import { comparePrecedence, compareRoutes, createdAt, matchRanks, type PrecedenceKey } from './routing-order.ts';
import { ruleTraffic, type RuleTraffic } from './routing-traffic.ts';
import type { AttachedRoute } from './view.ts';

export type { GrpcMatch, HttpMatch, RouteMatch, ValueMatch } from './routing-match.ts';
export type { BackendShare, RuleTraffic, TrafficState } from './routing-traffic.ts';

/** Where a route was read from, when it came from a file (filled in by lint and `explain`). */
export interface RouteSource {
  readonly file: string;
  /** 1-based line of the route's document. */
  readonly line?: number;
}

/** A route given to the table: as the view returns it, optionally with where it was read from. */
export interface TableRoute extends AttachedRoute {
  readonly source?: RouteSource;
}

/** A route as the table names it. */
export interface RouteOrigin {
  readonly kind: RouteKind;
  readonly namespace: string;
  /** `''` when the object has no name (an admission request with generateName). */
  readonly name: string;
  readonly source?: RouteSource;
}

/** Where an entry comes from: one match of one rule of one route. */
export interface EntryOrigin {
  readonly route: RouteOrigin;
  /** Index into `spec.rules`. */
  readonly ruleIndex: number;
  /** `spec.rules[].name`, when set. */
  readonly ruleName?: string;
  /** Index into the rule's `matches`; absent for a rule without matches (PathPrefix `/`, or every gRPC request). */
  readonly matchIndex?: number;
}

/** An HTTPRoute rule's `timeouts`, as written (GEP-2257 durations). */
export interface RuleTimeouts {
  readonly request?: string;
  readonly backendRequest?: string;
}

/** One line of the table: a match and what a request it takes gets. */
export interface RoutingEntry {
  readonly match: RouteMatch;
  readonly origin: EntryOrigin;
  /** The rule's backends and their shares; the same object for every entry of the rule. */
  readonly traffic: RuleTraffic;
  /** The rule's filters (rule level), as written; the same array for every entry of the rule. */
  readonly filters: readonly Readonly<Record<string, unknown>>[];
  readonly timeouts?: RuleTimeouts;
  /**
   * Set only with a proof that every request this entry matches is taken by an entry ahead of it:
   * `index` into the table's entries, and that entry's origin.
   */
  readonly shadowedBy?: { readonly index: number; readonly origin: EntryOrigin };
}

/** Whose table: every client's (producer routes) or one namespace's clients' (its consumer routes). */
export type RouteGroup = { readonly type: 'producer' } | { readonly type: 'consumer'; readonly namespace: string };

export interface RoutingTable {
  readonly service: { readonly namespace: string; readonly name: string };
  readonly port: number;
  /** The client namespace asked for, when one was. */
  readonly from?: string;
  readonly group: RouteGroup;
  /** `grpc` when a GRPCRoute attaches to the port; `none` when no route does (traffic flows as without the mesh). */
  readonly protocol: 'http' | 'grpc' | 'none';
  /** In precedence order: a request goes to the first entry that matches it; none matching is a 404. */
  readonly entries: readonly RoutingEntry[];
  /** The routes of this group and protocol, in the order of their tie-break (oldest first). */
  readonly routes: readonly RouteOrigin[];
  /** HTTPRoutes attached to the port that a GRPCRoute takes it from (every group). */
  readonly conflicted: readonly RouteOrigin[];
  /** Namespaces whose clients get their own consumer table instead of the producer one, sorted. */
  readonly consumerNamespaces: readonly string[];
}

export interface RoutingTableInput {
  readonly service: { readonly namespace: string; readonly name: string };
  readonly port: number;
  /** The Service port's name, to honour a parentRef's `sectionName`; unknown: not checked. */
  readonly portName?: string;
  /** Candidate routes (e.g. `view.attachedRoutes`); those not attached to this port are ignored. */
  readonly routes: readonly TableRoute[];
  /** A client namespace: the table its clients get (its consumer routes, when it has any). */
  readonly from?: string;
}

/** A route already read (`readRoute`), with where it was read from. */
export interface RankedRoute {
  readonly route: RouteModel;
  readonly source?: RouteSource | undefined;
}

/** `RoutingTableInput` with the routes already read: what the evaluation context has in hand. */
export interface RankedTableInput extends Omit<RoutingTableInput, 'routes'> {
  readonly routes: readonly RankedRoute[];
}

/** The table of one Service port for the clients of `from` (or every client, without it). */
export function buildRoutingTable(input: RoutingTableInput): RoutingTable {
  const routes = input.routes.map(({ kind, namespace, object, source }) => ({ route: readRoute(kind, namespace, object), source }));
  return routingTableOf({ ...input, routes });
}

/** `buildRoutingTable` from routes already read. */
export function routingTableOf(input: RankedTableInput): RoutingTable {
  const { service, port } = input;
  const attached = input.routes.filter((r) => attachesTo(r.route, input));
  const protocol = attached.length === 0 ? 'none' : attached.some((r) => r.route.kind === 'GRPCRoute') ? 'grpc' : 'http';
  const winning = attached.filter((r) => (protocol === 'grpc') === (r.route.kind === 'GRPCRoute'));
  const consumerNamespaces = [...new Set(winning.filter((r) => r.route.namespace !== service.namespace).map((r) => r.route.namespace))].sort();
  const group: RouteGroup =
    input.from !== undefined && consumerNamespaces.includes(input.from) ? { type: 'consumer', namespace: input.from } : { type: 'producer' };
  const groupNamespace = group.type === 'consumer' ? group.namespace : service.namespace;
  const members = winning.filter((r) => r.route.namespace === groupNamespace);
  return {
    service: { namespace: service.namespace, name: service.name },
    port,
    ...(input.from === undefined ? {} : { from: input.from }),
    group,
    protocol,
    entries: rankRoutes(members),
    routes: [...members].sort((a, b) => compareRoutes(routeTieBreak(a), routeTieBreak(b))).map(routeOrigin),
    conflicted: protocol === 'grpc' ? attached.filter((r) => r.route.kind === 'HTTPRoute').map(routeOrigin) : [],
    consumerNamespaces,
  };
}

/**
 * The entries of routes of one group and one kind, in precedence order, with their shadows.
 * MR312 ranks one route alone; `buildRoutingTable` the members of a group.
 */
export function rankRoutes(routes: readonly RankedRoute[]): RoutingEntry[] {
  const keyed: { key: PrecedenceKey; entry: RoutingEntry }[] = [];
  for (const ranked of routes) {
    const origin = routeOrigin(ranked);
    const { created, route: routeKey } = routeTieBreak(ranked);
    const backendsByRule = groupByRule(ranked.route.backends);
    for (const { index: ruleIndex, rule } of ranked.route.rules) {
      const ruleName = text(rule.name);
      const traffic = ruleTraffic(backendsByRule.get(ruleIndex) ?? []);
      const filters = list(rule.filters).flatMap((f) => { const filter = record(f); return filter === undefined ? [] : [filter]; });
      const timeouts = ruleTimeouts(rule.timeouts);
      const base = { route: origin, ruleIndex, ...(ruleName === undefined ? {} : { ruleName }) };
      for (const { match, matchIndex } of ruleMatches(ranked.route.kind, rule.matches)) {
        const entryOrigin: EntryOrigin = matchIndex === undefined ? base : { ...base, matchIndex };
        keyed.push({
          key: { ranks: matchRanks(match), created, route: routeKey, ruleIndex, matchIndex: matchIndex ?? -1 },
          entry: { match, origin: entryOrigin, traffic, filters, ...(timeouts === undefined ? {} : { timeouts }) },
        });
      }
    }
  }
  keyed.sort((a, b) => comparePrecedence(a.key, b.key));
  return markShadows(keyed.map((k) => k.entry), (entry, index, by) => ({ ...entry, shadowedBy: { index, origin: by.origin } }));
}

/** The rule's matches with their index; one match-all entry for a rule without matches (also for `routing-against.ts`). */
export function ruleMatches(kind: RouteKind, value: unknown): { match: RouteMatch; matchIndex: number | undefined }[] {
  const items = list(value);
  if (items.length === 0) return [{ match: kind === 'GRPCRoute' ? GRPC_MATCH_ALL : HTTP_MATCH_ALL, matchIndex: undefined }];
  const out: { match: RouteMatch; matchIndex: number | undefined }[] = [];
  for (let matchIndex = 0; matchIndex < items.length; matchIndex++) {
    const match = record(items[matchIndex]);
    if (match !== undefined) out.push({ match: kind === 'GRPCRoute' ? readGrpcMatch(match) : readHttpMatch(match), matchIndex });
  }
  return out;
}

function ruleTimeouts(value: unknown): RuleTimeouts | undefined {
  const timeouts = record(value);
  const request = text(timeouts?.request);
  const backendRequest = text(timeouts?.backendRequest);
  if (request === undefined && backendRequest === undefined) return undefined;
  return { ...(request === undefined ? {} : { request }), ...(backendRequest === undefined ? {} : { backendRequest }) };
}

function groupByRule(backends: readonly BackendRefModel[]): Map<number, BackendRefModel[]> {
  const byRule = new Map<number, BackendRefModel[]>();
  for (const backend of backends) {
    const bucket = byRule.get(backend.ruleIndex);
    if (bucket === undefined) byRule.set(backend.ruleIndex, [backend]);
    else bucket.push(backend);
  }
  return byRule;
}

function attachesTo(route: RouteModel, { service, port, portName }: RankedTableInput): boolean {
  return route.meshParents.some(
    (p) =>
      p.name === service.name &&
      p.namespace === service.namespace &&
      (p.port === undefined || p.port === port) &&
      (p.sectionName === undefined || portName === undefined || p.sectionName === portName),
  );
}

function routeOrigin({ route, source }: RankedRoute): RouteOrigin {
  return { kind: route.kind, namespace: route.namespace, name: route.name ?? '', ...(source === undefined ? {} : { source }) };
}

/** The route's part of the precedence key: its age and `namespace/name`. */
function routeTieBreak({ route }: RankedRoute): { created: number; route: string } {
  return { created: createdAt(route.creationTimestamp), route: `${route.namespace}/${route.name ?? ''}` };
}
