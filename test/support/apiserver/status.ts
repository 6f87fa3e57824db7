/**
 * Status bodies exactly as kube-apiserver 1.32 writes them (fixtures B-01, B-04, B-05, B-08):
 * key order kind, apiVersion, metadata, status, message, reason, details, code.
 */
import type { Storage } from './resources.ts';

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: Record<string, unknown>;
  code: number;
}

/** An error the server answers with: an HTTP status and its Status body. */
export class ApiError extends Error {
  readonly code: number;
  readonly body: StatusBody;

  constructor(body: StatusBody) {
    super(body.message ?? body.reason ?? String(body.code));
    this.name = 'ApiError';
    this.code = body.code;
    this.body = body;
  }
}

function failure(code: number, reason: string | undefined, message: string, details?: Record<string, unknown>, metadata: Record<string, unknown> = {}): StatusBody {
  // Built key by key: the wire order is kind, apiVersion, metadata, status, message, reason, details, code.
  const body: Omit<StatusBody, 'code'> & { code?: number } = { kind: 'Status', apiVersion: 'v1', metadata, status: 'Failure', message };
  if (reason !== undefined) body.reason = reason;
  if (details !== undefined) body.details = details;
  return { ...body, code };
}

/** `services` for core, `leases.coordination.k8s.io` otherwise (the qualified resource). */
function qualified(storage: Storage): string {
  return storage.group ? `${storage.plural}.${storage.group}` : storage.plural;
}

function details(storage: Storage, name: string): Record<string, unknown> {
  return storage.group ? { name, group: storage.group, kind: storage.plural } : { name, kind: storage.plural };
}

export function notFound(storage: Storage, name: string): StatusBody {
  return failure(404, 'NotFound', `${qualified(storage)} "${name}" not found`, details(storage, name));
}

export function alreadyExists(storage: Storage, name: string): StatusBody {
  return failure(409, 'AlreadyExists', `${qualified(storage)} "${name}" already exists`, details(storage, name));
}

export function conflict(storage: Storage, name: string): StatusBody {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(storage)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details(storage, name),
  );
}

export function badRequest(message: string): StatusBody {
  return failure(400, 'BadRequest', message);
}

/** The kind qualified by its group outside the core group, as validation messages name it: `HTTPRoute.gateway.networking.k8s.io`. */
function qualifiedKind(storage: Storage): string {
  return storage.group === '' ? storage.kind : `${storage.kind}.${storage.group}`;
}

export function invalid(storage: Storage, name: string, message: string): StatusBody {
  return failure(422, 'Invalid', `${qualifiedKind(storage)} "${name}" is invalid: ${message}`, details(storage, name));
}

/** One failed field check, as `details.causes` lists it. */
export interface FieldCause {
  readonly reason: 'FieldValueRequired' | 'FieldValueInvalid';
  readonly message: string;
  readonly field: string;
}

/**
 * A 422 for failed field validation, as kube-apiserver 1.32 words it: the kind (qualified by its
 * group) in the message, one cause per field, several causes in brackets.
 */
export function fieldsInvalid(storage: Storage, name: string, causes: readonly FieldCause[]): StatusBody {
  const listed = causes.map((c) => `${c.field}: ${c.message}`);
  const text = listed.length === 1 ? listed[0] : `[${listed.join(', ')}]`;
  const where = storage.group ? { name, group: storage.group, kind: storage.kind } : { name, kind: storage.kind };
  return failure(422, 'Invalid', `${qualifiedKind(storage)} "${name}" is invalid: ${text}`, { ...where, causes: causes.map((c) => ({ ...c })) });
}

/**
 * A PATCH the resource does not take. A strategic merge patch of a custom resource gets the
 * list of what custom resources accept; a media type the server does not know at all (and, here,
 * server-side apply, which this server does not implement) gets the bare 415 of content negotiation.
 */
export function unsupportedMediaType(strategicOnCustomResource: boolean): StatusBody {
  return strategicOnCustomResource
    ? failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml')
    : failure(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {});
}

/** A PUT without `metadata.resourceVersion` of a kind that refuses unconditional updates (custom resources, Leases). */
export function resourceVersionRequired(storage: Storage, name: string): StatusBody {
  return failure(422, 'Invalid', `${qualified(storage)} "${name}" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update`, {
    ...details(storage, name),
    causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update', field: 'metadata.resourceVersion' }],
  });
}

/** A POST that carries `metadata.resourceVersion`: kube-apiserver 1.32 answers 500 without a reason. */
export function resourceVersionOnCreate(): StatusBody {
  return failure(500, undefined, 'resourceVersion should not be set on objects to be created');
}

export function methodNotAllowed(method: string): StatusBody {
  return failure(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`);
}

export function unauthorized(): StatusBody {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

/** B-04-watch-too-old-rv.ndjson: the ERROR event's object for a watch below the oldest kept version. */
export function watchTooOld(requested: string, oldest: number): StatusBody {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** B-04-list-continue-expired-410.json, with the fresh (`rv: -1`) continue token. */
export function continueExpired(freshContinue: string): StatusBody {
  return failure(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    undefined,
    { continue: freshContinue },
  );
}

/** B-04-list-rv-exact-compacted-410.json. */
export function listTooOld(): StatusBody {
  return failure(410, 'Expired', 'The resourceVersion for the provided list is too old.');
}

const reasons: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  409: 'Conflict', 410: 'Expired', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError',
  503: 'ServiceUnavailable', 504: 'Timeout',
};

/** A generic Status for an injected error code. */
export function injected(code: number, message = `injected error ${code}`): StatusBody {
  return failure(code, reasons[code], message);
}
