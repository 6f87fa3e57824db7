import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every metric gamma-webhook exports, created once per process (or per test) on its own
 * registry and passed to the parts that record them. Nothing here is a module singleton.
 */
export function createMetrics(registry = new Registry(), options: { processMetrics?: boolean } = {}) {
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    admissionRequests: new Counter({
      name: 'gamma_admission_requests_total',
      help: 'Admission requests answered, by door, kind, operation and decision (allow, deny, patch, error).',
      labelNames: ['door', 'kind', 'operation', 'decision'] as const,
      registers,
    }),
    // Its own counter, so that the namespace does not multiply the series of every decision.
    // route_namespace, not namespace: Prometheus sets `namespace` to the scraped pod's own.
    admissionDenials: new Counter({
      name: 'gamma_admission_denials_total',
      help: 'Admissions denied, by door and the namespace of the denied route.',
      labelNames: ['door', 'route_namespace'] as const,
      registers,
    }),
    admissionDuration: new Histogram({
      name: 'gamma_admission_duration_seconds',
      help: 'Time from request received to response sent, by door.',
      labelNames: ['door'] as const,
      // Up to 30 s, the longest webhook timeout the API server allows, so that a p99 near
      // webhook.timeoutSeconds can be told apart from one of 1 s.
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    admissionRejected: new Counter({
      name: 'gamma_admission_rejected_requests_total',
      help: 'Requests refused before evaluation (4xx), by error code.',
      labelNames: ['code'] as const,
      registers,
    }),
    findings: new Counter({
      name: 'gamma_findings_total',
      help: 'Rule findings, by rule id, action and door.',
      labelNames: ['rule', 'action', 'door'] as const,
      registers,
    }),
    cacheObjects: new Gauge({
      name: 'gamma_cache_objects',
      help: 'Objects held in the cluster cache, by kind.',
      labelNames: ['kind'] as const,
      registers,
    }),
    cacheStaleness: new Gauge({
      name: 'gamma_cache_staleness_seconds',
      help: 'Seconds since the watch of a kind last heard from the API server (event or bookmark).',
      labelNames: ['kind'] as const,
      registers,
    }),
    watchRestarts: new Counter({
      name: 'gamma_watch_restarts_total',
      help: 'Watches restarted, by kind and cause (closed, error, gone).',
      labelNames: ['kind', 'cause'] as const,
      registers,
    }),
    liveLookups: new Counter({
      name: 'gamma_live_lookups_total',
      help: 'Live GETs of a Service or ServiceImport missing from the cache, by result (found, notfound, error, timeout).',
      labelNames: ['result'] as const,
      registers,
    }),
    statusWrites: new Counter({
      name: 'gamma_status_writes_total',
      help: 'Route status writes, by result (written, unchanged, conflict, error).',
      labelNames: ['result'] as const,
      registers,
    }),
    policyReportWrites: new Counter({
      name: 'gamma_policy_report_writes_total',
      help: 'PolicyReport reconciles by result (created, updated, deleted, unchanged, conflict, foreign, error).',
      labelNames: ['result'] as const,
      registers,
    }),
    statusQueueDepth: new Gauge({
      name: 'gamma_status_queue_depth',
      help: 'Routes waiting in the status work queue.',
      registers,
    }),
    leader: new Gauge({
      name: 'gamma_leader',
      help: '1 while this replica holds the status Lease, else 0.',
      registers,
    }),
    statusLeaseErrors: new Counter({
      name: 'gamma_status_lease_errors_total',
      help: 'Failed attempts to take or renew the status Lease, by reason (namespace_not_found, forbidden, unauthorized, api_error, unreachable).',
      labelNames: ['reason'] as const,
      registers,
    }),
    policyReloads: new Counter({
      name: 'gamma_policy_reloads_total',
      help: 'Policy loads, by result (applied, invalid).',
      labelNames: ['result'] as const,
      registers,
    }),
    policyLastReloadSuccessful: new Gauge({
      name: 'gamma_policy_last_reload_successful',
      help: '0 while the last policy load was refused (the last good policy is in force), else 1.',
      registers,
    }),
    policyInfo: new Gauge({
      name: 'gamma_policy_info',
      help: 'The policy in force: 1 for its source and content hash.',
      labelNames: ['source', 'hash'] as const,
      registers,
    }),
    certificateReloads: new Counter({
      name: 'gamma_certificate_reloads_total',
      help: 'TLS certificate reloads, by result (applied, invalid).',
      labelNames: ['result'] as const,
      registers,
    }),
    certificateExpiry: new Gauge({
      name: 'gamma_certificate_expiry_timestamp_seconds',
      help: "The serving certificate's notAfter, in seconds since the Unix epoch; follows every reload.",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
