/** Filter rules (MR302, MR303, MR304, MR310): header modifiers and path modifiers. */
import type { Path } from '../core/path.ts';
import {
  HEADER_NAME_MAX_LENGTH,
  HEADER_NAME_PATTERN,
  dig,
  isPrintableHeaderValue,
  list,
  record,
  text,
} from '../gateway/index.ts';
import { bothKinds, finding, httpOnly, type RawFinding, type Rule } from './rule.ts';
import { entries, headerModifiers, matches } from './walk.ts';

export const mr302: Rule = {
  id: 'MR302',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ route }) => {
    // Loops rather than spread lists: this runs over every header modifier of every rule.
    const out: RawFinding[] = [];
    for (const { path, modifier } of headerModifiers(route)) {
      const seen = new Set<string>();
      const note = (name: string, itemPath: () => Path): void => {
        const key = name.toLowerCase();
        if (!seen.has(key)) seen.add(key);
        else out.push(finding(itemPath(), `header ${name} has more than one action in this filter (case-insensitive); keep one`));
      };
      for (const key of ['set', 'add']) {
        for (const e of entries(modifier, key, path)) if (e.name !== undefined) note(e.name, () => [...e.path, 'name']);
      }
      const removed = list(modifier.remove);
      for (let k = 0; k < removed.length; k++) {
        const name = text(removed[k]);
        if (name !== undefined) note(name, () => [...path, 'remove', k]);
      }
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
  check: ({ route }) =>
    headerModifiers(route).flatMap(({ path, modifier }) =>
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
    // Rules by index, built once: a lookup per filter list made thousands of rules quadratic.
    const rules = new Map(route.rules.map((r) => [r.index, r.rule]));
    return route.filterLists.flatMap(({ ruleIndex, filters }) => {
      const rule = rules.get(ruleIndex);
      if (rule === undefined || singlePathPrefix(rule)) return [];
      return filters.flatMap((f) =>
        (['requestRedirect', 'urlRewrite'] as const).flatMap((key) =>
          dig(f.filter, key, 'path', 'type') === 'ReplacePrefixMatch'
            ? [finding([...f.path, key, 'path'], 'ReplacePrefixMatch needs exactly one match, of type PathPrefix, in its rule')]
            : [],
        ),
      );
    });
  },
};

export const mr310: Rule = {
  id: 'MR310',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: ({ route }) => {
    const values: { path: Path; value: string }[] = [];
    for (const { match, path } of matches(route)) {
      for (const { entry, path: p } of entries(match, 'headers', path)) {
        const value = text(entry.value);
        if (value !== undefined && entry.type !== 'RegularExpression') values.push({ path: [...p, 'value'], value });
      }
    }
    for (const { modifier, path } of headerModifiers(route)) {
      for (const key of ['set', 'add']) {
        for (const { entry, path: p } of entries(modifier, key, path)) {
          const value = text(entry.value);
          if (value !== undefined) values.push({ path: [...p, 'value'], value });
        }
      }
    }
    return values
      .filter(({ value }) => !isPrintableHeaderValue(value))
      .map(({ path }) => finding(path, 'header value should be printable ASCII with single spaces or tabs between words'));
  },
};
