import type { Decision, EvaluationRequest } from '../core/types.ts';
import { GATEWAY_GROUP } from '../gateway/mesh.ts';
import { isJudgedVersion, isRouteKind } from '../gateway/route-kinds.ts';
import type { AdmissionRequest, AdmissionReview } from './schema.ts';

/** The `response` of an AdmissionReview, as the API server reads it. */
export interface AdmissionResponse {
  readonly uid: string;
  readonly allowed: boolean;
  readonly status?: { readonly code: number; readonly reason: string; readonly message: string };
  readonly warnings?: readonly string[];
  readonly patchType?: 'JSONPatch';
  readonly patch?: string;
  readonly auditAnnotations?: Readonly<Record<string, string>>;
}

/** Kubernetes shows at most this many characters of one warning (and kubectl prints each line). */
const warningMaxLength = 120;

/**
 * What the core should judge, or undefined when the request passes untouched: other groups,
 * kinds and versions, subresources (status), DELETE and CONNECT.
 */
export function toEvaluationRequest(request: AdmissionRequest): EvaluationRequest | undefined {
  const { group, version, kind } = request.kind;
  if (!isRouteKind(kind) || group !== GATEWAY_GROUP || !isJudgedVersion(kind, version)) return undefined;
  if (request.subResource) return undefined;
  if (request.operation !== 'CREATE' && request.operation !== 'UPDATE') return undefined;
  return {
    kind,
    operation: request.operation,
    namespace: request.namespace ?? '',
    object: request.object ?? undefined,
    oldObject: request.oldObject ?? undefined,
  };
}

/** The answer for a request the webhook has nothing to say about. */
export function allowUntouched(uid: string): AdmissionResponse {
  return { uid, allowed: true };
}

/**
 * Encodes a decision. Warnings are cut to `warningMaxLength` characters and to `maxWarnings`
 * lines (the last line then says how many more there were); the full list of denials is in
 * `status.message`. The patch is present only when it has operations.
 */
export function toAdmissionResponse(uid: string, decision: Decision, maxWarnings: number): AdmissionResponse {
  const warnings = limitWarnings(decision.warnings, maxWarnings);
  return {
    uid,
    allowed: decision.allowed,
    ...(decision.allowed
      ? {}
      : { status: { code: 403, reason: 'Forbidden', message: denialMessage(decision.denials) } }),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(decision.patch.length > 0
      ? { patchType: 'JSONPatch' as const, patch: Buffer.from(JSON.stringify(decision.patch)).toString('base64') }
      : {}),
    ...(decision.ruleIds.length > 0
      ? { auditAnnotations: { rules: decision.ruleIds.join(','), decision: decision.allowed ? 'allow' : 'deny' } }
      : {}),
  };
}

/** The longest `status.message`: kubectl prints it whole, and etcd events and audit logs carry it. */
const denialMessageMaxLength = 4096;

/**
 * Every denial, joined with "; ", as long as they fit in `denialMessageMaxLength`; a route
 * that trips thousands of rules gets the first ones and a count of the rest.
 */
function denialMessage(denials: readonly string[]): string {
  const budget = denialMessageMaxLength - 100; // room for the "and N more" suffix
  const kept: string[] = [];
  let length = 0;
  for (const denial of denials) {
    if (length + denial.length > budget) break;
    kept.push(denial);
    length += denial.length + 2;
  }
  if (kept.length === 0 && denials[0] !== undefined) kept.push(`${denials[0].slice(0, budget - 3)}...`);
  const rest = denials.length - kept.length;
  const message = kept.join('; ');
  return rest === 0 ? message : `${message}; and ${rest} more denials; run gamma-webhook lint on the route to see all`;
}

/** Wraps a response in the envelope of the request's own apiVersion (v1 or v1beta1). */
export function reviewEnvelope(apiVersion: AdmissionReview['apiVersion'], response: AdmissionResponse) {
  return { apiVersion, kind: 'AdmissionReview', response } as const;
}

function limitWarnings(all: readonly string[], max: number): string[] {
  const fitted = all.map(truncate);
  if (fitted.length <= max) return fitted;
  if (max === 0) return [];
  const kept = fitted.slice(0, max - 1);
  return [...kept, `and ${fitted.length - kept.length} more findings; run gamma-webhook lint on the route to see all`];
}

function truncate(warning: string): string {
  return warning.length <= warningMaxLength ? warning : `${warning.slice(0, warningMaxLength - 3)}...`;
}
