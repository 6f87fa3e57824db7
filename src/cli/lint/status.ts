/**
 * The status lint reports for a route: what the status reconciler would write into
 * `status.parents` for each mesh parentRef, computed by the status door's own `desiredParents`
 * from the core's verdicts, so lint and the reconciler cannot disagree.
 */
import type { Policy } from '../../core/policy.ts';
import type { ParentVerdict } from '../../core/types.ts';
import { dig, list, record, text } from '../../gateway/index.ts';
import { desiredParents } from '../../status/desired.ts';

/** One condition as lint shows it: the stored condition without its time and generation. */
export interface LintCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

/** The status of one mesh parentRef: the parentRef as written into status, and its conditions. */
export interface ParentStatus {
  readonly parentRef: Readonly<Record<string, unknown>>;
  readonly conditions: readonly LintCondition[];
}

/**
 * Time does not reach the report (lastTransitionTime is left out), so any fixed instant serves
 * and keeps lint's output the same from run to run.
 */
const NO_TIME = new Date(0);

/**
 * Our `status.parents` entries for the route (as the reconciler would write them under the
 * policy's controllerName), with lastTransitionTime and observedGeneration left out. Empty when
 * the policy turns status off (`status.enabled: false`): the reconciler then writes nothing.
 * Entries of other controllers that the manifest carries are not ours and are left out.
 */
export function parentStatuses(route: unknown, verdicts: readonly ParentVerdict[], policy: Policy): ParentStatus[] {
  if (!policy.status.enabled || verdicts.length === 0) return [];
  const { controllerName } = policy.status;
  const { parents } = desiredParents({ route, verdicts, controllerName, now: NO_TIME });
  return parents
    .filter((entry) => dig(entry, 'controllerName') === controllerName)
    .map((entry) => ({
      parentRef: record(dig(entry, 'parentRef')) ?? {},
      conditions: list(dig(entry, 'conditions')).map((condition) => ({
        type: text(dig(condition, 'type')) ?? '',
        status: text(dig(condition, 'status')) ?? '',
        reason: text(dig(condition, 'reason')) ?? '',
        message: text(dig(condition, 'message')) ?? '',
      })),
    }));
}

/** `Service shop/echo port 80` (or `sectionName http`): the parent as a line names it; the namespace defaults to the route's. */
export function describeParent(parentRef: Readonly<Record<string, unknown>>, routeNamespace: string): string {
  const namespace = text(parentRef.namespace) || routeNamespace;
  const port = typeof parentRef.port === 'number' ? ` port ${parentRef.port}` : '';
  const section = text(parentRef.sectionName);
  return `Service ${namespace}/${text(parentRef.name) ?? ''}${port}${section === undefined ? '' : ` sectionName ${section}`}`;
}
