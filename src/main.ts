import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createJudge } from './admission/judge.ts';
import { LiveClusterView } from './cluster/live-view.ts';
import { staticViewFromYaml } from './cluster/static-view.ts';
import type { Config } from './config.ts';
import { createLogger } from './logger.ts';
import type { ClusterView, ServiceResolver } from './core/view.ts';
import { GammaError } from './errors.ts';
import { KubeClient } from './kube/client.ts';
import { isClusterConfigured, loadKubeConfig } from './kube/config.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { PolicyConfigMapSource } from './policy/configmap-source.ts';
import { startPolicyFile } from './policy/file-source.ts';
import { PolicyStore } from './policy/store.ts';
import { buildMetricsServer, buildWebhookServer, useKeyPair } from './server/app.ts';
import {
  certificateNotAfter,
  developmentSubjectAltNames,
  ensureDevelopmentCertificates,
  loadKeyPair,
  watchKeyPair,
  type KeyPair,
} from './server/certificates.ts';
import type { ReadinessCheck } from './server/health-routes.ts';
import { createShutdown } from './server/shutdown.ts';
import { createStatusController } from './status/index.ts';
import { startPolicyReports } from './status/reports/index.ts';

/** A part of the running process that must be stopped on shutdown. */
interface Stoppable {
  stop(): void | Promise<void>;
}

/** What the cluster wiring gives the server: a view, maybe a resolver, readiness, and what to stop. */
interface ClusterWiring {
  readonly view: ClusterView;
  readonly resolver?: ServiceResolver;
  readonly readiness: readonly ReadinessCheck[];
  readonly parts: readonly Stoppable[];
  readonly description: string;
}

/**
 * Starts the webhook: certificates, cluster view, policy, HTTPS server, and on SIGTERM or
 * SIGINT the graceful shutdown. Resolves once listening; the process exits when shut down.
 */
export async function serve(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<void> {
  const metrics = createMetrics();
  const certificates = await certificateFiles(config, logger);
  const keyPair = loadKeyPair(certificates.certFile, certificates.keyFile);
  const policy = new PolicyStore({ logger, metrics });
  const parts: Stoppable[] = [];
  const cluster = useLiveCluster(config) ? await liveCluster(config, logger, metrics, policy) : staticCluster(config);
  parts.push(...cluster.parts);
  if (config.policyFile) {
    const source = startPolicyFile({ store: policy, path: config.policyFile, logger });
    parts.push({ stop: () => source.close() });
  }
  logger.info({ cluster: cluster.description, policy: policy.snapshot.origin }, 'cluster view and policy');

  // The readiness check below runs only once the server listens, after `shutdown` is made.
  const app = buildWebhookServer({
    keyPair,
    logger,
    metrics,
    judge: createJudge({ view: cluster.view, resolver: cluster.resolver, policy: () => policy.compiled }),
    readiness: [
      ...cluster.readiness,
      { name: 'not-shutting-down', ready: () => !shutdown.draining() },
    ],
    bodyLimit: config.bodyLimit,
    maxWarnings: config.maxWarnings,
    serveMetrics: config.metricsPort === 0,
  });
  const recordExpiry = (pair: KeyPair) => metrics.certificateExpiry.set(certificateNotAfter(pair).getTime() / 1000);
  recordExpiry(keyPair);
  const certificateWatch = watchKeyPair(certificates.certFile, certificates.keyFile, {
    onChange: (pair) => {
      useKeyPair(app, pair);
      recordExpiry(pair);
      metrics.certificateReloads.inc({ result: 'applied' });
      logger.info({ cert: certificates.certFile }, 'TLS certificate reloaded');
    },
    onInvalid: (error) => {
      metrics.certificateReloads.inc({ result: 'invalid' });
      logger.warn({ code: error.code, err: error }, 'TLS certificate not reloaded; serving the previous one');
    },
  });
  parts.push({ stop: () => certificateWatch.close() });
  const metricsServer = config.metricsPort === 0 ? undefined : await listenMetrics(metrics, logger, config);

  const shutdown = createShutdown({
    drainDelaySeconds: config.drainDelaySeconds,
    timeoutSeconds: config.shutdownTimeoutSeconds,
    logger,
    close: async () => {
      await app.close();
      await metricsServer?.close();
      for (const part of parts) await part.stop();
    },
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void shutdown.begin(signal).then((code) => process.exit(code));
    });
  }
  await app.listen({ host: config.host, port: config.port });
}

/** The configured key pair, or development certificates made (or reused) in certsDir. */
async function certificateFiles(config: Config, logger: Logger): Promise<{ certFile: string; keyFile: string }> {
  if (config.tlsCert && config.tlsKey) return { certFile: config.tlsCert, keyFile: config.tlsKey };
  const names = developmentSubjectAltNames(config.serviceName, config.namespace);
  const dev = await ensureDevelopmentCertificates(config.certsDir, names);
  logger.info(
    {
      ca: path.resolve(dev.caFile),
      cert: path.resolve(dev.certFile),
      key: path.resolve(dev.keyFile),
      subjectAltNames: names,
      generated: dev.generated,
    },
    `development certificates ${dev.generated ? 'generated' : 'reused'}; trust the CA with: curl --cacert ${dev.caFile} ...`,
  );
  return dev;
}

function useLiveCluster(config: Config): boolean {
  if (config.cluster !== 'auto') return config.cluster === 'live';
  return isClusterConfigured({ kubeconfigPath: config.kubeconfig, context: config.context, env: config.kubeEnvironment });
}

/**
 * The live cluster: informer caches (readiness waits for their first lists), the status
 * reconciler, the PolicyReports when enabled, and, unless a policy file is given, the policy ConfigMap, listed before the
 * server starts so the first admission already uses it.
 */
async function liveCluster(config: Config, logger: Logger, metrics: Metrics, policy: PolicyStore): Promise<ClusterWiring> {
  const { kubeConfig, server, source } = loadKubeConfig({ kubeconfigPath: config.kubeconfig, context: config.context, env: config.kubeEnvironment });
  // One client, so one connection pool, for every call to the API server.
  const kube = new KubeClient(kubeConfig);
  const view = new LiveClusterView({
    kube,
    metrics,
    logger,
    namespaces: config.watchNamespaces,
    lookupTimeoutMs: config.lookupTimeoutMs,
  });
  await view.start();
  // The status door: only the Lease holder writes; stopped before the view it reads.
  const status = createStatusController({
    kube,
    view,
    policy,
    metrics,
    logger,
    leaseNamespace: config.namespace,
    leaseName: config.leaseName,
    identity: config.podName,
    httpRouteVersion: view.servedVersions.httpRoute,
  });
  status.start();
  const parts: Stoppable[] = [status, view];
  if (config.policyReports) {
    const reports = await startPolicyReports({
      kube,
      view,
      policy,
      leadership: status.elector,
      metrics,
      logger,
      name: config.policyReportName,
      maxResults: config.policyReportMaxResults,
      namespaces: config.watchNamespaces,
    });
    // Stopped first: it writes only while the status Lease, released by `status.stop()`, is held.
    if (reports) parts.unshift(reports);
  }
  if (!config.policyFile) {
    const policySource = new PolicyConfigMapSource({
      store: policy,
      kube,
      metrics,
      namespace: config.namespace,
      name: config.policyConfigMap,
      logger,
      instance: config.podName,
    });
    await policySource.start();
    parts.push(policySource);
  }
  parts.push({ stop: () => kube.close() });
  return {
    view,
    resolver: view,
    readiness: [
      { name: 'cluster-cache-synced', ready: () => view.synced() },
      // Never fails readiness (admission does not need the Lease), but says why status is not written.
      { name: 'status', ready: () => true, detail: () => status.describe() },
    ],
    parts,
    description: `live cluster ${server} (${source.kind})`,
  };
}

/** The cluster view read from a YAML file: Services, ReferenceGrants, routes and Namespaces. */
function staticCluster(config: Config): ClusterWiring {
  let text: string;
  try {
    text = readFileSync(config.staticView, 'utf8');
  } catch (error) {
    throw new GammaError('GAMMA_ERR_CONFIG', `--static-view (GAMMA_STATIC_VIEW) ${config.staticView} cannot be read`, { cause: error });
  }
  return {
    view: staticViewFromYaml(text),
    readiness: [],
    parts: [],
    description: `static view from ${config.staticView}; route status is not written (no cluster to write it to)`,
  };
}

async function listenMetrics(metrics: Metrics, logger: Logger, config: Config) {
  const server = buildMetricsServer(metrics, logger);
  await server.listen({ host: config.host, port: config.metricsPort });
  return server;
}
