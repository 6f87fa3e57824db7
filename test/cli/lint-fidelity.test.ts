/**
 * Issue 16's fidelity items in lint: for each, a route it changes and a close variant it does
 * not, linted from standard input with the Services beside it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRun } from './lint-io.ts';

const cluster = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{name: http, port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: shop}
spec: {type: ExternalName, externalName: api.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: headless, namespace: shop}
spec: {clusterIP: None, ports: [{port: 80}]}
`;

/** An HTTPRoute in `shop` with the given parentRef and rule, as YAML flow mappings. */
function route(parent: string, rule = '{backendRefs: [{name: web, port: 80}]}'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [${parent}]
  rules: [${rule}]
`;
}

const webParent = '{group: "", kind: Service, name: web}';

interface Report {
  findings: { ruleId: string; action: string; path: string; message: string; fixable: boolean }[];
}

async function lint(manifest: string, extra: string[] = []): Promise<{ code: number; findings: string[] }> {
  const run = await lintRun(['-o', 'json', ...extra, '-'], { cwd: tmpdir(), stdin: `${cluster}---\n${manifest}` });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  return { code: run.code, findings: report.findings.map((f) => `${f.action} ${f.ruleId} ${f.path}: ${f.message}${f.fixable ? ' (fixable)' : ''}`) };
}

async function withPolicy(text: string, body: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lint-fidelity-'));
  try {
    await writeFile(path.join(dir, 'policy.yaml'), text);
    await body(path.join(dir, 'policy.yaml'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('lint: issue 16 fidelity', () => {
  it.each([
    ['MR103', 'external', 'is ExternalName'],
    ['MR104', 'headless', 'is headless'],
  ])('%s warns by default and denies under strict; a ClusterIP parent is clean', async (id, name, words) => {
    const changed = route(`{group: "", kind: Service, name: ${name}}`);
    const warned = await lint(changed);
    expect(warned.findings).toEqual([expect.stringMatching(new RegExp(`^warn ${id} spec\\.parentRefs\\[0\\]: parent Service shop/${name} ${words}`))]);
    expect(warned.code).toBe(0);
    await withPolicy('strict: true\n', async (file) => {
      const denied = await lint(changed, ['--policy', file]);
      expect(denied.findings).toEqual([expect.stringMatching(new RegExp(`^deny ${id} `))]);
      expect(denied.code).toBe(1);
      expect(await lint(route(webParent), ['--policy', file])).toEqual({ code: 0, findings: [] });
    });
  });

  it('group: core on a parentRef and a backendRef is MR101, fixable; group "" is clean', async () => {
    const changed = route('{group: core, kind: Service, name: web}', '{backendRefs: [{group: core, kind: Service, name: web, port: 80}]}');
    expect((await lint(changed)).findings).toEqual([
      'warn MR101 spec.parentRefs[0]: set group "" (core Service); the core group is written "", not core (fixable)',
      'warn MR101 spec.rules[0].backendRefs[0]: set group "" (core Service); the core group is written "", not core (fixable)',
    ]);
    await withPolicy('mutations: {fixServiceParentGroup: false}\n', async (file) => {
      const denied = await lint(changed, ['--policy', file]);
      expect(denied.findings).toEqual([
        'deny MR101 spec.parentRefs[0]: the core group is written group: "", not core; use group ""',
        'deny MR101 spec.rules[0].backendRefs[0]: the core group is written group: "", not core; use group ""',
      ]);
      expect(denied.code).toBe(1);
    });
    expect(await lint(route(webParent, '{backendRefs: [{group: "", kind: Service, name: web, port: 80}]}'))).toEqual({ code: 0, findings: [] });
  });

  it('no finding prints the core group as core/', async () => {
    const kinds = route(webParent, '{backendRefs: [{group: core, kind: Secret, name: s}, {group: "", kind: ConfigMap, name: c}, {group: example.com, kind: Bucket, name: b}]}');
    expect((await lint(kinds)).findings).toEqual([
      'warn MR205 spec.rules[0].backendRefs[0]: backend kind Secret is not supported',
      'warn MR205 spec.rules[0].backendRefs[1]: backend kind ConfigMap is not supported',
      'warn MR205 spec.rules[0].backendRefs[2]: backend kind example.com/Bucket is not supported',
    ]);
  });

  it('MR311 denies a relative replaceFullPath or replacePrefixMatch; absolute ones are clean', async () => {
    const rule = (full: string, prefix: string) =>
      `{matches: [{path: {type: PathPrefix, value: /old}}], filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: "${full}"}}}]}, ` +
      `{backendRefs: [{name: web, port: 80, filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: "${prefix}"}}}]}]}`;
    const denied = await lint(route(webParent, rule('foo/bar', 'v2')));
    expect(denied.findings).toEqual([
      'deny MR311 spec.rules[0].filters[0].requestRedirect.path.replaceFullPath: replaceFullPath "foo/bar" is not an absolute path; start it with /',
      'deny MR311 spec.rules[1].backendRefs[0].filters[0].urlRewrite.path.replacePrefixMatch: replacePrefixMatch "v2" is not an absolute path; start it with /',
    ]);
    expect(denied.code).toBe(1);
    expect(await lint(route(webParent, rule('/foo/bar', '/v2')))).toEqual({ code: 0, findings: [] });
  });

  it('an out-of-range port says so, at a backendRef and a parentRef; a missing port says the Service lacks it', async () => {
    expect((await lint(route('{group: "", kind: Service, name: web, port: 800080}', '{backendRefs: [{name: web, port: 800080}]}'))).findings).toEqual([
      'warn MR105 spec.parentRefs[0].port: port 800080 is out of range; a Service port is 1 to 65535',
      'warn MR203 spec.rules[0].backendRefs[0].port: port 800080 is out of range; a Service port is 1 to 65535',
    ]);
    expect((await lint(route(webParent, '{backendRefs: [{name: web, port: 8080}]}'))).findings).toEqual([
      'warn MR203 spec.rules[0].backendRefs[0].port: backend Service shop/web has no port 8080; ports: 80',
    ]);
  });
});
