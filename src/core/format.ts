/** The one message form of a finding: id, field path, what is wrong and what to do. */
import { fieldPath } from './path.ts';
import type { Finding } from './types.ts';

/**
 * `MR101 spec.parentRefs[0]: kind Service needs group "" (core); got gateway.networking.k8s.io`.
 * Used for denials, warnings and status messages alike.
 */
export function formatFinding(finding: Pick<Finding, 'ruleId' | 'path' | 'message'>): string {
  return finding.path.length === 0 ? `${finding.ruleId} ${finding.message}` : `${finding.ruleId} ${fieldPath(finding.path)}: ${finding.message}`;
}
