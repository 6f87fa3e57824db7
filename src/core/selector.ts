/** Kubernetes label selectors, for the policy's namespace exemptions. */
import type { LabelSelector } from './policy.ts';

/**
 * True when `labels` satisfy every matchLabels pair and every matchExpression (In, NotIn, Exists,
 * DoesNotExist). An empty selector matches everything, as in Kubernetes; an unknown operator
 * matches nothing.
 */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    const value = labels[key];
    const ok =
      operator === 'In' ? has && value !== undefined && values.includes(value)
      : operator === 'NotIn' ? !has || value === undefined || !values.includes(value)
      : operator === 'Exists' ? has
      : operator === 'DoesNotExist' ? !has
      : false;
    if (!ok) return false;
  }
  return true;
}
