/**
 * Label and field selectors as the API server parses them: comma-separated requirements, all of
 * which must hold. Labels: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`.
 * Fields: `metadata.name`, `metadata.namespace` with `=`, `==`, `!=`.
 */
import type { KubeObject } from './resources.ts';

export type Selector = (object: KubeObject) => boolean;

/** Thrown for a selector the server cannot parse (answered with 400). */
export class SelectorError extends Error {
  override name = 'SelectorError';
}

/** Splits on commas outside parentheses. */
function requirements(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

export function parseLabelSelector(text: string | null): Selector {
  if (!text) return () => true;
  const checks = requirements(text).map((req): Selector => {
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(req);
    if (set) {
      const [, key = '', op, list = ''] = set;
      const values = new Set(list.split(',').map((v) => v.trim()).filter((v) => v !== ''));
      return op === 'in'
        ? (o) => values.has(o.metadata.labels?.[key] ?? '\u0000absent')
        : (o) => !values.has(o.metadata.labels?.[key] ?? '\u0000absent');
    }
    const cmp = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(req);
    if (cmp) {
      const [, key = '', op, value = ''] = cmp;
      return op === '!=' ? (o) => o.metadata.labels?.[key] !== value : (o) => o.metadata.labels?.[key] === value;
    }
    const exists = /^(!?)([^\s!=()]+)$/.exec(req);
    if (exists) {
      const [, not, key = ''] = exists;
      return not ? (o) => !(key in (o.metadata.labels ?? {})) : (o) => key in (o.metadata.labels ?? {});
    }
    throw new SelectorError(`unable to parse requirement: ${JSON.stringify(req)}`);
  });
  return (o) => checks.every((check) => check(o));
}

const fields: Record<string, (o: KubeObject) => string> = {
  'metadata.name': (o) => o.metadata.name ?? '',
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

export function parseFieldSelector(text: string | null): Selector {
  if (!text) return () => true;
  const checks = requirements(text).map((req): Selector => {
    const cmp = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(req);
    const field = cmp && fields[cmp[1] ?? ''];
    if (!cmp || !field) throw new SelectorError(`field label not supported: ${req}`);
    const value = cmp[3] ?? '';
    return cmp[2] === '!=' ? (o) => field(o) !== value : (o) => field(o) === value;
  });
  return (o) => checks.every((check) => check(o));
}
