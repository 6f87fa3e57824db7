/**
 * Rules that read the effective routing table (core/routing-table.ts): rules of a route that no
 * request can reach. Both reuse the table's shadow proof, so they never warn without one.
 */
import { finding, bothKinds, type RawFinding, type Rule } from '../core/rule.ts';
import type { EvaluationContext } from '../core/context.ts';
import { mayShadowWithin } from '../core/routing-hints.ts';
import { unreachableRules, type UnreachableRule } from '../core/routing-reach.ts';
import { serviceKey } from '../core/services.ts';
import type { RouteModel } from '../core/route.ts';

function ruleLabel(ruleIndex: number, ruleName: string | undefined): string {
  return ruleName === undefined ? `rule ${ruleIndex}` : `rule ${ruleIndex} (${ruleName})`;
}

/** `a`, `a and b`, `a, b and c`. */
function joinAnd(labels: readonly string[]): string {
  return labels.length === 1 ? `${labels[0]}` : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

function routeIdentity(route: RouteModel): { kind: RouteModel['kind']; namespace: string; name: string } {
  return { kind: route.kind, namespace: route.namespace, name: route.name ?? '' };
}

/** The rules the route shadows itself (MR312's); it is ranked only when its hints allow a shadow. */
function ownUnreachable(context: EvaluationContext): UnreachableRule[] {
  return mayShadowWithin(context.ownHints) ? unreachableRules(context.ownEntries, routeIdentity(context.route)) : [];
}

export const mr110: Rule = {
  id: 'MR110',
  kinds: bothKinds,
  referential: true,
  defaultAction: 'warn',
  check: (context) => {
    const { route } = context;
    const reported = new Set<number>();
    const findings: RawFinding[] = [];
    let dead: Set<number> | undefined;
    for (const port of context.portShadows) {
      for (const rule of unreachableRules(port.entries, routeIdentity(route))) {
        // A rule the route itself already shadows is MR312's; MR110 names another route.
        if (reported.has(rule.ruleIndex) || (dead ??= new Set(ownUnreachable(context).map((r) => r.ruleIndex))).has(rule.ruleIndex)) continue;
        reported.add(rule.ruleIndex);
        const others = rule.takenBy.filter((o) => o.route.namespace !== route.namespace || o.route.name !== (route.name ?? ''));
        const by = joinAnd(others.map((o) => `${o.route.kind} ${serviceKey(o.route.namespace, o.route.name)} ${ruleLabel(o.ruleIndex, o.ruleName)}`));
        const where = `${serviceKey(port.service.namespace, port.service.name)}:${port.port}`;
        findings.push(finding(['spec', 'rules', rule.ruleIndex], `shadowed on Service ${where} by ${by}: no request reaches it`));
      }
    }
    return findings.sort((a, b) => Number(a.path[2]) - Number(b.path[2]));
  },
};

export const mr312: Rule = {
  id: 'MR312',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: (context) =>
    ownUnreachable(context).map((rule) =>
      finding(['spec', 'rules', rule.ruleIndex], `${ruleLabel(rule.ruleIndex, rule.ruleName)} is shadowed by ${joinAnd(rule.takenBy.map((o) => ruleLabel(o.ruleIndex, o.ruleName)))}: no request reaches it; narrow or remove it`),
    ),
};
