/** Match rules (MR301, MR306, MR307): what the CRD cannot say about header, path and method matches. */
import type { EvaluationContext } from '../core/context.ts';
import type { Path } from '../core/path.ts';
import { entryPath } from '../core/route-parts.ts';
import { bothKinds, finding, type RawFinding, type Rule } from '../core/rule.ts';
import { headerSeenBefore, re2SyntaxError, record, text } from '../gateway/index.ts';

export const mr301: Rule = {
  id: 'MR301',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ matches }) => {
    const out: RawFinding[] = [];
    for (const { headers } of matches) {
      const seen = new Set<string>();
      for (const header of headers) {
        if (header.name !== undefined && headerSeenBefore(seen, header.name)) {
          out.push(finding(entryPath(header, 'name'), `header ${header.name} is matched twice (names are case-insensitive); merge them`));
        }
      }
    }
    return out;
  },
};

export const mr306: Rule = {
  id: 'MR306',
  kinds: ['GRPCRoute'],
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ matches }) =>
    matches.flatMap(({ match, path }) => {
      const method = record(match.method);
      if (method === undefined || method.type !== 'RegularExpression') return [];
      if (text(method.service) || text(method.method)) return [];
      return [finding([...path, 'method'], 'RegularExpression method match needs a non-empty service or method')];
    }),
};

/** Every RegularExpression value of a route: path, header, query parameter, gRPC service and method. */
function regexValues({ route, matches }: EvaluationContext): { path: Path; value: string }[] {
  const out: { path: Path; value: string }[] = [];
  const http = route.kind === 'HTTPRoute';
  for (const { match, path, headers, queryParams } of matches) {
    const matchPath = record(match.path);
    if (http && matchPath?.type === 'RegularExpression') {
      const value = text(matchPath.value);
      if (value !== undefined) out.push({ path: [...path, 'path', 'value'], value });
    }
    for (const e of [...headers, ...queryParams]) {
      const value = e.entry.type === 'RegularExpression' ? text(e.entry.value) : undefined;
      if (value !== undefined) out.push({ path: entryPath(e, 'value'), value });
    }
    const method = record(match.method);
    if (!http && method?.type === 'RegularExpression') {
      for (const key of ['service', 'method']) {
        const value = text(method[key]);
        if (value !== undefined) out.push({ path: [...path, 'method', key], value });
      }
    }
  }
  return out;
}

export const mr307: Rule = {
  id: 'MR307',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: (context) =>
    regexValues(context).flatMap(({ path, value }): RawFinding[] => {
      const limit = context.policy.regexMaxLength;
      if (value.length > limit) {
        return [finding(path, `regular expression is ${value.length} characters; the limit is ${limit}`)];
      }
      const error = re2SyntaxError(value);
      return error === undefined ? [] : [finding(path, `not valid RE2: ${error}`)];
    }),
};
