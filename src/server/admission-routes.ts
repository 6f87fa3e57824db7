import type { FastifyInstance } from 'fastify';
import { admissionReviewSchema, type AdmissionReview } from '../admission/schema.ts';
import { allowUntouched, reviewEnvelope, toAdmissionResponse, toEvaluationRequest, type AdmissionResponse } from '../admission/review.ts';
import type { Judge } from '../admission/judge.ts';
import type { Decision } from '../core/types.ts';
import type { Metrics } from '../metrics.ts';

export interface AdmissionRoutesOptions {
  readonly judge: Judge;
  readonly maxWarnings: number;
  readonly metrics: Metrics;
}

/**
 * POST /validate and POST /mutate. The envelope is checked by the compiled schema before the
 * handler runs; the handler always answers a well-formed AdmissionReview. An exception while
 * judging admits the route with a coded warning (logged at error): failing closed on our own
 * bug would block every route change in the cluster.
 *
 * Every admission writes one info line (`msg: "admission"`) on the request's logger (so with
 * `reqId`) with the uid, door, kind, operation, namespace, name, dryRun, decision, rule ids and
 * duration.
 */
export async function admissionRoutes(app: FastifyInstance, options: AdmissionRoutesOptions) {
  const { metrics } = options;
  for (const door of ['validate', 'mutate'] as const) {
    app.post<{ Body: AdmissionReview }>(`/${door}`, { schema: { body: admissionReviewSchema } }, async (req, reply) => {
      const started = process.hrtime.bigint();
      const { request } = req.body;
      const route = toEvaluationRequest(request);
      let response: AdmissionResponse;
      let decision: Decision | undefined;
      let outcome: Outcome;
      if (!route) {
        response = allowUntouched(request.uid);
        outcome = 'allow';
      } else {
        try {
          decision = await options.judge(route, door);
          response = toAdmissionResponse(request.uid, decision, options.maxWarnings);
          outcome = !decision.allowed ? 'deny' : decision.patch.length > 0 ? 'patch' : 'allow';
        } catch (error) {
          req.log.error({ err: error, code: 'GAMMA_ERR_INTERNAL', uid: request.uid }, 'judging the route failed; admitted');
          response = { uid: request.uid, allowed: true, warnings: ['GAMMA_ERR_INTERNAL: gamma-webhook could not judge this route; it was admitted unchecked'] };
          outcome = 'error';
        }
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The kind label is bounded: a request's kind is the client's string, and every distinct
      // label value would be a new time series held in memory for the life of the process.
      const kind = route?.kind ?? 'other';
      metrics.admissionRequests.inc({ door, kind, operation: request.operation, decision: outcome });
      metrics.admissionDuration.observe({ door }, seconds);
      if (outcome === 'deny') metrics.admissionDenials.inc({ door, route_namespace: request.namespace ?? '' });
      if (decision) for (const finding of decision.findings) metrics.findings.inc({ rule: finding.ruleId, action: finding.action, door });
      req.log.info(
        {
          uid: request.uid,
          door,
          kind,
          operation: request.operation,
          namespace: request.namespace,
          name: request.name ?? objectName(request.object),
          dryRun: request.dryRun === true,
          decision: outcome,
          rules: decision?.ruleIds ?? [],
          durationMs: Math.round(seconds * 1e6) / 1e3,
        },
        'admission',
      );
      return reply.send(reviewEnvelope(req.body.apiVersion, response));
    });
  }
}

type Outcome = 'allow' | 'deny' | 'patch' | 'error';

/** On CREATE with generateName the request has no name; the object may. */
function objectName(object: unknown): string | undefined {
  const metadata = (object as { metadata?: { name?: unknown; generateName?: unknown } } | null | undefined)?.metadata;
  const name = metadata?.name ?? metadata?.generateName;
  return typeof name === 'string' ? name : undefined;
}
