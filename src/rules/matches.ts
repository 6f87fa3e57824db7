/** Match rules (MR301, MR306, MR307): what the CRD cannot say about header, path and method matches. */
import type { Path } from '../core/path.ts';
import { dig, re2SyntaxError, record, text } from '../gateway/index.ts';
import { bothKinds, finding, type RawFinding, type Rule } from './rule.ts';
import { entries, matches } from './walk.ts';

export const mr301: Rule = {
  id: 'MR301',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ route }) =>
    matches(route).flatMap(({ match, path }) => {
      const seen = new Set<string>();
      return entries(match, 'headers', path).flatMap(({ name, path: headerPath }) => {
        if (name === undefined) return [];
        const key = name.toLowerCase();
        if (!seen.has(key)) {
          seen.add(key);
          return [];
        }
        return [finding([...headerPath, 'name'], `header ${name} is matched twice (names are case-insensitive); merge them`)];
      });
    }),
};

export const mr306: Rule = {
  id: 'MR306',
  kinds: ['GRPCRoute'],
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ route }) =>
    matches(route).flatMap(({ match, path }) => {
      const method = record(match.method);
      if (method === undefined || method.type !== 'RegularExpression') return [];
      if (text(method.service) || text(method.method)) return [];
      return [finding([...path, 'method'], 'RegularExpression method match needs a non-empty service or method')];
    }),
};

/** Every RegularExpression value of a route: path, header, query parameter, gRPC service and method. */
function regexValues(route: Parameters<typeof matches>[0]): { path: Path; value: string }[] {
  const out: { path: Path; value: string }[] = [];
  const add = (path: Path, value: unknown): void => {
    const v = text(value);
    if (v !== undefined) out.push({ path, value: v });
  };
  for (const { match, path } of matches(route)) {
    if (route.kind === 'HTTPRoute' && dig(match, 'path', 'type') === 'RegularExpression') {
      add([...path, 'path', 'value'], dig(match, 'path', 'value'));
    }
    for (const key of ['headers', 'queryParams']) {
      for (const { entry, path: entryPath } of entries(match, key, path)) {
        if (entry.type === 'RegularExpression') add([...entryPath, 'value'], entry.value);
      }
    }
    const method = record(match.method);
    if (route.kind === 'GRPCRoute' && method?.type === 'RegularExpression') {
      add([...path, 'method', 'service'], method.service);
      add([...path, 'method', 'method'], method.method);
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
  check: ({ route, policy }) =>
    regexValues(route).flatMap(({ path, value }): RawFinding[] => {
      if (value.length > policy.regexMaxLength) {
        return [finding(path, `regular expression is ${value.length} characters; the limit is ${policy.regexMaxLength}`)];
      }
      const error = re2SyntaxError(value);
      return error === undefined ? [] : [finding(path, `not valid RE2: ${error}`)];
    }),
};
