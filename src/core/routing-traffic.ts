/**
 * Where a routing table entry sends its traffic: the rule's backendRefs (not mirror backends)
 * with their share, the weights normalised within the rule. A weight left out is the CRD's
 * default, 1. A backend of weight 0 gets nothing; when every weight is 0 the rule has no backend
 * to send to (the spec answers such requests with a 500), and the table says so.
 */
import type { BackendRefModel } from './route.ts';

/** One backendRef of the rule and its share of the rule's traffic. */
export interface BackendShare {
  /** `""` for the core group; as written otherwise. */
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string | undefined;
  readonly port: number | undefined;
  /** The weight as written, 1 when left out (a negative weight, which the CRD rejects, counts as 0). */
  readonly weight: number;
  /** The fraction of the rule's requests it gets, 0 to 1 (0 for weight 0 and when every weight is 0). */
  readonly share: number;
}

/**
 * `split`: the shares add up to 1. `all-weights-zero`: backends, every one of weight 0, so no
 * request reaches a backend. `no-backends`: the rule names none (a redirect, for example).
 */
export type TrafficState = 'split' | 'all-weights-zero' | 'no-backends';

export interface RuleTraffic {
  readonly state: TrafficState;
  readonly backends: readonly BackendShare[];
}

/** The traffic of one rule, from its backendRefs (mirror backends are skipped) in spec order. */
export function ruleTraffic(backends: readonly BackendRefModel[]): RuleTraffic {
  const refs = backends.filter((b) => !b.mirror);
  if (refs.length === 0) return { state: 'no-backends', backends: [] };
  const weights = refs.map((b) => Math.max(0, b.weight ?? 1));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return {
    state: total === 0 ? 'all-weights-zero' : 'split',
    backends: refs.map((b, i) => ({
      group: b.group ?? '',
      kind: b.kind ?? '',
      namespace: b.namespace,
      name: b.name,
      port: b.port,
      weight: weights[i] ?? 0,
      share: total === 0 ? 0 : (weights[i] ?? 0) / total,
    })),
  };
}
