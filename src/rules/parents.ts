/** Parent rules (docs/rules.md "Parents", MR101-MR109): the mesh parentRefs and their Services. */
import type { ParentService } from '../core/context.ts';
import type { ParentRefModel } from '../core/route.ts';
import { bothKinds, finding, type RawFinding, type Rule } from '../core/rule.ts';
import type { ClusterView, ServiceInfo } from '../core/view.ts';
import { portByName, portByNumber, portList, portOutOfRange, serviceKey, isExternalName, isHeadless } from '../core/services.ts';
import { CORE_GROUP_ALIAS, RouteReason, list } from '../gateway/index.ts';
import { fixServiceParentGroup } from './defaults.ts';

function misgroupedMessage(group: string | undefined): string {
  return group === CORE_GROUP_ALIAS
    ? 'the core group is written group: "", not core; use group ""'
    : `kind Service needs group "" (core); got ${group}`;
}

export const mr101: Rule = {
  id: 'MR101',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  check: ({ route }) => [
    ...route.parents.filter((p) => p.misgrouped).map((p) => finding(p.path, misgroupedMessage(p.group))),
    ...route.backends.filter((b) => b.misgrouped).map((b) => finding(b.path, misgroupedMessage(b.group))),
  ],
  mutate: fixServiceParentGroup,
};

export const mr102: Rule = {
  id: 'MR102',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'Accepted', reason: RouteReason.NoMatchingParent },
  check: (context) =>
    context.parentServices
      .filter(({ service }) => service === undefined)
      .map(({ parent, name }) =>
        finding(parent.path, `parent Service ${serviceKey(parent.namespace, name)} not found; create it or fix the name`, parent.index),
      ),
};

export const mr103: Rule = {
  id: 'MR103',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'Accepted', reason: RouteReason.UnsupportedValue },
  check: (context) =>
    context.parentServices
      .filter(({ service }) => service !== undefined && isExternalName(service))
      .map(({ parent, name }) =>
        finding(parent.path, `parent Service ${serviceKey(parent.namespace, name)} is ExternalName; use a ClusterIP Service`, parent.index),
      ),
};

export const mr104: Rule = {
  id: 'MR104',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'Accepted', reason: RouteReason.UnsupportedValue },
  check: (context) =>
    context.parentServices
      .filter(({ service }) => service !== undefined && !isExternalName(service) && isHeadless(service))
      .map(({ parent, name }) =>
        finding(parent.path, `parent Service ${serviceKey(parent.namespace, name)} is headless (no frontend); use a ClusterIP Service`, parent.index),
      ),
};

export const mr105: Rule = {
  id: 'MR105',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'Accepted', reason: RouteReason.NoMatchingParent },
  check: (context) =>
    context.parentServices.flatMap(({ parent, name, service }) => {
      if (parent.port === undefined) return [];
      const outOfRange = portOutOfRange(parent.port);
      if (outOfRange !== undefined) return [finding([...parent.path, 'port'], outOfRange, parent.index)];
      return service === undefined || portByNumber(service, parent.port) !== undefined
        ? []
        : [finding([...parent.path, 'port'], `Service ${serviceKey(parent.namespace, name)} has no port ${parent.port}; ports: ${portList(service)}`, parent.index)];
    }),
};

export const mr106: Rule = {
  id: 'MR106',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'Accepted', reason: RouteReason.NoMatchingParent },
  check: (context) =>
    context.parentServices.flatMap(({ parent, name, service }): RawFinding[] => {
      if (service === undefined || parent.sectionName === undefined) return [];
      const path = [...parent.path, 'sectionName'];
      const named = portByName(service, parent.sectionName);
      if (named === undefined) {
        return [finding(path, `Service ${serviceKey(parent.namespace, name)} has no port named ${parent.sectionName}`, parent.index)];
      }
      if (parent.port !== undefined && named.port !== parent.port) {
        return [finding(path, `port ${parent.sectionName} is ${named.port}, not port ${parent.port}; make them name one port`, parent.index)];
      }
      return [];
    }),
};

export const mr107: Rule = {
  id: 'MR107',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'Accepted', reason: RouteReason.NotAllowedByPolicy },
  check: ({ route, policy }) =>
    policy.consumerRoutes !== 'deny'
      ? []
      : route.meshParents
          .filter((p) => p.namespace !== route.namespace)
          .map((p) => finding(p.path, `consumer routes (parent in namespace ${p.namespace}) are not allowed by policy`, p.index)),
};

export const mr108: Rule = {
  id: 'MR108',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: ({ route }) =>
    route.parents.length > 0 && route.parents.every((p) => p.mesh) && list(route.spec?.hostnames).length > 0
      ? [finding(['spec', 'hostnames'], 'mesh routes ignore hostnames; remove them or match the Host header')]
      : [],
};

/**
 * The Service port numbers a parentRef names: its port, else its sectionName's port, else every
 * port of the Service. Undefined when they cannot be known (the Service or the name is unknown:
 * MR102 and MR106 report that).
 */
function namedPorts(parent: ParentRefModel, service: ServiceInfo | undefined): readonly number[] | undefined {
  if (parent.port !== undefined) return [parent.port];
  if (service === undefined) return undefined;
  if (parent.sectionName === undefined) return service.ports.map((p) => p.port);
  const named = portByName(service, parent.sectionName);
  return named === undefined ? undefined : [named.port];
}

function portWords(ports: readonly number[]): string {
  return `${ports.length === 1 ? 'port' : 'ports'} ${ports.join(', ')}`;
}

/**
 * The MR109 finding of one HTTPRoute parent, if a GRPCRoute takes any port it names (GEP-1294: a
 * GRPCRoute wins a port over an HTTPRoute). Total when every named port is taken (Accepted=False,
 * Conflicted); otherwise the parent keeps serving the other ports and stays Accepted.
 */
function conflict({ parent, name, service }: ParentService, view: ClusterView): RawFinding[] {
  const ports = namedPorts(parent, service);
  if (ports === undefined) return [];
  // Most Services have no GRPCRoute at all: one question about any port settles that.
  if (!view.routesAttachedTo(parent.namespace, name).some((r) => r.kind === 'GRPCRoute')) return [];
  const winners = new Map<string, number[]>();
  const kept: number[] = [];
  for (const port of new Set(ports)) {
    const winner = view.routesAttachedTo(parent.namespace, name, port).find((r) => r.kind === 'GRPCRoute');
    if (winner === undefined) {
      kept.push(port);
      continue;
    }
    const key = serviceKey(winner.namespace, winner.name);
    winners.set(key, [...(winners.get(key) ?? []), port]);
  }
  if (winners.size === 0) return [];
  const lost = [...winners].map(([key, taken]) => `GRPCRoute ${key} also attaches to ${name} ${portWords(taken)} and wins`).join('; ');
  if (kept.length === 0) return [finding(parent.path, lost, parent.index)];
  const message = `${lost} there; this route keeps ${portWords(kept)}`;
  return [{ ...finding(parent.path, message, parent.index), status: { condition: 'NarrowsParent' } }];
}

export const mr109: Rule = {
  id: 'MR109',
  kinds: ['HTTPRoute'],
  referential: true,
  defaultAction: 'warn',
  status: { condition: 'Accepted', reason: RouteReason.Conflicted },
  check: ({ parentServices, view }) => parentServices.flatMap((parentService) => conflict(parentService, view)),
};
