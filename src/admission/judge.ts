import { decide, evaluateFindings, evaluateMutations, readRoute, servicesNamedBy, type RouteModel } from '../core/index.ts';
import type { Decision, EvaluationRequest } from '../core/types.ts';
import type { ClusterView, ServiceResolver } from '../core/view.ts';
import type { Policy } from '../policy/policy.ts';
import type { AdmissionDoor, Judge } from '../server/admission-routes.ts';

export interface JudgeDependencies {
  readonly view: ClusterView;
  /** The live view's bounded lookup of Services missing from the cache; absent for a static view. */
  readonly resolver?: ServiceResolver;
  /** The policy in force, read once per request (a swap mid-request cannot mix two policies). */
  readonly policy: () => Policy;
}

/**
 * The admission judge: resolve the Services the route names (a no-op in the steady state,
 * where the cache has them all), then evaluate with one policy snapshot and decide for the door.
 * The route is read once for both. /mutate answers from the patch alone, so it runs only the
 * mutations (`evaluateMutations`); /validate from the findings alone, so it runs only the checks
 * (`evaluateFindings`). Returns the decision itself when no live lookup was needed, and a
 * promise only while one is awaited: the steady state pays for no promise.
 */
export function createJudge(dependencies: JudgeDependencies): Judge {
  const { view, resolver } = dependencies;
  const judge = (request: EvaluationRequest, door: AdmissionDoor, route: RouteModel): Decision => {
    const policy = dependencies.policy();
    const evaluation = door === 'mutate' ? evaluateMutations(request, view, policy, route) : evaluateFindings(request, view, policy, route);
    return decide(evaluation, door, policy);
  };
  return (request, door) => {
    const route = readRoute(request.kind, request.namespace, request.object);
    const lookups = resolver?.resolveServices(servicesNamedBy(route));
    return lookups ? lookups.then(() => judge(request, door, route)) : judge(request, door, route);
  };
}
