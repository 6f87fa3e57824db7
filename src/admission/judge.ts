/** The admission judge: one route at one admission door, through the core. */
import { decide, evaluate, readSubmission, referencedServices, type CompiledPolicy } from '../core/index.ts';
import type { Decision, EvaluationRequest } from '../core/types.ts';
import type { ClusterView, ServiceResolver } from '../core/view.ts';

/** The two admission doors; both judge through the same core. */
export type AdmissionDoor = 'validate' | 'mutate';

/** Judges one route at one door. May wait for a bounded cache-miss lookup; may throw (answered as admitted). */
export type Judge = (request: EvaluationRequest, door: AdmissionDoor) => Promise<Decision>;

export interface JudgeDependencies {
  readonly view: ClusterView;
  /** The live view's bounded lookup of Services missing from the cache; absent for a static view. */
  readonly resolver?: ServiceResolver;
  /** The policy in force, compiled; read once per request, so a swap mid-request cannot mix two policies. */
  readonly policy: () => CompiledPolicy;
}

/**
 * Resolves the Services the route names (nothing to wait for in the steady state, where the cache
 * holds them all), then evaluates at the door with one policy snapshot and decides.
 */
export function createJudge({ view, resolver, policy }: JudgeDependencies): Judge {
  return async (request, door) => {
    const submission = readSubmission(request);
    await resolver?.resolveServices(referencedServices(submission.route));
    const compiled = policy();
    return decide(evaluate(submission, view, compiled, door), door, compiled.policy);
  };
}
