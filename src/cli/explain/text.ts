/**
 * The human form of an explanation: per port a header (targets, routes, notes), then the table
 * with one row per entry, columns aligned, a cell spreading over several lines when it has
 * several things to say (backends, header matches, notes), and a summary line as lint ends with.
 */
import { entryPlace, type ExplainedBackend, type ExplainedEntry, type ExplainedMatch, type ExplainedPort, type ExplainedRoute, type Explanation, type Note } from './explanation.ts';

const ansi = { yellow: '\u001b[33m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** Renders the explanation; ANSI colour (problems in yellow) only when `colour` is true. */
export function formatExplanationText(explanation: Explanation, colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${ansi.reset}` : text);
  const { service } = explanation;
  const out = [paint(ansi.bold, `Service ${service.namespace}/${service.name}`)];
  for (const port of explanation.ports) out.push('', ...portLines(port, paint));
  if (explanation.ports.length === 0) out.push('', 'The Service has no ports: no route can attach to it.');
  const entries = explanation.ports.reduce((n, p) => n + p.entries.length, 0);
  const problems = explanation.problems === 0 ? 'no problems' : plural(explanation.problems, 'problem');
  out.push('', paint(explanation.problems > 0 ? ansi.yellow : ansi.bold, `${service.namespace}/${service.name}: ${plural(explanation.ports.length, 'port')}, ${plural(entries, 'entry', 'entries')}, ${problems}`));
  return `${out.join('\n')}\n`;
}

type Paint = (code: string, text: string) => string;

function portLines(port: ExplainedPort, paint: Paint): string[] {
  const label = port.name === null ? `${port.port}` : `${port.port} (${port.name})`;
  const whose = port.table === 'producer' ? 'for every client' : `for clients in ${port.routesNamespace}`;
  const kind = port.protocol === 'grpc' ? 'GRPCRoutes' : 'HTTPRoutes';
  const title = port.protocol === 'none' ? `Port ${label}: no routes` : `Port ${label}: ${kind} of namespace ${port.routesNamespace}, ${whose}`;
  const header: [string, string[]][] = [['targets', [port.targets.dns, `${port.targets.xds} (proxyless gRPC)`]]];
  if (port.routes.length > 0) header.push(['routes', port.routes.map((r) => `${r.name}${where(r)}`)]);
  header.push(...port.notes.map((n): [string, string[]] => [n.problem ? 'problem' : 'note', [paintNote(n, paint)]]));
  const lines = [paint(ansi.bold, title), ...header.flatMap(([key, values]) => values.map((v, i) => `  ${(i === 0 ? key : '').padEnd(8)} ${v}`))];
  if (port.entries.length === 0) return lines;
  const withSource = port.entries.some((e) => e.file !== null);
  const columns = ['#', 'MATCH', 'ROUTE', ...(withSource ? ['SOURCE'] : []), 'BACKENDS', 'NOTES'];
  const backends = backendCells(port.entries);
  const rows = port.entries.map((e, i) => [
    [String(e.position)],
    matchLines(e.match),
    [routeText(e)],
    ...(withSource ? [[e.file === null ? '' : `${e.file}:${e.line ?? ''}`]] : []),
    backends[i] ?? [],
    e.notes.map((n) => paintNote(n, paint)),
  ]);
  return [...lines, '', ...alignRows([columns.map((c) => [c]), ...rows]).map((line) => `  ${line}`)];
}

function paintNote(note: Note, paint: Paint): string {
  return note.problem ? paint(ansi.yellow, note.text) : note.text;
}

function where(route: ExplainedRoute): string {
  return route.file === null ? '' : ` (${route.file}:${route.line ?? ''})`;
}

/** `=` an exact value, `~` a regular expression, another type spelled out. */
function valueText(kind: string, m: { type: string; name: string; value: string }): string {
  const op = m.type === 'Exact' ? '=' : m.type === 'RegularExpression' ? '~' : ` ${m.type} `;
  return `${kind} ${m.name}${op}${m.value}`;
}

function matchLines(match: ExplainedMatch): string[] {
  if (match.protocol === 'http') {
    return [
      `${match.path.type} ${match.path.value}`,
      ...(match.method === null ? [] : [`method ${match.method}`]),
      ...match.headers.map((h) => valueText('header', h)),
      ...match.queryParams.map((q) => valueText('query', q)),
    ];
  }
  const { method } = match;
  const first = method === null ? 'any method' : `${method.type} ${method.service ?? '*'}/${method.method ?? '*'}`;
  return [first, ...match.headers.map((h) => valueText('header', h))];
}

function routeText(entry: ExplainedEntry): string {
  const place = entryPlace(entry.route.name, entry.rule.index, entry.matchIndex);
  return entry.rule.name === null ? place : `${place} (${entry.rule.name})`;
}

/**
 * One line per backend: `name:port` (with its namespace or kind when not the route's Service),
 * then its share; names and shares aligned across the whole table.
 */
function backendCells(entries: readonly ExplainedEntry[]): string[][] {
  const names = entries.map((e) => e.backends.map((b) => backendName(b, e.route.namespace)));
  const nameWidth = Math.max(0, ...names.flat().map((n) => n.length));
  const shareWidth = Math.max(0, ...entries.flatMap((e) => e.backends.map((b) => `${b.percent}%`.length)));
  return entries.map((entry, i) => {
    if (entry.backends.length === 0) return ['-'];
    return entry.backends.map((b, j) => {
      const line = `${(names[i]?.[j] ?? '').padEnd(nameWidth)}  ${`${b.percent}%`.padStart(shareWidth)}`;
      return b.weight === 0 ? `${line} (weight 0)` : line;
    });
  });
}

function backendName(backend: ExplainedBackend, routeNamespace: string): string {
  const name = `${backend.namespace === routeNamespace ? '' : `${backend.namespace}/`}${backend.name ?? '(no name)'}${backend.port === null ? '' : `:${backend.port}`}`;
  return backend.kind === 'Service' && (backend.group === '' || backend.group === 'core') ? name : `${backend.kind} ${name}`;
}

/**
 * Lays out rows of multi-line cells: each column as wide as its widest line (colour codes not
 * counted), columns two spaces apart, the last column unpadded, no trailing spaces.
 */
function alignRows(rows: readonly (readonly string[])[][]): string[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.flatMap((r) => (r[c] ?? []).map(visibleLength))));
  const lines: string[] = [];
  for (const row of rows) {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let i = 0; i < height; i++) {
      const cells = row.map((cell, c) => {
        const text = cell[i] ?? '';
        return c === row.length - 1 ? text : text + ' '.repeat((widths[c] ?? 0) - visibleLength(text));
      });
      lines.push(cells.join('  ').trimEnd());
    }
  }
  return lines;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
