import { parseArgs } from 'node:util';
import { hostname } from 'node:os';
import { GammaError } from './errors.ts';
import { DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT } from './status/reports/desired.ts';

/**
 * Everything the `serve` command can be told, resolved once at startup from flags, then
 * environment, then defaults. Nothing else in the program reads `process.env`.
 */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** PEM files; both or neither. Neither: development certificates are generated in certsDir. */
  readonly tlsCert: string | undefined;
  readonly tlsKey: string | undefined;
  readonly certsDir: string;
  /** Service name and namespace for the development certificate's `<service>.<namespace>.svc` SANs. */
  readonly serviceName: string;
  readonly namespace: string;
  readonly podName: string;
  readonly bodyLimit: number;
  readonly maxWarnings: number;
  readonly drainDelaySeconds: number;
  readonly shutdownTimeoutSeconds: number;
  readonly logLevel: LogLevel;
  /** 0: /metrics on the admission port; otherwise a separate plain-HTTP port. */
  readonly metricsPort: number;
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  /** The variables the Kubernetes client configuration reads (KUBECONFIG, in-cluster host and port, HOME). */
  readonly kubeEnvironment: Readonly<Record<string, string | undefined>>;
  /** Empty: all namespaces. */
  readonly watchNamespaces: readonly string[];
  /** The cluster view when no cluster is configured (and for `--cluster=static`). */
  readonly staticView: string;
  readonly cluster: 'auto' | 'live' | 'static';
  readonly policyFile: string | undefined;
  readonly policyConfigMap: string;
  readonly leaseName: string;
  readonly lookupTimeoutMs: number;
  /** Whether the status Lease holder keeps a PolicyReport per namespace (when the CRD is served). */
  readonly policyReports: boolean;
  /** The PolicyReports' name in every namespace (the chart passes the release's full name). */
  readonly policyReportName: string;
  readonly policyReportMaxResults: number;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

interface Option {
  readonly env: string;
  readonly default: string | undefined;
  readonly help: string;
}

/** The options table: the README's configuration table and `--help` are printed from it. */
export const options = {
  host: { env: 'GAMMA_HOST', default: '127.0.0.1', help: 'address to listen on (0.0.0.0 in a pod)' },
  port: { env: 'GAMMA_PORT', default: '8443', help: 'HTTPS port for /validate, /mutate, /healthz, /readyz (0: any free port)' },
  'tls-cert': { env: 'GAMMA_TLS_CERT', default: undefined, help: 'PEM certificate chain; reloaded when the file changes' },
  'tls-key': { env: 'GAMMA_TLS_KEY', default: undefined, help: 'PEM private key; reloaded when the file changes' },
  'certs-dir': { env: 'GAMMA_CERTS_DIR', default: 'certs', help: 'where development certificates are generated when no --tls-cert is given' },
  'service-name': { env: 'GAMMA_SERVICE_NAME', default: 'gamma-webhook', help: 'Service name, for the development certificate SANs' },
  namespace: { env: 'GAMMA_NAMESPACE', default: 'gamma-system', help: "the webhook's namespace (policy ConfigMap, Lease, certificate SANs)" },
  'pod-name': { env: 'GAMMA_POD_NAME', default: undefined, help: 'identity in the status Lease (default: the host name)' },
  'body-limit': { env: 'GAMMA_BODY_LIMIT', default: String(3 * 1024 * 1024), help: 'largest AdmissionReview body in bytes (413 above)' },
  'max-warnings': { env: 'GAMMA_MAX_WARNINGS', default: '10', help: 'most warnings in one admission response' },
  'drain-delay': { env: 'GAMMA_DRAIN_DELAY_SECONDS', default: '0', help: 'after SIGTERM, seconds /readyz is false while connections are still accepted' },
  'shutdown-timeout': { env: 'GAMMA_SHUTDOWN_TIMEOUT_SECONDS', default: '20', help: 'after the drain, seconds in-flight requests get before the process exits' },
  'log-level': { env: 'GAMMA_LOG_LEVEL', default: 'info', help: `one of ${logLevels.join(', ')}` },
  'metrics-port': { env: 'GAMMA_METRICS_PORT', default: '0', help: 'plain-HTTP port for /metrics; 0 serves it on the HTTPS port' },
  kubeconfig: { env: 'GAMMA_KUBECONFIG', default: undefined, help: 'kubeconfig file (default: KUBECONFIG, then in-cluster, then ~/.kube/config)' },
  context: { env: 'GAMMA_KUBE_CONTEXT', default: undefined, help: 'kubeconfig context (default: its current-context)' },
  'watch-namespaces': { env: 'GAMMA_WATCH_NAMESPACES', default: '', help: 'comma-separated namespaces to watch; empty: all' },
  cluster: { env: 'GAMMA_CLUSTER', default: 'auto', help: 'auto (live when a cluster is configured, else static), live, or static' },
  'static-view': { env: 'GAMMA_STATIC_VIEW', default: 'examples/cluster.yaml', help: 'YAML of Services, ReferenceGrants and routes used as the cluster view without a cluster' },
  policy: { env: 'GAMMA_POLICY_FILE', default: undefined, help: 'policy YAML file, instead of the ConfigMap' },
  'policy-configmap': { env: 'GAMMA_POLICY_CONFIGMAP', default: 'gamma-webhook-policy', help: 'policy ConfigMap in the namespace (key policy.yaml)' },
  'lease-name': { env: 'GAMMA_LEASE_NAME', default: 'gamma-webhook-status', help: 'Lease for status-writer leader election' },
  'lookup-timeout': { env: 'GAMMA_LOOKUP_TIMEOUT_MS', default: '300', help: 'milliseconds for the live GET of a Service missing from the cache' },
  'policy-reports': { env: 'GAMMA_POLICY_REPORTS', default: 'false', help: 'true: the status Lease holder keeps a wgpolicyk8s.io PolicyReport per namespace with routes' },
  'policy-report-name': { env: 'GAMMA_POLICY_REPORT_NAME', default: 'gamma-webhook', help: 'name of the PolicyReport in each namespace' },
  'policy-report-max-results': { env: 'GAMMA_POLICY_REPORT_MAX_RESULTS', default: String(DEFAULT_MAX_RESULTS), help: `most results in one PolicyReport (1-${MAX_RESULTS_LIMIT}); the summary still counts all` },
} as const satisfies Record<string, Option>;

type OptionName = keyof typeof options;

const kubeVariables = ['KUBECONFIG', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'HOME'] as const;

/**
 * Resolves the configuration. Throws GammaError GAMMA_ERR_CONFIG naming the flag and the
 * environment variable when a value is malformed, so a bad setting stops the process at start.
 */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Config {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.keys(options).map((name) => [name, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new GammaError('GAMMA_ERR_CONFIG', `${(error as Error).message}; see gamma-webhook --help`);
  }
  const raw = (name: OptionName): string | undefined => {
    const flag = values[name];
    if (typeof flag === 'string') return flag;
    const fromEnv = env[options[name].env];
    return fromEnv !== undefined && fromEnv !== '' ? fromEnv : options[name].default;
  };
  const get = {
    string: (name: OptionName) => raw(name),
    number: (name: OptionName, min: number, max: number) => {
      const text = raw(name) ?? '';
      const value = Number(text);
      if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || value < min || value > max) {
        throw configError(name, `must be a number from ${min} to ${max}; got "${text}"`);
      }
      return value;
    },
  };
  const tlsCert = get.string('tls-cert');
  const tlsKey = get.string('tls-key');
  if ((tlsCert === undefined) !== (tlsKey === undefined)) {
    throw configError(tlsCert === undefined ? 'tls-cert' : 'tls-key', 'give both --tls-cert and --tls-key, or neither');
  }
  const logLevel = raw('log-level');
  if (!isOneOf(logLevel, logLevels)) throw configError('log-level', `must be one of ${logLevels.join(', ')}; got "${logLevel}"`);
  const cluster = raw('cluster');
  if (!isOneOf(cluster, ['auto', 'live', 'static'] as const)) {
    throw configError('cluster', `must be auto, live or static; got "${cluster}"`);
  }
  const policyReports = raw('policy-reports');
  if (!isOneOf(policyReports, ['true', 'false'] as const)) throw configError('policy-reports', `must be true or false; got "${policyReports}"`);
  const policyReportName = raw('policy-report-name') ?? 'gamma-webhook';
  if (!isDnsSubdomain(policyReportName)) {
    throw configError('policy-report-name', `must be a DNS subdomain name (lowercase letters, digits, '-' and '.', at most 253); got "${policyReportName}"`);
  }
  const port = get.number('port', 0, 65535);
  const metricsPort = get.number('metrics-port', 0, 65535);
  if (metricsPort !== 0 && metricsPort === port) throw configError('metrics-port', 'must differ from --port (or be 0 to share it)');
  return {
    host: raw('host') ?? '127.0.0.1',
    port,
    tlsCert,
    tlsKey,
    certsDir: raw('certs-dir') ?? 'certs',
    serviceName: raw('service-name') ?? 'gamma-webhook',
    namespace: raw('namespace') ?? 'gamma-system',
    podName: raw('pod-name') ?? hostname(),
    bodyLimit: get.number('body-limit', 1024, 64 * 1024 * 1024),
    maxWarnings: get.number('max-warnings', 0, 1000),
    drainDelaySeconds: get.number('drain-delay', 0, 3600),
    shutdownTimeoutSeconds: get.number('shutdown-timeout', 0, 3600),
    logLevel,
    metricsPort,
    kubeconfig: get.string('kubeconfig'),
    context: get.string('context'),
    kubeEnvironment: Object.fromEntries(kubeVariables.map((name) => [name, env[name]])),
    watchNamespaces: (raw('watch-namespaces') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    staticView: raw('static-view') ?? 'examples/cluster.yaml',
    cluster,
    policyFile: get.string('policy'),
    policyConfigMap: raw('policy-configmap') ?? 'gamma-webhook-policy',
    leaseName: raw('lease-name') ?? 'gamma-webhook-status',
    lookupTimeoutMs: get.number('lookup-timeout', 1, 60_000),
    policyReports: policyReports === 'true',
    policyReportName,
    policyReportMaxResults: get.number('policy-report-max-results', 1, MAX_RESULTS_LIMIT),
  };
}

/** `--help` text, from the options table. */
export function configHelp(): string {
  return Object.entries(options)
    .map(([name, o]) => `  --${name.padEnd(18)} ${o.env.padEnd(32)} ${o.help}${o.default ? ` (default ${o.default})` : ''}`)
    .join('\n');
}

function isOneOf<T extends string>(value: string | undefined, allowed: readonly T[]): value is T {
  return allowed.includes(value as T);
}

function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);
}

function configError(name: OptionName, detail: string): GammaError {
  return new GammaError('GAMMA_ERR_CONFIG', `--${name} (${options[name].env}) ${detail}`);
}
