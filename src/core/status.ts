/**
 * Per-parent status verdicts (RULES.md "Status"): Accepted, ResolvedRefs and, when only some rules
 * are unusable, PartiallyInvalid. Verdicts follow the findings whatever their admission action: a
 * warned MR102 still makes Accepted=False/NoMatchingParent.
 */
import { RouteConditionType, RouteReason } from '../gateway/conditions.ts';
import { ruleById } from '../rules/index.ts';
import { formatFinding } from './format.ts';
import type { RouteModel } from './route.ts';
import type { ConditionVerdict, Finding, ParentVerdict } from './types.ts';

const RULE_INDEX = /^spec\.rules\[(\d+)\]/;

function accepted(message: string): ConditionVerdict {
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
    const status = ruleById(finding.ruleId)?.status;
    return status?.condition === condition ? [{ finding, reason: status.reason }] : [];
  });
}

/** Route rule index -> the findings that make that rule unusable. */
function droppedRules(findings: readonly Finding[]): Map<number, Finding[]> {
  const dropped = new Map<number, Finding[]>();
  for (const finding of findings) {
    if (ruleById(finding.ruleId)?.status?.condition !== 'DropsRule') continue;
    const index = RULE_INDEX.exec(finding.path)?.[1];
    if (index === undefined) continue;
    dropped.set(Number(index), [...(dropped.get(Number(index)) ?? []), finding]);
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
  return route.meshParents.map((parent) => {
    const parentProblems = withCondition(findings, 'Accepted').filter(
      ({ finding }) => finding.parentIndex === undefined || finding.parentIndex === parent.index,
    );
    const conditions: ConditionVerdict[] = [];
    const first = parentProblems[0];
    if (first !== undefined) {
      conditions.push(rejected(RouteConditionType.Accepted, first.reason, parentProblems.map((p) => p.finding)));
    } else if (allDropped) {
      conditions.push(rejected(RouteConditionType.Accepted, RouteReason.UnsupportedValue, droppedFindings));
    } else {
      conditions.push(accepted('the parent Service accepts the route'));
    }
    const firstBackend = backendProblems[0];
    conditions.push(
      firstBackend === undefined
        ? resolvedRefs('every backend reference resolves')
        : rejected(RouteConditionType.ResolvedRefs, firstBackend.reason, backendProblems.map((p) => p.finding)),
    );
    if (dropped.size > 0 && !allDropped && first === undefined) {
      const indexes = [...dropped.keys()].sort((a, b) => a - b);
      conditions.push({
        type: RouteConditionType.PartiallyInvalid,
        status: 'True',
        reason: RouteReason.UnsupportedValue,
        message: `Dropped Rule ${indexes.join(', ')}: ${droppedFindings.map(formatFinding).join('; ')}`,
      });
    }
    return { parentIndex: parent.index, parentRef: { ...parent.ref, group: '', kind: 'Service' }, conditions };
  });
}
