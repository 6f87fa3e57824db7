/** Filter rules (MR302, MR303, MR304, MR310, MR311): header modifiers and path modifiers. */
import {
  HEADER_NAME_MAX_LENGTH,
  HEADER_NAME_PATTERN,
  headerSeenBefore,
  dig,
  isPrintableHeaderValue,
  list,
  record,
  text,
} from '../gateway/index.ts';
import type { Path } from '../core/path.ts';
import { entryPath, type NamedEntry } from '../core/route-parts.ts';
import { bothKinds, finding, httpOnly, type RawFinding, type Rule } from '../core/rule.ts';

export const mr302: Rule = {
  id: 'MR302',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ headerModifiers }) => {
    const out: RawFinding[] = [];
    const twice = (name: string) => `header ${name} has more than one action in this filter (case-insensitive); keep one`;
    for (const { path, modifier, set, add } of headerModifiers) {
      const seen = new Set<string>();
      for (const e of [...set, ...add]) {
        if (e.name !== undefined && headerSeenBefore(seen, e.name)) out.push(finding(entryPath(e, 'name'), twice(e.name)));
      }
      list(modifier.remove).forEach((item, k) => {
        const name = text(item);
        if (name !== undefined && headerSeenBefore(seen, name)) out.push(finding([...path, 'remove', k], twice(name)));
      });
    }
    return out;
  },
};

export const mr303: Rule = {
  id: 'MR303',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ headerModifiers }) =>
    headerModifiers.flatMap(({ path, modifier }) =>
      list(modifier.remove).flatMap((item, k): RawFinding[] => {
        const name = text(item);
        if (name === undefined) return [];
        if (name.length > HEADER_NAME_MAX_LENGTH) {
          return [finding([...path, 'remove', k], `header name is ${name.length} characters; the limit is ${HEADER_NAME_MAX_LENGTH}`)];
        }
        return HEADER_NAME_PATTERN.test(name)
          ? []
          : [finding([...path, 'remove', k], 'not a header name (RFC 7230 token: letters, digits, !#$%&\'*+-.^_`|~)')];
      }),
    ),
};

/** True when the CRD-defaulted matches are exactly one PathPrefix match. */
function singlePathPrefix(rule: Readonly<Record<string, unknown>>): boolean {
  if (rule.matches === undefined) return true;
  const all = list(rule.matches);
  if (all.length !== 1) return false;
  const type = dig(all[0], 'path', 'type');
  return record(all[0]) !== undefined && (type === undefined || type === 'PathPrefix');
}

export const mr304: Rule = {
  id: 'MR304',
  kinds: httpOnly,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ route }) => {
    const replacing: { ruleIndex: number; path: Path }[] = [];
    for (const { ruleIndex, filters } of route.filterLists) {
      for (const f of filters) {
        for (const key of ['requestRedirect', 'urlRewrite'] as const) {
          if (dig(f.filter, key, 'path', 'type') === 'ReplacePrefixMatch') replacing.push({ ruleIndex, path: [...f.path, key, 'path'] });
        }
      }
    }
    if (replacing.length === 0) return [];
    const rules = new Map(route.rules.map((r) => [r.index, r.rule]));
    return replacing.flatMap(({ ruleIndex, path }) => {
      const rule = rules.get(ruleIndex);
      return rule === undefined || singlePathPrefix(rule) ? [] : [finding(path, 'ReplacePrefixMatch needs exactly one match, of type PathPrefix, in its rule')];
    });
  },
};

export const mr310: Rule = {
  id: 'MR310',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: ({ matches, headerModifiers }) => {
    const out: RawFinding[] = [];
    const check = (e: NamedEntry): void => {
      const value = text(e.entry.value);
      if (value !== undefined && !isPrintableHeaderValue(value)) {
        out.push(finding(entryPath(e, 'value'), 'header value should be printable ASCII with single spaces or tabs between words'));
      }
    };
    for (const { headers } of matches) {
      for (const e of headers) if (e.entry.type !== 'RegularExpression') check(e);
    }
    for (const { set, add } of headerModifiers) {
      for (const e of set) check(e);
      for (const e of add) check(e);
    }
    return out;
  },
};

export const mr311: Rule = {
  id: 'MR311',
  kinds: httpOnly,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ route }) => {
    const out: RawFinding[] = [];
    for (const { filters } of route.filterLists) {
      for (const f of filters) {
        for (const key of ['requestRedirect', 'urlRewrite'] as const) {
          for (const field of ['replaceFullPath', 'replacePrefixMatch'] as const) {
            const value = text(dig(f.filter, key, 'path', field));
            if (value !== undefined && !value.startsWith('/')) {
              out.push(finding([...f.path, key, 'path', field], `${field} ${JSON.stringify(value)} is not an absolute path; start it with /`));
            }
          }
        }
      }
    }
    return out;
  },
};
