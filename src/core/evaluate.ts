/** `evaluate`: the pure function every door calls. */
import { dig, jsonEqual } from '../gateway/untrusted.ts';
import type { CompiledPolicy, DoorPlan } from './compile.ts';
import { EvaluationContext } from './context.ts';
import { fieldPath } from './path.ts';
import type { Policy } from './policy.ts';
import { readRoute, type RouteModel } from './route.ts';
import { selectorMatches } from './selector.ts';
import type { Submission } from './submission.ts';
import { parentVerdicts } from './verdicts.ts';
import type { Door, Evaluation, EvaluationRequest, Finding, JsonPatchOperation } from './types.ts';
import type { ClusterView } from './view.ts';

const unjudged: Evaluation = Object.freeze({ judged: false, findings: [], patch: [], mutations: [], parents: [] });

/**
 * Judges one submitted route at one door. Pure: no I/O, no clock, no logging; the same input gives
 * the same output. MUST NOT throw, whatever the request's objects are (they are untrusted: /mutate
 * runs before the schema).
 *
 * - judged:false with nothing else when: an UPDATE leaves `spec` unchanged; the namespace is
 *   exempt (policy.exemptions); the route has no mesh parent and no MR101 mistake.
 * - The door selects the work through `compiled.plan(kind, door)`; what it does not need is empty.
 * - findings: the plan's checks, in catalog order, with the action after policy overrides and
 *   strict mode; on UPDATE, findings already present on `oldObject` are ratcheted (warn,
 *   ratcheted:true).
 * - patch and mutations: the mutating door's defaults (MR101, MR204, policy timeouts), add/replace
 *   only, idempotent, each announced by one mutation finding.
 * - parents: the status verdict of every mesh parentRef.
 */
export function evaluate({ request, route }: Submission, view: ClusterView, compiled: CompiledPolicy, door: Door): Evaluation {
  const { policy } = compiled;
  if (specUnchanged(request) || exempt(route.namespace, view, policy) || !judges(route)) return unjudged;
  const plan = compiled.plan(route.kind, door);
  const context = new EvaluationContext(route, view, policy);
  const findings = ratchetedChecks(request, plan, context);
  const { patch, mutations } = mutate(plan, context);
  return { judged: true, findings, patch, mutations, parents: plan.verdicts ? parentVerdicts(route, findings) : [] };
}

function specUnchanged(request: EvaluationRequest): boolean {
  return request.operation === 'UPDATE' && request.oldObject != null && jsonEqual(dig(request.object, 'spec'), dig(request.oldObject, 'spec'));
}

function exempt(namespace: string, view: ClusterView, policy: Policy): boolean {
  if (policy.exemptions.namespaces.includes(namespace)) return true;
  const selector = policy.exemptions.namespaceSelector;
  if (selector === undefined) return false;
  const labels = view.namespaceLabels(namespace);
  return labels !== undefined && selectorMatches(selector, labels);
}

function judges(route: RouteModel): boolean {
  return route.parents.some((p) => p.mesh || p.misgrouped);
}

function check(plan: DoorPlan, context: EvaluationContext): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, action } of plan.checks) {
    for (const raw of rule.check(context)) {
      const status = raw.status ?? rule.status;
      findings.push({ ruleId: rule.id, action, ...raw, ...(status === undefined ? {} : { status }) });
    }
  }
  return findings;
}

function mutate(plan: DoorPlan, context: EvaluationContext): { patch: JsonPatchOperation[]; mutations: Finding[] } {
  const patch: JsonPatchOperation[] = [];
  const mutations: Finding[] = [];
  for (const rule of plan.mutations) {
    for (const proposal of rule.mutate?.(context) ?? []) {
      patch.push(proposal.operation);
      mutations.push({ ruleId: rule.id, action: 'warn', path: proposal.path, message: proposal.message });
    }
  }
  return { patch, mutations };
}

/** The plan's findings; on UPDATE, ratcheted against the same checks on the stored route. */
function ratchetedChecks(request: EvaluationRequest, plan: DoorPlan, context: EvaluationContext): Finding[] {
  const current = check(plan, context);
  if (current.length === 0 || request.operation !== 'UPDATE' || request.oldObject == null) return current;
  const stored = new EvaluationContext(readRoute(request.kind, request.namespace, request.oldObject), context.view, context.policy);
  return ratchet(current, check(plan, stored));
}

function findingKey(f: Finding): string {
  return `${f.ruleId}\u0000${fieldPath(f.path)}\u0000${f.message}`;
}

/** UPDATE ratcheting: a finding present unchanged on the stored object never denies. */
function ratchet(findings: readonly Finding[], stored: readonly Finding[]): Finding[] {
  const old = new Set(stored.map(findingKey));
  return findings.map((f) => (old.has(findingKey(f)) ? { ...f, action: 'warn', ratcheted: true } : f));
}
