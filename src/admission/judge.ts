import { decide, evaluate, evaluateMutations, readRoute, servicesNamedBy } from '../core/index.ts';
import type { ClusterView, ServiceResolver } from '../core/view.ts';
import type { Policy } from '../policy/policy.ts';
import type { Judge } from '../server/admission-routes.ts';

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
 * mutations (`evaluateMutations`).
 */
export function createJudge(dependencies: JudgeDependencies): Judge {
  const { view, resolver } = dependencies;
  return async (request, door) => {
    const route = readRoute(request.kind, request.namespace, request.object);
    if (resolver) await resolver.resolveServices(servicesNamedBy(route));
    const policy = dependencies.policy();
    const evaluation = door === 'mutate' ? evaluateMutations(request, view, policy, route) : evaluate(request, view, policy, route);
    return decide(evaluation, door, policy);
  };
}
