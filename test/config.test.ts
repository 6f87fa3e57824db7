import { describe, expect, it } from 'vitest';
import { loadConfig, options } from '../src/config.ts';

describe('loadConfig', () => {
  it('takes flags over environment over defaults', () => {
    const config = loadConfig(['--port', '9443'], { GAMMA_PORT: '7443', GAMMA_HOST: '0.0.0.0' });
    expect(config.port).toBe(9443);
    expect(config.host).toBe('0.0.0.0');
    expect(config.bodyLimit).toBe(3 * 1024 * 1024);
    expect(config.cluster).toBe('auto');
    expect(config.watchNamespaces).toEqual([]);
  });

  it('reads lists and numbers from the environment', () => {
    const config = loadConfig([], { GAMMA_WATCH_NAMESPACES: 'a, b,,c', GAMMA_DRAIN_DELAY_SECONDS: '1.5' });
    expect(config.watchNamespaces).toEqual(['a', 'b', 'c']);
    expect(config.drainDelaySeconds).toBe(1.5);
  });

  it.each([
    [['--port', 'http'], /--port \(GAMMA_PORT\) must be a number from 0 to 65535; got "http"/],
    [['--port', '70000'], /--port \(GAMMA_PORT\)/],
    [['--body-limit=-1'], /--body-limit \(GAMMA_BODY_LIMIT\)/],
    [['--body-limit', '-1'], /--body-limit/],
    [['--tls-cert', 'a.crt'], /--tls-key \(GAMMA_TLS_KEY\) give both/],
    [['--log-level', 'loud'], /--log-level \(GAMMA_LOG_LEVEL\) must be one of/],
    [['--cluster', 'remote'], /--cluster \(GAMMA_CLUSTER\) must be auto, live or static/],
    [['--metrics-port', '8443'], /--metrics-port \(GAMMA_METRICS_PORT\) must differ/],
    [['--policy-reports', 'yes'], /--policy-reports \(GAMMA_POLICY_REPORTS\) must be true or false; got "yes"/],
    [['--policy-report-name', 'Gamma_Webhook'], /--policy-report-name \(GAMMA_POLICY_REPORT_NAME\) must be a DNS subdomain name/],
    [['--policy-report-max-results', '0'], /--policy-report-max-results \(GAMMA_POLICY_REPORT_MAX_RESULTS\) must be a number from 1 to 1000/],
    [['--policy-report-max-results', '1001'], /--policy-report-max-results/],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => loadConfig(argv, {})).toThrow(message);
    try {
      loadConfig(argv, {});
    } catch (error) {
      expect((error as { code: string }).code).toBe('GAMMA_ERR_CONFIG');
    }
  });

  it('reads the PolicyReport settings: off by default, the chart sets name and bound', () => {
    expect(loadConfig([], {})).toMatchObject({ policyReports: false, policyReportName: 'gamma-webhook', policyReportMaxResults: 500 });
    const config = loadConfig([], { GAMMA_POLICY_REPORTS: 'true', GAMMA_POLICY_REPORT_NAME: 'gw-gamma-webhook', GAMMA_POLICY_REPORT_MAX_RESULTS: '1000' });
    expect(config).toMatchObject({ policyReports: true, policyReportName: 'gw-gamma-webhook', policyReportMaxResults: 1000 });
  });

  it('refuses unknown flags', () => {
    expect(() => loadConfig(['--prot', '1'], {})).toThrow(/--prot/);
  });

  it('names a distinct environment variable for every option', () => {
    const names = Object.values(options).map((o) => o.env);
    expect(new Set(names).size).toBe(names.length);
  });
});
