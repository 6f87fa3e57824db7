/**
 * `compile`: the work a policy asks of each route kind at each door, worked out once per policy
 * version. It replaces any per-process memo: a door holds the compiled policy of the policy in
 * force and passes it to every `evaluate`.
 */
import { ROUTE_KINDS } from '../gateway/route-kinds.ts';
import type { Policy } from './policy.ts';
import type { Rule } from './rule.ts';
import type { Action, Door, RouteKind } from './types.ts';

/** A rule that runs under the policy, with the action the policy gives it. */
export interface ActiveRule {
  readonly rule: Rule;
  readonly action: Exclude<Action, 'off'>;
}

/** What `evaluate` does for one route kind at one door. */
export interface DoorPlan {
  /** The checks to run, in catalog order. Empty when the door reads no findings. */
  readonly checks: readonly ActiveRule[];
  /** The rules whose defaults the door applies, in catalog order. */
  readonly mutations: readonly Rule[];
  /** Whether the door needs the parents' status verdicts. */
  readonly verdicts: boolean;
}

export interface CompiledPolicy {
  readonly policy: Policy;
  /** The plan for `kind` at `door`. */
  plan(kind: RouteKind, door: Door): DoorPlan;
}

/**
 * `policy.rules[id].action` when set, else the rule's default; then `strict: true` turns a
 * referential rule's `warn` into `deny`.
 */
function actionFor(rule: Rule, policy: Policy): Action {
  const configured: Action = policy.rules[rule.id]?.action ?? rule.defaultAction;
  return configured === 'warn' && policy.strict && rule.referential ? 'deny' : configured;
}

/**
 * Compiles `policy` against `catalog` (the rule registry, passed in: the core knows no rules).
 * A rule switched `off` neither checks nor mutates. Pure; the result is immutable.
 */
export function compile(policy: Policy, catalog: readonly Rule[]): CompiledPolicy {
  const active: ActiveRule[] = [];
  for (const rule of catalog) {
    const action = actionFor(rule, policy);
    if (action !== 'off') active.push({ rule, action });
  }
  const plans = {} as Record<RouteKind, Readonly<Record<Door, DoorPlan>>>;
  for (const kind of Object.keys(ROUTE_KINDS) as RouteKind[]) {
    const checks = active.filter(({ rule }) => rule.kinds.includes(kind));
    const mutations = checks.flatMap(({ rule }) => (rule.mutate === undefined ? [] : [rule]));
    // The reconciler writes only the verdicts, which only findings with a status move: a rule
    // without one (MR110, whose scan of a busy Service port is the costliest) is not run there.
    const statusChecks = checks.filter(({ rule }) => rule.status !== undefined);
    plans[kind] = {
      validate: { checks, mutations: [], verdicts: false },
      mutate: { checks: [], mutations, verdicts: false },
      status: { checks: statusChecks, mutations: [], verdicts: true },
      lint: { checks, mutations: [], verdicts: true },
    };
  }
  return Object.freeze({ policy, plan: (kind: RouteKind, door: Door) => plans[kind][door] });
}
