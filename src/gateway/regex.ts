/**
 * RE2 syntax checks for RegularExpression matches (MR307). Envoy and proxyless gRPC evaluate these
 * with RE2, so they are parsed by re2js (a pure-JS port of RE2), never run through a JS RegExp.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * Verdicts already reached, by pattern. Compiling is most of MR307's cost and the same patterns
 * come back with every update of a route, so each is compiled once; the verdict depends on the
 * pattern alone, so the memo changes no answer. Bounded: emptied when full, so a stream of
 * distinct patterns costs memory of at most `memoLimit` entries.
 */
const verdicts = new Map<string, string | undefined>();
const memoLimit = 4096;

function compileError(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) return error.getDescription();
    return error instanceof Error ? error.message : 'unparseable expression';
  }
}

/** Why `pattern` is not valid RE2, or undefined when it is. Never throws. */
export function re2SyntaxError(pattern: string): string | undefined {
  if (verdicts.has(pattern)) return verdicts.get(pattern);
  const verdict = compileError(pattern);
  if (verdicts.size >= memoLimit) verdicts.clear();
  verdicts.set(pattern, verdict);
  return verdict;
}
