/**
 * Every error gamma-webhook reports, defined once: a stable code (used by tests, metrics and
 * log fields, never the wording), a message, and the HTTP status where it reaches HTTP.
 * Codes are never reused; a retired code stays listed in `retiredErrorCodes`.
 */
export const errorDefinitions = {
  GAMMA_ERR_NOT_JSON: { status: 400, message: 'the body is not valid JSON' },
  GAMMA_ERR_INVALID_REVIEW: { status: 400, message: 'the body is not a valid AdmissionReview' },
  GAMMA_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Content-Type must be application/json' },
  GAMMA_ERR_BODY_TOO_LARGE: { status: 413, message: 'the body is larger than the configured limit' },
  GAMMA_ERR_NOT_FOUND: { status: 404, message: 'no such endpoint' },
  GAMMA_ERR_BAD_REQUEST: { status: 400, message: 'the request could not be read' },
  GAMMA_ERR_INTERNAL: { status: undefined, message: 'internal error while judging the route; it was admitted (failure is never a 5xx)' },
  GAMMA_ERR_CONFIG: { status: undefined, message: 'invalid configuration' },
  GAMMA_ERR_CERTIFICATE: { status: undefined, message: 'the TLS certificate or key could not be loaded' },
  GAMMA_ERR_KUBECONFIG: { status: undefined, message: 'no usable Kubernetes client configuration (in-cluster service account or kubeconfig)' },
  GAMMA_ERR_CLUSTER_API: { status: undefined, message: 'the Kubernetes API server did not serve what the cluster view needs' },
  GAMMA_ERR_POLICY_YAML: { status: undefined, message: 'the policy is not valid YAML; the last good policy stays in force' },
  GAMMA_ERR_POLICY_INVALID: { status: undefined, message: 'the policy does not match the policy schema; the last good policy stays in force' },
  GAMMA_ERR_POLICY_UNREADABLE: { status: undefined, message: 'the policy could not be read; the last good policy stays in force' },
  GAMMA_ERR_POLICY_WATCH: { status: undefined, message: 'the policy ConfigMap could not be listed or watched; retrying' },
  GAMMA_ERR_LINT_USAGE: { status: undefined, message: 'invalid command line for lint' },
  GAMMA_ERR_LINT_INPUT: { status: undefined, message: 'a manifest could not be read' },
  GAMMA_ERR_LINT_YAML: { status: undefined, message: 'a manifest is not valid YAML or JSON' },
  GAMMA_ERR_LINT_API_VERSION: { status: undefined, message: 'a route manifest does not name a Gateway API version' },
  GAMMA_ERR_LINT_CLUSTER: { status: undefined, message: 'the live cluster could not be read' },
  GAMMA_ERR_LINT_FIX: { status: undefined, message: 'a fix could not be applied to a manifest' },
  GAMMA_ERR_EXPLAIN_USAGE: { status: undefined, message: 'invalid command line for explain' },
  GAMMA_ERR_EXPLAIN_NOT_FOUND: { status: undefined, message: 'the Service or port to explain does not exist' },
  GAMMA_ERR_STATUS_WRITE: { status: undefined, message: 'a route status could not be written; retrying with backoff' },
  GAMMA_ERR_LEASE: { status: undefined, message: 'the status Lease could not be read or renewed; not writing route status' },
} as const satisfies Record<string, { status: number | undefined; message: string }>;

export type ErrorCode = keyof typeof errorDefinitions;

/** Codes that were used once and must never be given a new meaning. */
export const retiredErrorCodes: readonly string[] = [];

/** An error that carries its code; `detail` says what exactly went wrong and what to do. */
export class GammaError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;

  constructor(code: ErrorCode, detail?: string, options?: ErrorOptions) {
    const definition = errorDefinitions[code];
    super(detail ? `${definition.message}: ${detail}` : definition.message, options);
    this.name = 'GammaError';
    this.code = code;
    this.status = definition.status;
  }
}
