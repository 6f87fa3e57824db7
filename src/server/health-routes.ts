import type { FastifyInstance } from 'fastify';

/** One thing the server needs before it is ready; `reason` says what is missing. */
export interface ReadinessCheck {
  readonly name: string;
  ready(): boolean;
  /**
   * A line for /readyz's `detail` about something that does not fail readiness but an operator
   * should see (`status: not leader (namespace gamma-system not found: ...)`); undefined for none.
   */
  detail?(): string | undefined;
}

export interface HealthRoutesOptions {
  readonly checks: readonly ReadinessCheck[];
}

/**
 * GET /healthz: the process answers (liveness; never depends on the cluster, so an API server
 * outage does not restart the pods). GET /readyz: 200 when every check passes, else 503 with
 * the names of the checks that fail; either way `detail` lists the checks' details, when any.
 */
export async function healthRoutes(app: FastifyInstance, options: HealthRoutesOptions) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const failing = options.checks.filter((check) => !check.ready()).map((check) => check.name);
    const details = options.checks.map((check) => check.detail?.()).filter((line) => line !== undefined);
    const detail = details.length === 0 ? {} : { detail: details };
    return failing.length === 0
      ? { status: 'ready', ...detail }
      : reply.code(503).send({ status: 'not ready', failing, ...detail });
  });
}
