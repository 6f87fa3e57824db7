/**
 * What `explain` reports, in the stable shape of its JSON output (docs/explain.md): the routing
 * tables of a Service's ports (core/routing-table.ts) with what a reader needs next to them: the
 * addresses clients dial, backend shares as percentages, whether each backend exists, where each
 * entry was written, and notes that say what the table means. Every field is always present
 * (`null` or `[]` when empty) so that tools can read it without guessing. Building never throws.
 */
import type { EntryOrigin, RouteMatch, RouteOrigin, RoutingEntry, RoutingTable, TrafficState, ValueMatch } from '../../core/index.ts';
import type { ClusterView, ServiceInfo, ServicePortInfo } from '../../core/view.ts';
import { isCoreService, isServiceImport } from '../../gateway/mesh.ts';
import type { RoutingInput, SourceLine } from './input.ts';

/** Bumped only when a field changes meaning or is removed; new fields may be added. */
export const EXPLANATION_VERSION = 1;

export interface Explanation {
  readonly version: typeof EXPLANATION_VERSION;
  readonly service: { readonly namespace: string; readonly name: string; readonly headless: boolean };
  /** The client namespace asked for with `--from`. */
  readonly from: string | null;
  readonly ports: readonly ExplainedPort[];
  /** How many problem notes the tables carry (the exit code is 1 when there is one). */
  readonly problems: number;
}

export interface ExplainedRoute {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly file: string | null;
  readonly line: number | null;
}

export interface ExplainedPort {
  readonly port: number;
  readonly name: string | null;
  readonly appProtocol: string | null;
  /** What clients dial: the Service's cluster DNS name, and the xDS target of proxyless gRPC clients. */
  readonly targets: { readonly dns: string; readonly xds: string };
  /** `grpc` when a GRPCRoute attaches to the port, `http` when only HTTPRoutes do, `none` without routes. */
  readonly protocol: RoutingTable['protocol'];
  /** `producer`: the Service namespace's routes, for every client; `consumer`: routes of the `from` namespace, for its clients only. */
  readonly table: 'producer' | 'consumer';
  /** The namespace whose routes make up the table. */
  readonly routesNamespace: string;
  /** The routes merged into the table, oldest first (the tie-break order). */
  readonly routes: readonly ExplainedRoute[];
  /** HTTPRoutes attached to the port that a GRPCRoute takes it from. */
  readonly conflicted: readonly ExplainedRoute[];
  /** Namespaces whose clients get their own consumer table on this port. */
  readonly consumerNamespaces: readonly string[];
  /** In precedence order: a request goes to the first entry that matches it. */
  readonly entries: readonly ExplainedEntry[];
  readonly notes: readonly Note[];
}

export type ExplainedMatch =
  | {
      readonly protocol: 'http';
      readonly path: { readonly type: string; readonly value: string };
      readonly method: string | null;
      readonly headers: readonly ValueMatch[];
      readonly queryParams: readonly ValueMatch[];
    }
  | {
      readonly protocol: 'grpc';
      /** null: any service and method. */
      readonly method: { readonly type: string; readonly service: string | null; readonly method: string | null } | null;
      readonly headers: readonly ValueMatch[];
    };

export interface ExplainedBackend {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string | null;
  readonly port: number | null;
  readonly weight: number;
  /** The share of the rule's requests, 0 to 100, rounded to two decimals. */
  readonly percent: number;
  /** Whether the view knows the Service (ServiceImport); null for other kinds, which are not looked up. */
  readonly resolved: boolean | null;
}

/** Where an entry comes from; `matchIndex` is null for a rule without matches. */
export interface EntryRef {
  readonly route: { readonly kind: string; readonly namespace: string; readonly name: string };
  readonly rule: { readonly index: number; readonly name: string | null };
  readonly matchIndex: number | null;
}

export interface ExplainedEntry extends EntryRef {
  /** 1-based place in the table. */
  readonly position: number;
  readonly match: ExplainedMatch;
  readonly file: string | null;
  readonly line: number | null;
  readonly traffic: TrafficState;
  readonly backends: readonly ExplainedBackend[];
  /** The rule's filters as written. */
  readonly filters: readonly Readonly<Record<string, unknown>>[];
  readonly timeouts: { readonly request: string | null; readonly backendRequest: string | null } | null;
  /** The earlier entry that takes every request this one matches, when that is proven. */
  readonly shadowedBy: (EntryRef & { readonly position: number }) | null;
  readonly notes: readonly Note[];
}

/** A remark on a port or an entry; `problem` when a request would be routed other than written. */
export interface Note {
  readonly problem: boolean;
  readonly text: string;
}

/** The tables of a Service's ports, explained. `tables` holds one table per entry of `ports`, in the same order. */
export function explainTables(
  service: ServiceInfo,
  ports: readonly ServicePortInfo[],
  tables: readonly RoutingTable[],
  from: string | undefined,
  input: Pick<RoutingInput, 'view' | 'routeSource' | 'entrySource'>,
): Explanation {
  const explained = ports.map((port, i) => explainPort(service, port, tables[i] as RoutingTable, input));
  const problems = explained.reduce((sum, p) => sum + countProblems(p.notes) + p.entries.reduce((n, e) => n + countProblems(e.notes), 0), 0);
  return {
    version: EXPLANATION_VERSION,
    service: { namespace: service.namespace, name: service.name, headless: service.clusterIP === 'None' },
    from: from ?? null,
    ports: explained,
    problems,
  };
}

function explainPort(service: ServiceInfo, port: ServicePortInfo, table: RoutingTable, input: Pick<RoutingInput, 'view' | 'routeSource' | 'entrySource'>): ExplainedPort {
  const host = `${service.name}.${service.namespace}.svc.cluster.local:${port.port}`;
  const route = (origin: RouteOrigin): ExplainedRoute => {
    const source = input.routeSource(origin.kind, origin.namespace, origin.name);
    return { kind: origin.kind, namespace: origin.namespace, name: origin.name, file: source?.file ?? null, line: source?.line ?? null };
  };
  const entries = table.entries.map((entry, i) => explainEntry(entry, i, input.view, input.entrySource(entry.origin)));
  return {
    port: port.port,
    name: port.name ?? null,
    appProtocol: port.appProtocol ?? null,
    targets: { dns: host, xds: `xds:///${host}` },
    protocol: table.protocol,
    table: table.group.type,
    routesNamespace: table.group.type === 'consumer' ? table.group.namespace : service.namespace,
    routes: table.routes.map(route),
    conflicted: table.conflicted.map(route),
    consumerNamespaces: [...table.consumerNamespaces],
    entries,
    notes: portNotes(service, table),
  };
}

function explainEntry(entry: RoutingEntry, index: number, view: ClusterView, source: SourceLine | undefined): ExplainedEntry {
  const backends = entry.traffic.backends.map((b): ExplainedBackend => ({
    group: b.group,
    kind: b.kind,
    namespace: b.namespace,
    name: b.name ?? null,
    port: b.port ?? null,
    weight: b.weight,
    percent: Math.round(b.share * 10_000) / 100,
    resolved: resolved(view, b.group, b.kind, b.namespace, b.name),
  }));
  const shadow = entry.shadowedBy;
  const timeouts = entry.timeouts;
  return {
    position: index + 1,
    match: explainMatch(entry.match),
    ...entryRef(entry.origin),
    file: source?.file ?? null,
    line: source?.line ?? null,
    traffic: entry.traffic.state,
    backends,
    filters: entry.filters,
    timeouts: timeouts === undefined ? null : { request: timeouts.request ?? null, backendRequest: timeouts.backendRequest ?? null },
    shadowedBy: shadow === undefined ? null : { position: shadow.index + 1, ...entryRef(shadow.origin) },
    notes: entryNotes(entry, backends),
  };
}

function entryRef(origin: EntryOrigin): EntryRef {
  return {
    route: { kind: origin.route.kind, namespace: origin.route.namespace, name: origin.route.name },
    rule: { index: origin.ruleIndex, name: origin.ruleName ?? null },
    matchIndex: origin.matchIndex ?? null,
  };
}

function explainMatch(match: RouteMatch): ExplainedMatch {
  if (match.protocol === 'http') {
    return { protocol: 'http', path: { ...match.path }, method: match.method ?? null, headers: match.headers, queryParams: match.queryParams };
  }
  const method = match.method;
  return {
    protocol: 'grpc',
    method: method === undefined ? null : { type: method.type, service: method.service ?? null, method: method.method ?? null },
    headers: match.headers,
  };
}

/** Services and ServiceImports are looked up in the view; a backend of another kind is not (null). */
function resolved(view: ClusterView, group: string, kind: string, namespace: string, name: string | undefined): boolean | null {
  if (isCoreService(group, kind)) return name !== undefined && view.service(namespace, name) !== undefined;
  if (isServiceImport(group, kind)) return name !== undefined && view.serviceImport(namespace, name) !== undefined;
  return null;
}

function entryNotes(entry: RoutingEntry, backends: readonly ExplainedBackend[]): Note[] {
  const notes: Note[] = [];
  if (entry.shadowedBy !== undefined) {
    const { index, origin } = entry.shadowedBy;
    notes.push({ problem: true, text: `shadowed by #${index + 1} (${originText(origin)}): never reached` });
  }
  for (const b of backends) {
    if (b.resolved === false) notes.push({ problem: true, text: `unresolved backend: ${b.kind} ${b.namespace}/${b.name ?? '(no name)'} not found` });
  }
  if (entry.traffic.state === 'all-weights-zero') notes.push({ problem: true, text: 'every backend has weight 0: requests get a 500' });
  if (entry.traffic.state === 'no-backends') notes.push({ problem: false, text: 'no backendRefs: answered by its filters (a redirect), else a 500' });
  const filters = entry.filters.map((f) => (typeof f.type === 'string' ? f.type : '(no type)'));
  if (filters.length > 0) notes.push({ problem: false, text: `filters: ${filters.join(', ')}` });
  const { timeouts } = entry;
  if (timeouts !== undefined) {
    const parts = [timeouts.request === undefined ? [] : [`request ${timeouts.request}`], timeouts.backendRequest === undefined ? [] : [`backendRequest ${timeouts.backendRequest}`]].flat();
    notes.push({ problem: false, text: `timeouts: ${parts.join(', ')}` });
  }
  return notes;
}

function portNotes(service: ServiceInfo, table: RoutingTable): Note[] {
  const notes: Note[] = [];
  if (service.clusterIP === 'None') notes.push({ problem: false, text: 'headless Service: clients reach pod addresses directly, so no route applies (MR104)' });
  if (service.type === 'ExternalName') notes.push({ problem: false, text: 'ExternalName Service: it has no cluster IP to capture traffic on, so no route applies (MR103)' });
  if (table.protocol === 'none') notes.push({ problem: false, text: 'no route attaches to this port: requests go to the Service as without the mesh' });
  for (const route of table.conflicted) {
    notes.push({ problem: true, text: `conflicted port: HTTPRoute ${route.namespace}/${route.name} is not served here, a GRPCRoute takes the port (MR109)` });
  }
  if (table.group.type === 'consumer') {
    notes.push({ problem: false, text: `consumer routes of namespace ${table.group.namespace}: only its clients get this table; other clients get the producer routes` });
    return notes;
  }
  if (table.from !== undefined && table.from !== service.namespace) {
    notes.push({ problem: false, text: `namespace ${table.from} has no consumer routes on this port: its clients get the producer routes` });
  }
  if (table.consumerNamespaces.length > 0) {
    const namespaces = table.consumerNamespaces.join(', ');
    notes.push({ problem: false, text: `consumer routes for namespace ${namespaces}: clients there get their own table (--from NAMESPACE)` });
  }
  return notes;
}

function originText(origin: EntryOrigin): string {
  return entryPlace(origin.route.name, origin.ruleIndex, origin.matchIndex ?? null);
}

/** How an entry is named in text: `ROUTE rules[i]`, or `ROUTE rules[i].matches[j]` for one match of the rule. */
export function entryPlace(route: string, ruleIndex: number, matchIndex: number | null): string {
  return `${route} rules[${ruleIndex}]${matchIndex === null ? '' : `.matches[${matchIndex}]`}`;
}

function countProblems(notes: readonly Note[]): number {
  return notes.filter((n) => n.problem).length;
}
