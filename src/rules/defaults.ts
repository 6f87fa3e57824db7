/**
 * The defaults of the mutating door (docs/rules.md "Defaults"). Each returns add/replace proposals
 * only, is idempotent (nothing to propose once applied), and never fills a field whose absence
 * means something (parentRef port, sectionName, hostnames, timeouts unless the policy asks).
 */
import type { EvaluationContext } from '../core/context.ts';
import { jsonPointer, type Path } from '../core/path.ts';
import type { Proposal } from '../core/rule.ts';
import { serviceKey } from '../core/services.ts';
import { CORE_GROUP_ALIAS, backendRequestExceedsRequest, record, text } from '../gateway/index.ts';

/**
 * MR101: `kind: Service` in the Gateway API group (parentRef) or in `group: core` (parentRef or
 * backendRef) becomes the core Service it was meant to be.
 */
export function fixServiceParentGroup({ route, policy }: EvaluationContext): Proposal[] {
  if (!policy.mutations.fixServiceParentGroup) return [];
  const refs = [...route.parents.filter((p) => p.misgrouped), ...route.backends.filter((b) => b.misgrouped)];
  return refs.map((r) => ({
    operation: {
      op: r.ref.group === undefined ? 'add' : 'replace',
      path: jsonPointer([...r.path, 'group']),
      value: '',
    },
    path: r.path,
    message:
      r.group === CORE_GROUP_ALIAS
        ? 'set group "" (core Service); the core group is written "", not core'
        : `set group "" (core Service); ${r.group}/Service does not exist`,
  }));
}

/** MR204: a core Service backendRef without a port gets the Service's only port. */
export function defaultBackendPort({ route, view, policy }: EvaluationContext): Proposal[] {
  if (!policy.mutations.defaultBackendPort) return [];
  return route.backends.flatMap((b) => {
    const { name } = b;
    if (!b.coreService || name === undefined || b.ref.port !== undefined) return [];
    const service = view.service(b.namespace, name);
    const only = service?.ports.length === 1 ? service.ports[0] : undefined;
    if (only === undefined) return [];
    return [
      {
        operation: { op: 'add', path: jsonPointer([...b.path, 'port']), value: only.port },
        path: b.path,
        message: `set port ${only.port}, the only port of Service ${serviceKey(b.namespace, name)}`,
      },
    ];
  });
}

/**
 * MR308's opt-in default: the policy's `mutations.defaultTimeouts` on HTTPRoute rules without a
 * timeout of that kind. A default that would break "backendRequest <= request" is not set.
 */
export function defaultTimeouts({ route, policy }: EvaluationContext): Proposal[] {
  if (route.kind !== 'HTTPRoute') return [];
  const defaults = policy.mutations.defaultTimeouts;
  if (defaults.request === undefined && defaults.backendRequest === undefined) return [];
  return route.rules.flatMap(({ rule, path }): Proposal[] => {
    const present = rule.timeouts;
    if (present !== undefined && record(present) === undefined) return [];
    const current = record(present) ?? {};
    const request = current.request === undefined ? defaults.request : text(current.request);
    const backendRequest = current.backendRequest === undefined ? defaults.backendRequest : text(current.backendRequest);
    const added: Record<string, string> = {};
    if (current.request === undefined && defaults.request !== undefined) added.request = defaults.request;
    if (current.backendRequest === undefined && defaults.backendRequest !== undefined) {
      added.backendRequest = defaults.backendRequest;
    }
    if (backendRequestExceedsRequest(request, backendRequest)) {
      if (current.request !== undefined) delete added.backendRequest;
      if (current.backendRequest !== undefined) delete added.request;
      if (current.request === undefined && current.backendRequest === undefined) return [];
    }
    const keys = Object.keys(added);
    if (keys.length === 0) return [];
    const timeoutsPath: Path = [...path, 'timeouts'];
    const described = keys.map((k) => `${k} ${added[k]}`).join(', ');
    const message = `set timeouts ${described} (policy mutations.defaultTimeouts)`;
    if (present === undefined) {
      return [{ operation: { op: 'add', path: jsonPointer(timeoutsPath), value: added }, path: timeoutsPath, message }];
    }
    return keys.map((k) => ({
      operation: { op: 'add', path: jsonPointer([...timeoutsPath, k]), value: added[k] },
      path: [...timeoutsPath, k],
      message: `set timeouts ${k} ${added[k]} (policy mutations.defaultTimeouts)`,
    }));
  });
}
