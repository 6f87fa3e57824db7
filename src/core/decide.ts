/** `decide`: what a door answers, from an Evaluation and the policy's mode. */
import type { Policy } from './policy.ts';
import { formatFinding } from './format.ts';
import type { Decision, Door, Evaluation, Finding } from './types.ts';

function distinctIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))];
}

/**
 * The door's answer.
 *
 * - /mutate never denies. It returns the patch and one warning per mutation, and no rule
 *   warnings: /validate runs on the mutated object and prints those, so kubectl shows each once.
 *   The patch applies in every mode (it is a default, not a finding); `findings` are the mutations.
 * - /validate (and lint, status): denied when a finding's action is deny, in `enforce` mode.
 *   `warn` mode turns denials into warnings; `audit` mode allows with no warnings, and keeps the
 *   findings in `findings` for logs and metrics. The validate door never patches.
 */
export function decide(evaluation: Evaluation, door: Door, policy: Policy): Decision {
  if (door === 'mutate') {
    return {
      allowed: true,
      denials: [],
      warnings: evaluation.mutations.map(formatFinding),
      patch: evaluation.patch,
      ruleIds: distinctIds(evaluation.mutations),
      findings: evaluation.mutations,
    };
  }
  const findings = evaluation.findings;
  const base = { patch: [], ruleIds: distinctIds(findings), findings };
  if (policy.mode === 'audit') return { ...base, allowed: true, denials: [], warnings: [] };
  if (policy.mode === 'warn') return { ...base, allowed: true, denials: [], warnings: findings.map(formatFinding) };
  const denials = findings.filter((f) => f.action === 'deny').map(formatFinding);
  const warnings = findings.filter((f) => f.action !== 'deny').map(formatFinding);
  return { ...base, allowed: denials.length === 0, denials, warnings };
}
