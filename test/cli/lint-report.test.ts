import { describe, expect, it } from 'vitest';
import { severityOf } from '../../src/cli/lint/lint.ts';
import { ruleDescriptions, sarifRules } from '../../src/cli/lint/rule-descriptions.ts';
import { exitCodeOf, formatJson, formatText, type LintFinding, type LintReport } from '../../src/cli/lint/report.ts';
import { formatSarif } from '../../src/cli/lint/sarif.ts';
import { decide } from '../../src/core/index.ts';
import type { Evaluation, Finding } from '../../src/core/types.ts';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { ruleCatalog } from '../../src/rules/index.ts';

const finding = (over: Partial<LintFinding>): LintFinding => ({
  file: 'routes/a.yaml',
  absolutePath: '/repo/routes/a.yaml',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 9,
  ruleId: 'MR103',
  action: 'deny',
  severity: 'error',
  path: 'spec.parentRefs[0]',
  message: 'parent Service shop/x is ExternalName; use a ClusterIP Service',
  exact: true,
  fixable: false,
  route: { kind: 'HTTPRoute', namespace: 'shop', name: 'a' },
  ...over,
});

const report = (findings: LintFinding[]): LintReport => ({ files: 2, routes: 3, findings, statuses: [], fixed: { operations: 0, files: [] } });

describe('exitCodeOf', () => {
  it.each([
    [[], false, 0],
    [[finding({ severity: 'warning', action: 'warn' })], false, 0],
    [[finding({ severity: 'warning', action: 'warn' })], true, 1],
    [[finding({ severity: 'error' })], false, 1],
    [[finding({ severity: 'note' })], true, 0],
  ] as const)('%#', (findings, strict, code) => {
    expect(exitCodeOf(report([...findings]), strict)).toBe(code);
  });
});

describe('severityOf agrees with decide() at the lint door', () => {
  const modes = ['enforce', 'warn', 'audit'] as const;
  const actions = ['deny', 'warn'] as const;
  it.each(modes.flatMap((mode) => actions.map((action) => [mode, action] as const)))('mode %s, action %s', (mode, action) => {
    const f: Finding = { ruleId: 'MR103', action, path: ['spec', 'parentRefs', 0], message: 'm' };
    const evaluation: Evaluation = { judged: true, findings: [f], patch: [], mutations: [], parents: [] };
    const decision = decide(evaluation, 'lint', { ...defaultPolicy, mode });
    const severity = severityOf(action, mode);
    expect(severity === 'error').toBe(!decision.allowed);
    expect(severity === 'warning').toBe(decision.warnings.length === 1);
    expect(severity === 'note').toBe(decision.allowed && decision.warnings.length === 0);
  });
});

describe('formatText', () => {
  const findings = [finding({}), finding({ line: 9, ruleId: 'MR204', action: 'warn', severity: 'warning', fixable: true, path: 'spec.rules[0].backendRefs[0]', message: 'set port 80' })];

  it('prints file:line:column, action, id, path, message, route and a summary', () => {
    expect(formatText(report(findings), false)).toBe(
      'routes/a.yaml:3:5: deny MR103 spec.parentRefs[0]: parent Service shop/x is ExternalName; use a ClusterIP Service [HTTPRoute shop/a]\n' +
        'routes/a.yaml:9:5: warn MR204 spec.rules[0].backendRefs[0]: set port 80 (fixable with --fix) [HTTPRoute shop/a]\n' +
        '3 routes in 2 files: 1 denial, 1 warning\n',
    );
  });

  it('says when nothing was found, and what --fix wrote', () => {
    expect(formatText({ ...report([]), fixed: { operations: 2, files: ['a.yaml'] } }, false)).toBe(
      'fixed: 2 changes written to a.yaml\n3 routes in 2 files: no findings\n',
    );
  });

  it('colours only when asked', () => {
    expect(formatText(report(findings), true)).toContain('\u001b[31mdeny\u001b[0m');
    expect(formatText(report(findings), false)).not.toContain('\u001b');
  });
});

describe('formatJson', () => {
  it('is a versioned document with a summary and every field of a finding', () => {
    const parsed = JSON.parse(formatJson(report([finding({})])));
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toEqual({ files: 2, routes: 3, denials: 1, warnings: 0, audit: 0, fixed: { operations: 0, files: [] } });
    expect(parsed.findings[0]).toEqual({
      file: 'routes/a.yaml',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      ruleId: 'MR103',
      action: 'deny',
      severity: 'error',
      path: 'spec.parentRefs[0]',
      message: 'parent Service shop/x is ExternalName; use a ClusterIP Service',
      exact: true,
      fixable: false,
      route: { kind: 'HTTPRoute', namespace: 'shop', name: 'a' },
    });
  });
});

describe('formatSarif', () => {
  const findings = [
    finding({}),
    finding({ absolutePath: undefined, file: '<stdin>', ruleId: 'MR108', severity: 'note', action: 'warn' }),
    finding({ absolutePath: '/elsewhere/b c.yaml', ruleId: 'MR999' }),
  ];
  const log = JSON.parse(formatSarif(report(findings), sarifRules(), '/repo'));
  const [only] = log.runs;

  it('is SARIF 2.1.0 with the whole rule catalog as the driver rules', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(only.tool.driver.name).toBe('gamma-webhook');
    expect(only.tool.driver.rules).toHaveLength(ruleCatalog.length);
    expect(only.tool.driver.rules[2]).toEqual({
      id: 'MR103',
      shortDescription: { text: ruleDescriptions.MR103 },
      defaultConfiguration: { level: 'warning', enabled: true },
    });
    expect(only.columnKind).toBe('utf16CodeUnits');
    expect(only.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  it('places results with ruleIndex, level and a physical location', () => {
    expect(only.results[0]).toMatchObject({
      ruleId: 'MR103',
      ruleIndex: 2,
      level: 'error',
      message: { text: 'MR103 spec.parentRefs[0]: parent Service shop/x is ExternalName; use a ClusterIP Service' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'routes/a.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
          },
        },
      ],
    });
    expect(only.results[1].level).toBe('note');
    expect(only.results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'stdin' });
    expect(only.results[2].ruleIndex).toBeUndefined();
    expect(only.results[2].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/b%20c.yaml' });
  });
});

describe('ruleDescriptions', () => {
  it('describes every rule of the catalog, and nothing else', () => {
    expect(Object.keys(ruleDescriptions).sort()).toEqual(ruleCatalog.map((r) => r.id).sort());
  });
});
