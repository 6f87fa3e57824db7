import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/rules/index.ts';
import { sharedPath } from '../support/shared.ts';
import { lintRun } from './lint-io.ts';

const fixtures = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));
const broken = path.join(fixtures, 'broken');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  action: string;
  severity: string;
  path: string;
  fixable: boolean;
}
interface JsonReport {
  summary: { files: number; routes: number; denials: number; warnings: number; audit: number; fixed: { operations: number; files: string[] } };
  findings: JsonFinding[];
}

/** The parts of a SARIF result the test reads; lint reports one location per result. */
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: [{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }];
}

/** `file:line rule` for each `# expect: MR...` marker of the fixtures. */
async function expectedMarkers(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const lines = (await readFile(path.join(dir, name), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      const ids = /# expect: ((?:MR\d{3} ?)+)$/.exec(line)?.[1];
      for (const id of ids?.trim().split(' ') ?? []) out.push(`${name}:${i + 1} ${id}`);
    });
  }
  return out.sort();
}

describe('lint on the Gateway API conformance manifests', () => {
  const conformance = sharedPath('gateway-api', 'v1.6.1', 'conformance-mesh');
  it.skipIf(conformance.missing !== undefined)('finds no denial in any mesh conformance route', async () => {
    const run = await lintRun(['-o', 'json', conformance.path], { cwd: fixtures });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.routes).toBe(21);
    expect(report.findings.filter((f) => f.action === 'deny')).toEqual([]);
    expect(report.summary.denials).toBe(0);
    expect(run.code).toBe(0);
  });
});

describe('lint on broken manifests', () => {
  it('finds each rule id on the line its marker names, and nothing else', async () => {
    const run = await lintRun(['--policy', 'policy.yaml', '--output', 'json', 'broken'], { cwd: fixtures });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    const found = report.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.ruleId}`).sort();
    expect(found).toEqual(await expectedMarkers(broken));
    expect(run.code).toBe(1);
  });

  it('covers every rule of the catalog', async () => {
    const ids = new Set((await expectedMarkers(broken)).map((m) => m.split(' ')[1]));
    expect([...ids].sort()).toEqual(ruleCatalog.map((r) => r.id).sort());
  });

  it('reports file, line, column, path, action and fix hint in text', async () => {
    const run = await lintRun(['broken/parents.yaml', 'broken/services.yaml'], { cwd: fixtures });
    expect(run.stdout).toContain(
      `${path.join('broken', 'parents.yaml')}:10:5: warn MR101 spec.parentRefs[0]: set group "" (core Service); gateway.networking.k8s.io/Service does not exist (fixable with --fix) [HTTPRoute shop/parents]\n`,
    );
    expect(run.stdout).toContain(`${path.join('broken', 'parents.yaml')}:16:5: warn MR103 spec.parentRefs[2]: `);
    expect(run.stdout).toMatch(/3 routes in 2 files: 0 denials, \d+ warnings\n$/);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.code).toBe(0);
  });

  it('colours the text report only on a terminal without NO_COLOR', async () => {
    const argv = ['broken'];
    expect((await lintRun(argv, { cwd: fixtures, isTTY: true })).stdout).toContain('\u001b[31mdeny\u001b[0m');
    expect((await lintRun(argv, { cwd: fixtures, isTTY: true, noColor: true })).stdout).not.toContain('\u001b[');
    expect((await lintRun(argv, { cwd: fixtures, isTTY: false })).stdout).not.toContain('\u001b[');
  });

  it('follows the policy mode: warn turns denials into warnings, audit into notes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lint-mode-'));
    try {
      await writeFile(path.join(dir, 'warn.yaml'), 'mode: warn\n');
      await writeFile(path.join(dir, 'audit.yaml'), 'mode: audit\n');
      const warn = await lintRun(['-o', 'json', '--policy', path.join(dir, 'warn.yaml'), 'broken'], { cwd: fixtures });
      const warnReport = JSON.parse(warn.stdout) as JsonReport;
      expect(warnReport.summary.denials).toBe(0);
      expect(warnReport.findings.find((f) => f.ruleId === 'MR304')).toMatchObject({ action: 'deny', severity: 'warning' });
      expect(warn.code).toBe(0);
      expect((await lintRun(['--strict', '--policy', path.join(dir, 'warn.yaml'), 'broken'], { cwd: fixtures })).code).toBe(1);
      const audit = await lintRun(['-o', 'json', '--strict', '--policy', path.join(dir, 'audit.yaml'), 'broken'], { cwd: fixtures });
      const auditReport = JSON.parse(audit.stdout) as JsonReport;
      expect(auditReport.summary).toMatchObject({ denials: 0, warnings: 0 });
      expect(auditReport.summary.audit).toBeGreaterThan(0);
      expect(audit.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes SARIF 2.1.0 with the rule catalog and the findings at their lines', async () => {
    const run = await lintRun(['-o', 'sarif', '--policy', 'policy.yaml', 'broken'], { cwd: fixtures });
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    const [only] = log.runs;
    expect(only.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleCatalog.map((r) => r.id));
    const markers = await expectedMarkers(broken);
    const results = only.results.map((r: SarifResult) => {
      const location = r.locations[0].physicalLocation;
      expect(only.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(['error', 'warning']).toContain(r.level);
      return `${path.basename(location.artifactLocation.uri)}:${location.region.startLine} ${r.ruleId}`;
    });
    expect(results.sort()).toEqual(markers);
    expect(only.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${fixtures}`);
    expect(run.code).toBe(1);
  });
});

describe('lint from standard input', () => {
  const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: from-stdin
  namespace: shop
spec:
  hostnames: [a.example.com]
  parentRefs:
  - group: ""
    kind: Service
    name: web
  rules:
  - backendRefs:
    - name: single
`;

  it('reads - with the Services of the other operands as the cluster', async () => {
    const run = await lintRun(['-o', 'json', '-', 'broken/services.yaml'], { cwd: fixtures, stdin: route });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.file, f.line, f.column, f.ruleId])).toEqual([
      ['<stdin>', 7, 3, 'MR108'],
      ['<stdin>', 14, 7, 'MR204'],
    ]);
    expect(run.code).toBe(0);
    expect((await lintRun(['--strict', '-', 'broken/services.yaml'], { cwd: fixtures, stdin: route })).code).toBe(1);
  });

  it('with --fix writes the fixed manifests to stdout and the report to stderr', async () => {
    const run = await lintRun(['--fix', '-', 'broken/services.yaml'], { cwd: fixtures, stdin: route });
    expect(run.stdout).toBe(route.replace('    - name: single\n', '    - name: single\n      port: 8080\n'));
    expect(run.stderr).toContain('<stdin>:7:3: warn MR108');
    expect(run.stderr).not.toContain('MR204');
    expect(run.stderr).toContain('fixed: 1 change written to <stdin>');
  });
});

describe('lint --fix', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lint-fix-'));
    await cp(broken, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the defaults into the files, keeping comments, and the re-lint is clean of the fixed rules', async () => {
    const before = await readFile(path.join(dir, 'parents.yaml'), 'utf8');
    const untouched = await readFile(path.join(dir, 'matches-filters.yaml'), 'utf8');
    const fixed = await lintRun(['--fix', '-o', 'json', '.'], { cwd: dir });
    const fixedReport = JSON.parse(fixed.stdout) as JsonReport;
    expect(fixedReport.summary.fixed).toEqual({ operations: 3, files: ['backends.yaml', 'parents.yaml'] });
    expect(fixedReport.findings.filter((f) => f.fixable)).toEqual([]);

    const after = await readFile(path.join(dir, 'parents.yaml'), 'utf8');
    expect(after).toContain('# Parent rules, MR101-MR109.\n');
    expect(after).toContain('  - kind: Service # expect: MR101\n    name: web\n    port: 80\n    group: ""\n');
    expect(after.split('\n').filter((l) => l.includes('# expect:')).length).toBe(before.split('\n').filter((l) => l.includes('# expect:')).length);
    expect(await readFile(path.join(dir, 'backends.yaml'), 'utf8')).toContain('    - name: single # expect: MR204\n      port: 8080\n');
    expect(await readFile(path.join(dir, 'backends.yaml'), 'utf8')).toContain('    - group: "" # expect: MR101\n      kind: Service\n');
    expect(await readFile(path.join(dir, 'matches-filters.yaml'), 'utf8')).toBe(untouched);

    const relint = await lintRun(['-o', 'json', '.'], { cwd: dir });
    const report = JSON.parse(relint.stdout) as JsonReport;
    expect(report.findings.map((f) => f.ruleId)).not.toContain('MR101');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('MR204');
    expect(report.findings.filter((f) => f.fixable)).toEqual([]);

    const again = await lintRun(['--fix', '.'], { cwd: dir });
    expect(again.stdout).not.toContain('fixed:');
    expect(await readFile(path.join(dir, 'parents.yaml'), 'utf8')).toBe(after);
  });

  it('writes JSON files back as JSON', async () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'j', namespace: 'shop' },
      spec: { parentRefs: [{ kind: 'Service', name: 'web' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
    };
    await writeFile(path.join(dir, 'route.json'), JSON.stringify(route, null, 2));
    const run = await lintRun(['--fix', 'route.json', 'services.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    const written = JSON.parse(await readFile(path.join(dir, 'route.json'), 'utf8'));
    expect(written.spec.parentRefs[0]).toEqual({ kind: 'Service', name: 'web', group: '' });
    expect(Object.keys(written)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
});

describe('lint usage and input errors', () => {
  it('exits 2 on invalid YAML, naming the file and the line where the parser stopped, and still reports the other files', async () => {
    const run = await lintRun(['broken', 'invalid.yaml'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^gamma-webhook lint: .*invalid\.yaml:8:3: Flow sequence .*\[GAMMA_ERR_LINT_YAML\]\n$/);
    expect(run.stdout).toContain(`${path.join('broken', 'parents.yaml')}:16:5: warn MR103 spec.parentRefs[2]: `);
  });

  it('reports a route whose apiVersion leaves out the version, with its file, line and fix, and exits 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lint-version-'));
    try {
      const route = (apiVersion: string) =>
        `# a route\nkind: HTTPRoute\n${apiVersion}metadata:\n  name: web\n  namespace: shop\nspec:\n  parentRefs:\n  - {group: "", kind: Service, name: web}\n`;
      await writeFile(path.join(dir, 'versionless.yaml'), route('apiVersion: gateway.networking.k8s.io\n'));
      await writeFile(path.join(dir, 'good.yaml'), route('apiVersion: gateway.networking.k8s.io/v1\n'));
      await writeFile(path.join(dir, 'grpc.yaml'), route('apiVersion: networking.k8s.io/v1\n').replace('HTTPRoute', 'GRPCRoute'));
      await writeFile(path.join(dir, 'other.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');

      const run = await lintRun(['versionless.yaml'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'gamma-webhook lint: a route manifest does not name a Gateway API version: versionless.yaml:3:1: HTTPRoute web has apiVersion ' +
          '"gateway.networking.k8s.io", which is not a Gateway API version, so it was not checked; use apiVersion: gateway.networking.k8s.io/v1 [GAMMA_ERR_LINT_API_VERSION]\n',
      );
      expect(run.stdout).toBe('0 routes in 1 file: no findings\n');

      const wrongGroup = await lintRun(['grpc.yaml'], { cwd: dir });
      expect(wrongGroup.code).toBe(2);
      expect(wrongGroup.stderr).toContain('grpc.yaml:3:1: GRPCRoute web has apiVersion "networking.k8s.io/v1"');
      expect(wrongGroup.stderr).toContain('use apiVersion: gateway.networking.k8s.io/v1 [GAMMA_ERR_LINT_API_VERSION]');

      const fine = await lintRun(['good.yaml', 'other.yaml'], { cwd: dir });
      expect(fine.stderr).toBe('');
      expect(fine.stdout).toMatch(/\n1 route in 2 files: 0 denials, 1 warning\n$/);
      expect(fine.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports every file of a directory with one broken file among good ones, with the worst exit status', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lint-mixed-'));
    try {
      await cp(broken, dir, { recursive: true });
      await writeFile(path.join(dir, 'm-broken.yaml'), await readFile(path.join(fixtures, 'invalid.yaml'), 'utf8'));
      const alone = await lintRun(['-o', 'json', '--policy', path.join(fixtures, 'policy.yaml'), broken], { cwd: fixtures });
      const run = await lintRun(['-o', 'json', '--policy', path.join(fixtures, 'policy.yaml'), dir], { cwd: fixtures });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `gamma-webhook lint: a manifest is not valid YAML or JSON: ${path.join(dir, 'm-broken.yaml')}:8:3: ` +
          `${/Flow sequence [^[]*/.exec(run.stderr)?.[0] ?? 'Flow sequence'}[GAMMA_ERR_LINT_YAML]\n`,
      );
      const report = JSON.parse(run.stdout) as JsonReport;
      const aloneReport = JSON.parse(alone.stdout) as JsonReport;
      expect(report.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.ruleId}`)).toEqual(
        aloneReport.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.ruleId}`),
      );
      expect(report.summary.files).toBe(aloneReport.summary.files + 1);
      expect(report.summary.denials).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an unreadable file', ['nope.yaml'], 'GAMMA_ERR_LINT_INPUT'],
    ['no operand', [], 'GAMMA_ERR_LINT_USAGE'],
    ['an unknown option', ['--frobnicate', 'broken'], 'GAMMA_ERR_LINT_USAGE'],
    ['an unknown output format', ['-o', 'xml', 'broken'], 'GAMMA_ERR_LINT_USAGE'],
    ['a missing policy file', ['--policy', 'nope.yaml', 'broken'], 'GAMMA_ERR_POLICY_UNREADABLE'],
    ['an invalid policy', ['--policy', 'broken/services.yaml', 'broken'], 'GAMMA_ERR_POLICY_YAML'],
  ])('exits 2 on %s', async (_, argv, code) => {
    const run = await lintRun(argv, { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`[${code}]`);
  });

  it('refuses a policy with an unknown field, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lint-policy-'));
    try {
      await writeFile(path.join(dir, 'policy.yaml'), 'stirct: true\n');
      const run = await lintRun(['--policy', path.join(dir, 'policy.yaml'), 'broken'], { cwd: fixtures });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('stirct');
      expect(run.stderr).toContain('[GAMMA_ERR_POLICY_INVALID]');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints the usage for --help and exits 0', async () => {
    const run = await lintRun(['--help'], { cwd: fixtures });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: gamma-webhook lint/);
    expect(run.stdout).toContain('--output');
  });
});
