/**
 * The metric names a PromQL expression (or a Grafana query) reads. Enough of PromQL for the
 * chart's alerts and dashboard: label matchers, ranges, strings, comments, grouping label lists
 * and Grafana variables are removed; what is left that is neither a function call nor a keyword
 * is a metric name.
 */
const keywords = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'inf', 'nan']);

export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/#.*$/gm, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\$\{?\w+\}?/g, '');
  const names = [...bare.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g)].map((m) => m[0]);
  return [...new Set(names.filter((name) => !keywords.has(name.toLowerCase())))];
}
