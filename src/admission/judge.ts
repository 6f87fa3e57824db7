import { decide, evaluate, referencedServices } from '../core/index.ts';
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
 */
export function createJudge(dependencies: JudgeDependencies): Judge {
  const { view, resolver } = dependencies;
  return async (request, door) => {
    if (resolver) await resolver.resolveServices(referencedServices(request));
    const policy = dependencies.policy();
    return decide(evaluate(request, view, policy), door, policy);
  };
}
