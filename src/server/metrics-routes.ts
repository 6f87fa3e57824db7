import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** GET /metrics in the Prometheus text format. */
export async function metricsRoutes(app: FastifyInstance, options: { readonly registry: Registry }) {
  app.get('/metrics', async (_request, reply) => {
    const body = await options.registry.metrics();
    return reply.type(options.registry.contentType).send(body);
  });
}
