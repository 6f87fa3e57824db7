/**
 * RE2 syntax checks for RegularExpression matches (MR307). Envoy and proxyless gRPC evaluate these
 * with RE2, so they are parsed by re2js (a pure-JS port of RE2), never run through a JS RegExp.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

/** Why `pattern` is not valid RE2, or undefined when it is. Never throws. */
export function re2SyntaxError(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) return error.getDescription();
    return error instanceof Error ? error.message : 'unparseable expression';
  }
}
