/**
 * Gateway API durations (GEP-2257): 1-4 components of up to 5 digits and a unit h, m, s or ms.
 * The webhook reads durations, never rewrites them (GEP-2257: implementations MUST NOT).
 */

/** The GEP-2257 pattern, verbatim. */
const DURATION_PATTERN = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };


/** The duration in milliseconds, or undefined when `value` is not a valid GEP-2257 duration. */
export function parseDuration(value: string): number | undefined {
  if (!DURATION_PATTERN.test(value)) return undefined;
  const component = /([0-9]+)(ms|h|m|s)/g;
  let total = 0;
  for (let match = component.exec(value); match !== null; match = component.exec(value)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  }
  return total;
}

/**
 * True when the pair, in milliseconds, violates the CRD's rule "backendRequest timeout cannot be
 * longer than request timeout" (skipped when request is 0, which disables it). An absent or
 * unparseable value (undefined) is not this function's concern and reads as no violation.
 */
export function exceedsRequestTimeout(requestMs: number | undefined, backendRequestMs: number | undefined): boolean {
  return requestMs !== undefined && backendRequestMs !== undefined && requestMs !== 0 && backendRequestMs > requestMs;
}

/** `exceedsRequestTimeout` of two duration strings. */
export function backendRequestExceedsRequest(request: string | undefined, backendRequest: string | undefined): boolean {
  if (request === undefined || backendRequest === undefined) return false;
  return exceedsRequestTimeout(parseDuration(request), parseDuration(backendRequest));
}
