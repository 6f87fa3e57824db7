/** HTTP header syntax the CRDs check for names but not everywhere (RFC 7230). */

/** An RFC 7230 token: what a header name must be (the CRD's pattern for `set`/`add` names). */
export const HEADER_NAME_PATTERN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/** The longest header name the CRD admits. */
export const HEADER_NAME_MAX_LENGTH = 256;

/**
 * True when `value` is printable ASCII words separated by single spaces or tabs: the experimental
 * CRD's `^[!-~]+([\t ]?[!-~]+)*$`, checked in one linear pass because that pattern backtracks
 * exponentially in a JavaScript engine on a long near-miss.
 */
export function isPrintableHeaderValue(value: string): boolean {
  if (value.length === 0) return false;
  let previousSeparator = true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const separator = code === 0x20 || code === 0x09;
    if (separator) {
      if (previousSeparator) return false;
    } else if (code < 0x21 || code > 0x7e) {
      return false;
    }
    previousSeparator = separator;
  }
  return !previousSeparator;
}

/**
 * True when `name` is in `seen`, compared as header names are (case-insensitively); otherwise
 * adds it and returns false. For the rules that find a header named twice.
 */
export function headerSeenBefore(seen: Set<string>, name: string): boolean {
  const key = name.toLowerCase();
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}
