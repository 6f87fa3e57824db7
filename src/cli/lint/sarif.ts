import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Action } from '../../core/types.ts';
import type { LintReport, RouteRef, Severity } from './report.ts';

/** What SARIF needs to know of a rule: its id, a one-line description, its default action. */
export interface RuleDescriptor {
  readonly id: string;
  readonly description: string;
  readonly defaultAction: Action;
}

const levelOf: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };
const defaultLevel: Record<Action, 'error' | 'warning' | 'none'> = { deny: 'error', warn: 'warning', off: 'none' };

/**
 * The report as a SARIF 2.1.0 log with one run: `tool.driver.rules` is the whole rule catalog
 * (so code-scanning tools can show rules that found nothing), each result names its rule by id
 * and index and points at `physicalLocation.region` (1-based `startLine`/`startColumn`, columns in
 * UTF-16 code units as `columnKind` says). Files under `cwd` are relative to `%SRCROOT%` (which
 * is `cwd`); other files are absolute `file:` URIs; standard input is the relative URI `stdin`.
 * The status each route would get is the run's `properties.statuses` (as in the JSON report), and
 * each result's `properties.parents` carries that of its own route.
 */
export function formatSarif(report: LintReport, rules: readonly RuleDescriptor[], cwd: string): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const routeKey = (r: RouteRef) => `${r.kind}/${r.namespace}/${r.name}`;
  const parentsOf = new Map(report.statuses.map((s) => [routeKey(s.route), s.parents]));
  const root = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gamma-webhook',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: defaultLevel[rule.defaultAction], enabled: rule.defaultAction !== 'off' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        columnKind: 'utf16CodeUnits',
        properties: { statuses: report.statuses },
        results: report.findings.map((f) => {
          const ruleIndex = index.get(f.ruleId);
          return {
            ruleId: f.ruleId,
            ...(ruleIndex === undefined ? {} : { ruleIndex }),
            level: levelOf[f.severity],
            message: { text: `${f.ruleId} ${f.path}: ${f.message}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifact(f.absolutePath, cwd),
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
                logicalLocations: [
                  { fullyQualifiedName: `${f.route.kind}/${f.route.namespace}/${f.route.name}:${f.path}`, kind: 'member' },
                ],
              },
            ],
            properties: { action: f.action, fieldPath: f.path, fixable: f.fixable, parents: parentsOf.get(routeKey(f.route)) ?? [] },
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifact(absolutePath: string | undefined, cwd: string): { uri: string; uriBaseId?: string } {
  if (absolutePath === undefined) return { uri: 'stdin' };
  const relative = path.relative(cwd, absolutePath);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolutePath).href };
}
