/**
 * The chart's monitoring, all opt-in: the ServiceMonitor, the PrometheusRule (checked and unit
 * tested with promtool: every alert fires and clears), the Grafana dashboard (its queries parsed
 * by promtool too), and a running server's /metrics holding every metric the alerts and the
 * dashboard read.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startServeProcess, type ServeProcess } from '../support/serve-process.ts';
import { chartDir, find, fullname, helmBin, lint, namespace, render, renderError, root, type K8sObject, type ValuesInput } from './helm.ts';
import { metricNames } from './promql.ts';

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface Target { expr: string; datasource?: { uid?: string } }
interface Panel { id: number; title: string; type: string; datasource?: { uid?: string }; targets: Target[] }
interface Variable { name: string; type: string; query: string | { query: string } }
interface Dashboard { uid: string; title: string; schemaVersion: number; panels: Panel[]; templating: { list: Variable[] } }

const allOn: ValuesInput = {
  json: { 'metrics.serviceMonitor.enabled': true, 'metrics.prometheusRule.enabled': true, 'metrics.dashboard.enabled': true },
};

/** promtool (Debian's prometheus package), or undefined when it is not installed; an error under CI. */
function findPromtool(): string | undefined {
  const run = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (run.status === 0) return 'promtool';
  const reason = `promtool is not on PATH (${run.error?.message ?? `exit ${run.status}`}); .ci/run installs it with apt-get install prometheus`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI needs the real promtool`);
  console.warn(`skipping the promtool tests: ${reason}`);
  return undefined;
}
const promtool = findPromtool();

const rules = (objects: K8sObject[]): AlertRule[] =>
  (find(objects, 'PrometheusRule').spec as { groups: { rules: AlertRule[] }[] }).groups.flatMap((g) => g.rules);
const dashboardMap = (objects: K8sObject[]): K8sObject => find(objects, 'ConfigMap', `${fullname}-dashboard`);
const dashboard = (objects: K8sObject[]): Dashboard =>
  JSON.parse((dashboardMap(objects).data as Record<string, string>)['gamma-webhook.json'] ?? '') as Dashboard;
const queryText = (v: Variable) => (typeof v.query === 'string' ? v.query : v.query.query);

/** The alerts the issue asks for, one per condition. */
const alertNames = [
  'GammaWebhookAdmissionsFailing',
  'GammaWebhookAdmissionLatencyHigh',
  'GammaWebhookCacheStale',
  'GammaWebhookWatchRestarting',
  'GammaWebhookStatusQueueGrowing',
  'GammaWebhookNoLeader',
  'GammaWebhookPolicyReloadFailed',
  'GammaWebhookCertificateExpiringSoon',
];

describe('metricNames', () => {
  it('finds the metrics and skips functions, labels, ranges, keywords, comments and variables', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le) (rate(gamma_x_bucket{job="a",le!="b"}[5m]))) > 4')).toEqual(['gamma_x_bucket']);
    expect(metricNames('absent(up{job="j"} == 1)\nor\n# a comment naming not_a_metric\nsum(rate(a_total[$__rate_interval]) or rate(b_total[5m])) / on (pod) c')).toEqual(['up', 'a_total', 'b_total', 'c']);
    expect(metricNames('topk(10, sum without (door) (increase(gamma_findings_total{door=~"v.*"}[$__range]))) unless vector($webhook_timeout)')).toEqual(['gamma_findings_total']);
  });
});

describe.skipIf(!helmBin)('chart monitoring: opt-in objects', () => {
  const objects = helmBin ? render(allOn) : [];

  it('renders none of them by default', () => {
    const defaults = render();
    expect(defaults.filter((o) => o.apiVersion.startsWith('monitoring.coreos.com/'))).toEqual([]);
    expect(defaults.filter((o) => o.metadata.labels?.grafana_dashboard !== undefined)).toEqual([]);
  });

  it('helm lint --strict is clean with every opt-in on', () => {
    const run = lint(allOn);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
  });

  it('the ServiceMonitor selects the Service and scrapes its metrics port', () => {
    const monitor = find(objects, 'ServiceMonitor') as K8sObject & {
      spec: { selector: { matchLabels: Record<string, string> }; namespaceSelector: { matchNames: string[] }; endpoints: Record<string, unknown>[] };
    };
    const service = find(objects, 'Service') as K8sObject & { spec: { ports: { name: string; port: number }[] } };
    expect(service.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
    // The Deployment's pods are not what a ServiceMonitor selects: only the Service carries these labels too.
    expect(Object.keys(monitor.spec.selector.matchLabels)).toEqual(['app.kubernetes.io/name', 'app.kubernetes.io/instance']);
    expect(monitor.spec.namespaceSelector.matchNames).toEqual([namespace]);
    expect(monitor.spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http', interval: '30s' }]);
    expect(service.spec.ports.map((p) => p.name)).toContain('metrics');
  });

  it('extra labels, interval and scrape timeout reach the ServiceMonitor', () => {
    const monitor = find(render({ json: {
      'metrics.serviceMonitor': { enabled: true, labels: { release: 'prom' }, interval: '1m', scrapeTimeout: '10s' },
    } }), 'ServiceMonitor') as K8sObject & { spec: { endpoints: Record<string, unknown>[] } };
    expect(monitor.metadata.labels?.release).toBe('prom');
    expect(monitor.spec.endpoints[0]).toMatchObject({ interval: '1m', scrapeTimeout: '10s' });
  });

  it('a ServiceMonitor without a metrics port is refused, naming the value to change', () => {
    const stderr = renderError({ json: { 'metrics.serviceMonitor.enabled': true, 'metrics.port': 0 } });
    expect(stderr).toContain('metrics.serviceMonitor.enabled needs metrics.port above 0');
  });

  it.each([
    ['an interval in words', { 'metrics.serviceMonitor.interval': '30 seconds' }, '/metrics/serviceMonitor/interval'],
    ['an error ratio above 1', { 'metrics.prometheusRule.alerts.admissionErrorRatio': 5 }, '/metrics/prometheusRule/alerts/admissionErrorRatio'],
    ['stale minutes as a string', { 'metrics.prometheusRule.alerts.cacheStaleMinutes': '10' }, '/metrics/prometheusRule/alerts/cacheStaleMinutes'],
    ['an unknown alert threshold', { 'metrics.prometheusRule.alerts.diskFull': 1 }, '/metrics/prometheusRule/alerts'],
    ['a runbook URL with an anchor', { 'metrics.prometheusRule.runbookUrl': 'https://x/README.md#runbook' }, '/metrics/prometheusRule/runbookUrl'],
    ['a dashboard namespace that is no DNS label', { 'metrics.dashboard.namespace': 'Monitoring' }, '/metrics/dashboard/namespace'],
    ['a dashboard label that is a number', { 'metrics.dashboard.labels': { tier: 1 } }, '/metrics/dashboard/labels/tier'],
  ])('the schema refuses %s', (_, json, pointer) => {
    const stderr = renderError({ json });
    expect(stderr).toContain("values don't meet the specifications of the schema");
    expect(stderr).toContain(pointer);
  });

  it('has the eight alerts, each with a severity, a summary, a description and a runbook URL', () => {
    const alerts = rules(objects);
    expect(alerts.map((a) => a.alert)).toEqual(alertNames);
    for (const alert of alerts) {
      expect(['critical', 'warning'], alert.alert).toContain(alert.labels.severity);
      expect(Object.keys(alert.annotations).sort(), alert.alert).toEqual(['description', 'runbook_url', 'summary']);
      expect(alert.annotations.runbook_url).toBe(`https://github.com/gamma-webhook/gamma-webhook/blob/main/README.md#${alert.alert.toLowerCase()}`);
      // Every series the alert reads is this release's.
      expect(alert.expr, alert.alert).toContain(`job="${fullname}",namespace="${namespace}"`);
    }
  });

  it('each runbook URL points at its section of the README runbook, and the runbook has no other', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Alerts runbook\n');
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf('\n## ', start + 1);
    const runbook = readme.slice(start, end === -1 ? undefined : end);
    const sections = [...runbook.matchAll(/^### (\S+)\n([\s\S]*?)(?=\n### |(?![\s\S]))/gm)];
    expect(sections.map((s) => s[1])).toEqual(alertNames);
    for (const [, name, body = ''] of sections) {
      // What it means, how to check, what to do.
      expect(body, name).toMatch(/\*\*Means\*\*/);
      expect(body, name).toMatch(/\*\*Check\*\*/);
      expect(body, name).toMatch(/\*\*Do\*\*/);
    }
  });

  it('thresholds come from values, and the latency one from webhook.timeoutSeconds', () => {
    const expr = (name: string, values: ValuesInput) =>
      rules(render(values)).find((r) => r.alert === name)?.expr.trim() ?? '';
    const on = (extra: Record<string, unknown>): ValuesInput => ({ json: { 'metrics.prometheusRule.enabled': true, ...extra } });
    expect(expr('GammaWebhookAdmissionLatencyHigh', on({}))).toMatch(/\n> 4$/);
    expect(expr('GammaWebhookAdmissionLatencyHigh', on({ 'webhook.timeoutSeconds': 10, 'metrics.prometheusRule.alerts.latencyTimeoutFraction': 0.5 }))).toMatch(/\n> 5$/);
    expect(expr('GammaWebhookCacheStale', on({ 'metrics.prometheusRule.alerts.cacheStaleMinutes': 3 }))).toMatch(/> 180$/);
    expect(expr('GammaWebhookCertificateExpiringSoon', on({ 'metrics.prometheusRule.alerts.certificateExpiryDays': 30 }))).toMatch(/< 2592000$/);
    expect(expr('GammaWebhookAdmissionsFailing', on({ 'metrics.prometheusRule.alerts.admissionErrorRatio': 0.2 }))).toMatch(/> 0\.2$/);
    const noLeader = rules(render(on({ 'metrics.prometheusRule.alerts.noLeaderMinutes': 12 }))).find((r) => r.alert === 'GammaWebhookNoLeader');
    expect(noLeader?.for).toBe('12m');
  });

  it('the dashboard ConfigMap carries the sidecar label, in the release namespace or the one chosen', () => {
    const map = dashboardMap(objects);
    expect(map.metadata.labels?.grafana_dashboard).toBe('1');
    expect(map.metadata.namespace).toBe(namespace);
    const elsewhere = dashboardMap(render({ json: { 'metrics.dashboard': { enabled: true, namespace: 'grafana', annotations: { grafana_folder: 'Mesh' } } } }));
    expect(elsewhere.metadata.namespace).toBe('grafana');
    expect(elsewhere.metadata.annotations).toEqual({ grafana_folder: 'Mesh' });
  });

  it('the dashboard is a Grafana dashboard model: schema version, unique panel ids, a datasource variable every query uses', () => {
    const model = dashboard(objects);
    expect(model.uid).toBe('gamma-webhook');
    expect(model.schemaVersion).toBeGreaterThanOrEqual(36);
    const ids = model.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
    const variable = model.templating.list.find((v) => v.type === 'datasource');
    expect(variable).toMatchObject({ name: 'datasource', query: 'prometheus' });
    for (const panel of model.panels) {
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets) {
        expect(target.datasource?.uid, panel.title).toBe('${datasource}');
        // vector($webhook_timeout) draws a constant and reads no series.
        if (!target.expr.startsWith('vector(')) expect(target.expr, panel.title).toContain('namespace="$namespace",job="$job"');
      }
    }
  });

  it('the dashboard has the panels the issue lists, and draws webhook.timeoutSeconds', () => {
    const model = dashboard(objects);
    expect(model.panels.map((p) => p.title)).toEqual([
      'Admissions by door and decision',
      'Admission latency p50 / p99 against the timeout',
      'Findings by rule (top 10)',
      'Denials by namespace',
      'Cluster cache size',
      'Cluster cache staleness',
      'Watch restarts',
      'Status writes by result',
      'Status queue depth',
      'Status Lease holder',
      'Policy reloads',
      'Certificate expiry',
    ]);
    const timeout = (values: ValuesInput) => dashboard(render(values)).templating.list.find((v) => v.name === 'webhook_timeout');
    expect(timeout(allOn)).toMatchObject({ type: 'constant', query: '5' });
    expect(timeout({ json: { ...allOn.json, 'webhook.timeoutSeconds': 12 } })).toMatchObject({ query: '12' });
    // The chart substitutes the one token, __WEBHOOK_TIMEOUT_SECONDS__; the file is valid JSON with or without it.
    const file = readFileSync(path.join(chartDir, 'dashboards', 'gamma-webhook.json'), 'utf8');
    expect(file.split('__WEBHOOK_TIMEOUT_SECONDS__')).toHaveLength(2);
    expect(() => JSON.parse(file) as unknown).not.toThrow();
  });
});

describe.skipIf(!helmBin || !promtool)('the PrometheusRule and the dashboard queries under promtool', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-promtool-'));
  const unitTests = path.join(root, 'test', 'chart', 'alerts', 'gamma-webhook.test.yaml');

  /** Writes the rendered groups as a rules file beside a copy of the unit tests and runs promtool in that directory. */
  function promtoolOn(values: ValuesInput, args: string[]) {
    const groups = (find(render(values), 'PrometheusRule').spec as { groups: unknown }).groups;
    writeFileSync(path.join(dir, 'rules.yaml'), stringify({ groups }));
    copyFileSync(unitTests, path.join(dir, 'gamma-webhook.test.yaml'));
    return spawnSync(promtool ?? 'promtool', args, { encoding: 'utf8', cwd: dir });
  }

  it('check rules passes on the rendered rules', () => {
    const run = promtoolOn(allOn, ['check', 'rules', 'rules.yaml']);
    expect(run.stdout + run.stderr).toContain('SUCCESS: 8 rules found');
    expect(run.status).toBe(0);
  });

  it('test rules passes: every alert fires and clears again', () => {
    const run = promtoolOn(allOn, ['test', 'rules', 'gamma-webhook.test.yaml']);
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('the dashboard\'s queries are valid PromQL once Grafana has filled in its variables', () => {
    const filled = (expr: string) => expr
      .replaceAll('$__rate_interval', '5m')
      .replaceAll('$__range', '6h')
      .replaceAll('$webhook_timeout', '5')
      .replace(/\$(\w+)/g, 'value-of-$1');
    const exprs = dashboard(render(allOn)).panels.flatMap((p) => p.targets.map((t) => filled(t.expr)));
    // Each query as a recording rule: promtool parses every expression of a rules file.
    const file = path.join(dir, 'dashboard-queries.yaml');
    writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules: exprs.map((expr, i) => ({ record: `dashboard:query_${i}`, expr })) }] }));
    const run = spawnSync(promtool ?? 'promtool', ['check', 'rules', file], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain(`SUCCESS: ${exprs.length} rules found`);
    expect(run.status).toBe(0);
    // The check can fail: a query with a syntax error is refused.
    writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules: [{ record: 'dashboard:broken', expr: 'sum by (door (gamma_leader)' }] }] }));
    expect(spawnSync(promtool ?? 'promtool', ['check', 'rules', file], { encoding: 'utf8' }).status).not.toBe(0);
  });

  it('the unit tests make every alert fire, and then clear, at a later time', () => {
    type Case = { eval_time: string; alertname: string; exp_alerts: unknown[] };
    const file = parse(readFileSync(unitTests, 'utf8')) as { tests: { alert_rule_test: Case[] }[] };
    const minutes = (t: string) => Number(/^(\d+)m$/.exec(t)?.[1]);
    for (const name of alertNames) {
      const cases = file.tests.flatMap((t) => t.alert_rule_test).filter((c) => c.alertname === name);
      const fired = cases.filter((c) => c.exp_alerts.length > 0).map((c) => minutes(c.eval_time));
      const quiet = cases.filter((c) => c.exp_alerts.length === 0).map((c) => minutes(c.eval_time));
      expect(fired.length, name).toBeGreaterThan(0);
      expect(quiet.some((q) => q < Math.min(...fired)), `${name} is quiet before it fires`).toBe(true);
      expect(quiet.some((q) => q > Math.min(...fired)), `${name} clears after it fired`).toBe(true);
    }
  });

  it('the unit tests can fail: a threshold moved past the test data is caught', () => {
    const run = promtoolOn({ json: { 'metrics.prometheusRule.enabled': true, 'metrics.prometheusRule.alerts.cacheStaleMinutes': 30 } }, ['test', 'rules', 'gamma-webhook.test.yaml']);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('GammaWebhookCacheStale');
  });
});

describe.skipIf(!helmBin)('every metric the alerts and the dashboard read, in a running server\'s /metrics', () => {
  let server: ServeProcess | undefined;
  let exported = new Set<string>();
  beforeAll(async () => {
    server = await startServeProcess(['--static-view', path.join(root, 'examples', 'cluster.yaml')]);
    const { status, text } = await server.get('/metrics');
    expect(status).toBe(200);
    // Sample names, and for a histogram its _bucket, _sum and _count from its TYPE line.
    exported = new Set(text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(/[{ ]/)[0] ?? ''));
    for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exported.add(name ?? '');
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${name}${suffix}`);
    }
  });
  afterAll(async () => {
    await server?.kill();
  });

  const objects = helmBin ? render(allOn) : [];
  // `up` is written by Prometheus for each scrape target, not by the server.
  const scrapeMetrics = new Set(['up']);

  it('the alerts', () => {
    const named = rules(objects).flatMap((r) => metricNames(r.expr));
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((n) => !scrapeMetrics.has(n) && !exported.has(n))).toEqual([]);
  });

  it('the dashboard panels and variables', () => {
    const model = dashboard(objects);
    const named = [
      ...model.panels.flatMap((p) => p.targets.flatMap((t) => metricNames(t.expr))),
      // label_values(metric{...}, label): the metric only.
      ...model.templating.list.filter((v) => v.type === 'query').map((v) => /^label_values\((\w+)/.exec(queryText(v))?.[1] ?? `unparsed: ${queryText(v)}`),
    ];
    expect(new Set(named).size).toBeGreaterThanOrEqual(12);
    expect(named.filter((n) => !exported.has(n))).toEqual([]);
  });

  it('the check can fail: a renamed metric is reported', () => {
    expect(metricNames('rate(gamma_admission_request_total[5m])').filter((n) => !exported.has(n))).toEqual(['gamma_admission_request_total']);
  });
});
