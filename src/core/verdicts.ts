/**
 * Per-parent status verdicts (docs/rules.md "Status"): Accepted, ResolvedRefs and, when only some
 * rules are unusable, PartiallyInvalid. Verdicts follow the findings' `status` whatever their
 * admission action: a warned MR102 still makes Accepted=False/NoMatchingParent, and a warned MR109
 * on a parent that keeps some of its ports is named in that parent's Accepted=True message.
 */
import { RouteConditionType, RouteReason } from '../gateway/conditions.ts';
import { formatFinding } from './format.ts';
import type { RouteModel } from './route.ts';
import type { ConditionVerdict, Finding, ParentVerdict } from './types.ts';

/** Accepted=True; `narrowing` are the parent's `NarrowsParent` findings, which the message names. */
function accepted(narrowing: readonly Finding[]): ConditionVerdict {
  const base = 'the parent Service accepts the route';
  const message = narrowing.length === 0 ? base : `${base} on the ports it keeps; ${narrowing.map(formatFinding).join('; ')}`;
  return { type: RouteConditionType.Accepted, status: 'True', reason: RouteReason.Accepted, message };
}

function resolvedRefs(message: string): ConditionVerdict {
  return { type: RouteConditionType.ResolvedRefs, status: 'True', reason: RouteReason.ResolvedRefs, message };
}

function rejected(type: ConditionVerdict['type'], reason: string, findings: readonly Finding[]): ConditionVerdict {
  return { type, status: 'False', reason, message: findings.map(formatFinding).join('; ') };
}

/** The findings whose rule's status is `condition`, with that status's reason. */
function withCondition(findings: readonly Finding[], condition: 'Accepted' | 'ResolvedRefs'): { finding: Finding; reason: string }[] {
  return findings.flatMap((finding) => {
    const status = finding.status;
    return status?.condition === condition ? [{ finding, reason: status.reason }] : [];
  });
}

/** Parent index -> its `NarrowsParent` findings (parent rules always name their parent). */
function narrowedParents(findings: readonly Finding[]): Map<number, Finding[]> {
  const narrowed = new Map<number, Finding[]>();
  for (const finding of findings) {
    if (finding.status?.condition !== 'NarrowsParent' || finding.parentIndex === undefined) continue;
    const list = narrowed.get(finding.parentIndex);
    if (list === undefined) narrowed.set(finding.parentIndex, [finding]);
    else list.push(finding);
  }
  return narrowed;
}

/** Route rule index -> the findings that make that rule unusable. */
function droppedRules(findings: readonly Finding[]): Map<number, Finding[]> {
  const dropped = new Map<number, Finding[]>();
  for (const finding of findings) {
    const [spec, rules, index] = finding.path;
    if (finding.status?.condition !== 'DropsRule' || spec !== 'spec' || rules !== 'rules' || typeof index !== 'number') continue;
    const list = dropped.get(index);
    if (list === undefined) dropped.set(index, [finding]);
    else list.push(finding);
  }
  return dropped;
}

/**
 * One verdict per mesh parentRef, in spec order. Parent findings (with `parentIndex`) count for
 * their parent only; route-wide findings count for every parent.
 */
export function parentVerdicts(route: RouteModel, findings: readonly Finding[]): ParentVerdict[] {
  const dropped = droppedRules(findings);
  const ruleCount = route.rules.length;
  const allDropped = ruleCount > 0 && dropped.size >= ruleCount;
  const droppedFindings = [...dropped.values()].flat();
  const backendProblems = withCondition(findings, 'ResolvedRefs');
  const narrowed = narrowedParents(findings);
  // Work per parent is kept to that parent's own findings: a route near the body limit can
  // have thousands of parents and thousands of findings, and parents x findings is too much.
  // What is the same for every parent is computed once (verdicts are read-only).
  const acceptedProblems = withCondition(findings, 'Accepted').map((problem, order) => ({ ...problem, order }));
  const routeWide = acceptedProblems.filter(({ finding }) => finding.parentIndex === undefined);
  const byParent = new Map<number, typeof acceptedProblems>();
  for (const problem of acceptedProblems) {
    if (problem.finding.parentIndex === undefined) continue;
    const list = byParent.get(problem.finding.parentIndex);
    if (list === undefined) byParent.set(problem.finding.parentIndex, [problem]);
    else list.push(problem);
  }
  const firstBackend = backendProblems[0];
  const backendCondition =
    firstBackend === undefined
      ? resolvedRefs('every backend reference resolves')
      : rejected(RouteConditionType.ResolvedRefs, firstBackend.reason, backendProblems.map((p) => p.finding));
  let allDroppedCondition: ConditionVerdict | undefined;
  let acceptedCondition: ConditionVerdict | undefined;
  let partiallyInvalid: ConditionVerdict | undefined;
  return route.meshParents.map((parent) => {
    const own = byParent.get(parent.index) ?? [];
    // Findings order, as if the whole list had been filtered for this parent.
    const parentProblems = own.length === 0 ? routeWide : routeWide.length === 0 ? own : [...routeWide, ...own].sort((a, b) => a.order - b.order);
    const conditions: ConditionVerdict[] = [];
    const first = parentProblems[0];
    if (first !== undefined) {
      conditions.push(rejected(RouteConditionType.Accepted, first.reason, parentProblems.map((p) => p.finding)));
    } else if (allDropped) {
      allDroppedCondition ??= rejected(RouteConditionType.Accepted, RouteReason.UnsupportedValue, droppedFindings);
      conditions.push(allDroppedCondition);
    } else {
      const narrowing = narrowed.get(parent.index);
      conditions.push(narrowing === undefined ? (acceptedCondition ??= accepted([])) : accepted(narrowing));
    }
    conditions.push(backendCondition);
    if (dropped.size > 0 && !allDropped && first === undefined) {
      const indexes = [...dropped.keys()].sort((a, b) => a - b);
      partiallyInvalid ??= {
        type: RouteConditionType.PartiallyInvalid,
        status: 'True',
        reason: RouteReason.UnsupportedValue,
        message: `Dropped Rule ${indexes.join(', ')}: ${droppedFindings.map(formatFinding).join('; ')}`,
      };
      conditions.push(partiallyInvalid);
    }
    return { parentIndex: parent.index, parentRef: { ...parent.ref, group: '', kind: 'Service' }, conditions };
  });
}
