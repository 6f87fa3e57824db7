/** `evaluate`: the pure function every door calls. */
import { dig, jsonEqual } from '../gateway/index.ts';
import type { Policy } from '../policy/policy.ts';
import { ruleCatalog } from '../rules/index.ts';
import type { Rule, RuleContext } from '../rules/rule.ts';
import { actionFor } from './actions.ts';
import { fieldPath } from './path.ts';
import { readRoute, type RouteModel } from './route.ts';
import { selectorMatches } from './selector.ts';
import { parentVerdicts } from './status.ts';
import type { Action, Evaluation, EvaluationRequest, Finding, JsonPatchOperation, RouteKind } from './types.ts';
import type { ClusterView } from './view.ts';

const unjudged: Evaluation = Object.freeze({ judged: false, findings: [], patch: [], mutations: [], parents: [] });

function exempt(namespace: string, view: ClusterView, policy: Policy): boolean {
  if (policy.exemptions.namespaces.includes(namespace)) return true;
  const selector = policy.exemptions.namespaceSelector;
  if (selector === undefined) return false;
  const labels = view.namespaceLabels(namespace);
  return labels !== undefined && selectorMatches(selector, labels);
}

/** A rule of the catalog that runs under a policy, with the action the policy gives it. */
interface ActiveRule {
  readonly rule: Rule;
  readonly action: Exclude<Action, 'off'>;
}

/**
 * The rules that run for each route kind under one policy, in catalog order. The same for every
 * admission until the policy changes, so it is worked out once per policy object (the last one).
 */
let active: { readonly policy: Policy; readonly byKind: ReadonlyMap<RouteKind, readonly ActiveRule[]> } | undefined;

function activeRules(policy: Policy, kind: RouteKind): readonly ActiveRule[] {
  if (active?.policy !== policy) {
    const byKind = new Map<RouteKind, ActiveRule[]>();
    for (const rule of ruleCatalog) {
      const action = actionFor(rule, policy);
      if (action === 'off') continue;
      for (const k of rule.kinds) {
        const list = byKind.get(k);
        if (list === undefined) byKind.set(k, [{ rule, action }]);
        else list.push({ rule, action });
      }
    }
    active = { policy, byKind };
  }
  return active.byKind.get(kind) ?? [];
}

function runRules(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, action } of activeRules(context.policy, context.route.kind)) {
    for (const raw of rule.check(context)) {
      const base = { ruleId: rule.id, action, path: fieldPath(raw.path), message: raw.message };
      findings.push(raw.parentIndex === undefined ? base : { ...base, parentIndex: raw.parentIndex });
    }
  }
  return findings;
}

function findingKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.path}\u0000${f.message}`;
}

/** UPDATE ratcheting: a finding present unchanged on the stored object never denies. */
function ratchet(findings: readonly Finding[], stored: readonly Finding[]): Finding[] {
  const old = new Set(stored.map(findingKey));
  return findings.map((f) => (old.has(findingKey(f)) ? { ...f, action: 'warn', ratcheted: true } : f));
}

function runMutations(context: RuleContext): { patch: JsonPatchOperation[]; mutations: Finding[] } {
  const patch: JsonPatchOperation[] = [];
  const mutations: Finding[] = [];
  for (const { rule } of activeRules(context.policy, context.route.kind)) {
    if (rule.mutate === undefined) continue;
    for (const proposal of rule.mutate(context)) {
      patch.push(proposal.operation);
      mutations.push({ ruleId: rule.id, action: 'warn', path: fieldPath(proposal.path), message: proposal.message });
    }
  }
  return { patch, mutations };
}

function judges(route: RouteModel): boolean {
  return route.parents.some((p) => p.mesh || p.misgrouped);
}

/** The rules' context, or undefined when the route is not judged (see `evaluate`). */
function judgedContext(request: EvaluationRequest, view: ClusterView, policy: Policy, read: RouteModel | undefined): RuleContext | undefined {
  if (request.operation === 'UPDATE' && request.oldObject != null && jsonEqual(dig(request.object, 'spec'), dig(request.oldObject, 'spec'))) {
    return undefined;
  }
  const route = read ?? readRoute(request.kind, request.namespace, request.object);
  if (exempt(route.namespace, view, policy) || !judges(route)) return undefined;
  return { route, view, policy };
}

/**
 * Judges one route. Pure: no I/O, no clock, no logging; the same input gives the same output.
 * MUST NOT throw, whatever `request.object` is (it is untrusted: /mutate runs before the schema).
 *
 * - judged:false with nothing else when: an UPDATE leaves `spec` unchanged; the namespace is
 *   exempt (policy.exemptions); the route has no mesh parent and no MR101 mistake.
 * - findings: every rule of the catalog for the route's kind, in catalog order, with the action
 *   after policy overrides and strict mode; on UPDATE, findings already present on `oldObject`
 *   are ratcheted (warn, ratcheted:true).
 * - patch and mutations: the mutating door's defaults (MR101, MR204, policy timeouts), add/replace
 *   only, idempotent, each announced by one mutation finding.
 * - parents: the status verdict of every mesh parentRef.
 *
 * `route`, when given, MUST be `readRoute(request.kind, request.namespace, request.object)`: a door
 * that already read the route (for `servicesNamedBy`) passes it so the object is read once.
 */
export function evaluate(request: EvaluationRequest, view: ClusterView, policy: Policy, route?: RouteModel): Evaluation {
  const context = judgedContext(request, view, policy, route);
  if (context === undefined) return unjudged;
  const findings = runChecks(request, context);
  const { patch, mutations } = runMutations(context);
  return { judged: true, findings, patch, mutations, parents: parentVerdicts(context.route, findings) };
}

/** The checks' findings, ratcheted against the stored object on UPDATE. */
function runChecks(request: EvaluationRequest, context: RuleContext): Finding[] {
  const current = runRules(context);
  return request.operation === 'UPDATE' && request.oldObject != null
    ? ratchet(current, runRules({ ...context, route: readRoute(request.kind, request.namespace, request.oldObject) }))
    : current;
}

/**
 * The validating door's part of `evaluate`: the same early exits, then only `findings`; the
 * mutations and the status verdicts are not worked out, so `patch`, `mutations` and `parents` are
 * empty. `decide(e, 'validate', policy)` reads nothing else, so for that door it answers exactly
 * as with `evaluate`. Pure, and MUST NOT throw, like `evaluate`; `route` as in `evaluate`.
 */
export function evaluateFindings(request: EvaluationRequest, view: ClusterView, policy: Policy, route?: RouteModel): Evaluation {
  const context = judgedContext(request, view, policy, route);
  if (context === undefined) return unjudged;
  return { judged: true, findings: runChecks(request, context), patch: [], mutations: [], parents: [] };
}

/**
 * The mutating door's part of `evaluate`: the same early exits, then only `patch` and
 * `mutations`; the checks are not run, so `findings` and `parents` are empty. `decide(e,
 * 'mutate', policy)` reads nothing else, so for that door it answers exactly as with `evaluate`
 * at a fraction of the cost. Pure, and MUST NOT throw, like `evaluate`; `route` as in `evaluate`.
 */
export function evaluateMutations(request: EvaluationRequest, view: ClusterView, policy: Policy, route?: RouteModel): Evaluation {
  const context = judgedContext(request, view, policy, route);
  if (context === undefined) return unjudged;
  const { patch, mutations } = runMutations(context);
  return { judged: true, findings: [], patch, mutations, parents: [] };
}
