import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Server } from 'node:https';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import type { Judge } from '../admission/judge.ts';
import { admissionRoutes } from './admission-routes.ts';
import type { KeyPair } from './certificates.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { healthRoutes, type ReadinessCheck } from './health-routes.ts';
import { metricsRoutes } from './metrics-routes.ts';

export interface WebhookServerOptions {
  readonly keyPair: KeyPair;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly judge: Judge;
  readonly readiness: readonly ReadinessCheck[];
  readonly bodyLimit: number;
  readonly maxWarnings: number;
  /** Serve GET /metrics on this (HTTPS) server; false when a separate metrics port is used. */
  readonly serveMetrics: boolean;
}

export type WebhookServer = FastifyInstance<Server>;

/** TLS 1.2 is the floor; Node's default cipher list already excludes the weak suites. */
const tlsSettings = { minVersion: 'TLSv1.2' } as const;

/**
 * The admission server: HTTPS, the AdmissionReview doors, health and (optionally) metrics.
 * Not listening yet; the caller decides host and port.
 */
export function buildWebhookServer(options: WebhookServerOptions): WebhookServer {
  const app = Fastify({
    https: { ...options.keyPair, ...tlsSettings },
    loggerInstance: options.logger,
    // One line per admission is written by the admission routes, with the decision in it.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    // During shutdown, keep answering requests already on open connections: a 503 would be
    // a failed admission (failurePolicy) for a request we can still judge.
    return503OnClosing: false,
    ajv: { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: false } },
  });
  // AdmissionReviews are JSON only; any other type is a 415, not a string for the schema to refuse.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler(options.metrics));
  app.setNotFoundHandler(notFoundHandler);
  // Once close() has begun, answers carry `Connection: close`, so a keep-alive connection
  // that was busy when the listener closed ends after its last response and close() finishes.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.register(admissionRoutes, { judge: options.judge, maxWarnings: options.maxWarnings, metrics: options.metrics });
  app.register(healthRoutes, { checks: options.readiness });
  if (options.serveMetrics) app.register(metricsRoutes, { registry: options.metrics.registry });
  return app as unknown as WebhookServer;
}

/** Swaps the serving certificate: new handshakes use it, open connections keep theirs. */
export function useKeyPair(app: WebhookServer, keyPair: KeyPair): void {
  app.server.setSecureContext({ ...keyPair, ...tlsSettings });
}

/** A plain-HTTP server for GET /metrics only, when a separate metrics port is configured. */
export function buildMetricsServer(metrics: Metrics, logger: Logger): FastifyInstance {
  const app = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) });
  app.setNotFoundHandler(notFoundHandler);
  app.register(metricsRoutes, { registry: metrics.registry });
  return app as unknown as FastifyInstance;
}
