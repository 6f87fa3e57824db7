import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorDefinitions, type ErrorCode } from '../errors.ts';
import type { Metrics } from '../metrics.ts';

/** The JSON body of every 4xx: a stable code, a message naming the field, and the field. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
}

/**
 * Maps anything that goes wrong before a route is judged to a coded 4xx. An error Fastify
 * itself would answer with a 5xx is still a client's fault here (the handler never throws:
 * it answers internal failures inside the AdmissionReview), so it becomes a 400 too.
 */
function toErrorBody(error: FastifyError): { status: number; body: ErrorBody } {
  if (error.validation && error.validation.length > 0) {
    const [first] = error.validation;
    const field = fieldOf(first?.instancePath ?? '', first?.params);
    return coded('GAMMA_ERR_INVALID_REVIEW', `${field || 'body'}: ${first?.message ?? 'is invalid'}${hint(field)}`, field);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return coded('GAMMA_ERR_UNSUPPORTED_MEDIA_TYPE', `send the AdmissionReview as application/json`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return coded('GAMMA_ERR_BODY_TOO_LARGE', 'raise --body-limit if routes this large are expected');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return coded('GAMMA_ERR_NOT_JSON', 'the body is empty; send an AdmissionReview');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return coded('GAMMA_ERR_BAD_REQUEST', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return coded('GAMMA_ERR_NOT_JSON', error.message);
  }
  return coded('GAMMA_ERR_BAD_REQUEST', error.message);
}

/** Fastify error handler: a coded JSON 4xx, counted, logged at debug (the body is the client's). */
export function errorHandler(metrics: Metrics) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(error);
    metrics.admissionRejected.inc({ code: body.code });
    request.log.info({ code: body.code, field: body.field, url: request.url }, 'request rejected');
    return reply.code(status).type('application/json').send(body);
  };
}

/** 404 for every path or method the server does not serve. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const body: ErrorBody = {
    code: 'GAMMA_ERR_NOT_FOUND',
    message: `${request.method} ${request.url.split('?')[0]}: no such endpoint; POST /validate or /mutate, GET /healthz, /readyz or /metrics`,
  };
  return reply.code(404).send(body);
}

function coded(code: ErrorCode, detail: string, field?: string): { status: number; body: ErrorBody } {
  const definition = errorDefinitions[code];
  const status = definition.status ?? 400;
  return {
    status: status >= 500 ? 400 : status,
    body: { code, message: `${definition.message}: ${detail}`, ...(field ? { field } : {}) },
  };
}

/** `/request/kind` + missingProperty `version` → `request.kind.version`. */
function fieldOf(instancePath: string, params: Record<string, unknown> | undefined): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = params?.missingProperty;
  if (typeof missing === 'string') parts.push(missing);
  return parts.join('.');
}

function hint(field: string): string {
  if (field === 'request.uid') return ' (the API server always sends one; echo it back)';
  if (field === 'apiVersion') return ' (admission.k8s.io/v1 or admission.k8s.io/v1beta1)';
  return '';
}
