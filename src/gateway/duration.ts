/**
 * Gateway API durations (GEP-2257): 1-4 components of up to 5 digits and a unit h, m, s or ms.
 * The webhook reads durations, never rewrites them (GEP-2257: implementations MUST NOT).
 */

/** The GEP-2257 pattern, verbatim. */
export const DURATION_PATTERN = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

const COMPONENT = /([0-9]+)(ms|h|m|s)/g;

/** The duration in milliseconds, or undefined when `value` is not a valid GEP-2257 duration. */
export function parseDuration(value: string): number | undefined {
  if (!DURATION_PATTERN.test(value)) return undefined;
  let total = 0;
  for (const [, digits, unit] of value.matchAll(COMPONENT)) {
    total += Number(digits) * (UNIT_MS[unit ?? ''] ?? 0);
  }
  return total;
}

/**
 * True when the pair violates the CRD's rule "backendRequest timeout cannot be longer than
 * request timeout" (skipped when request is `0s`, which disables it). Unparseable values are
 * not this function's concern and read as no violation.
 */
export function backendRequestExceedsRequest(request: string | undefined, backendRequest: string | undefined): boolean {
  if (request === undefined || backendRequest === undefined) return false;
  const r = parseDuration(request);
  const b = parseDuration(backendRequest);
  return r !== undefined && b !== undefined && r !== 0 && b > r;
}
