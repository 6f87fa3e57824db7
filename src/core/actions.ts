/** The action a rule takes under a policy: the override by id, else the default; strict mode applied. */
import type { Policy } from '../policy/policy.ts';
import type { Rule } from '../rules/rule.ts';
import type { Action } from './types.ts';

/**
 * `policy.rules[id].action` when set, else the rule's default; then `strict: true` turns a
 * referential rule's `warn` into `deny` (RULES.md "Ground rules").
 */
export function actionFor(rule: Rule, policy: Policy): Action {
  const configured: Action = policy.rules[rule.id]?.action ?? rule.defaultAction;
  return configured === 'warn' && policy.strict && rule.referential ? 'deny' : configured;
}
