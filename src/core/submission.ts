/** A request with its route read once: what a door names Services from and `evaluate` judges. */
import { readRoute, type RouteModel } from './route.ts';
import type { EvaluationRequest } from './types.ts';

export interface Submission {
  readonly request: EvaluationRequest;
  /** `request.object` read as a route. */
  readonly route: RouteModel;
}

/** Reads the request's route. MUST NOT throw, whatever `request.object` is. */
export function readSubmission(request: EvaluationRequest): Submission {
  return { request, route: readRoute(request.kind, request.namespace, request.object) };
}
