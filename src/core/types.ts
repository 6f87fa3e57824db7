/**
 * The contracts of the evaluation core. Everything here is data: the core reads a route, a
 * ClusterView and a compiled policy and returns an Evaluation; the doors (admission, status,
 * lint) turn that into their own output.
 */
import type { AcceptedFalseReason, ResolvedRefsFalseReason } from '../gateway/conditions.ts';
import type { RouteKind } from '../gateway/route-kinds.ts';
import type { Path } from './path.ts';

export type { RouteKind };

/** What a finding does at admission. `off` findings are never produced. */
export type Action = 'deny' | 'warn' | 'off';

/** Admission operations the core judges; DELETE and CONNECT never reach it. */
export type Operation = 'CREATE' | 'UPDATE';

/**
 * The door asking, which selects the work (see `compile`): /validate runs the checks; /mutate
 * only the defaults; lint runs the checks and works out the parents' status verdicts; status
 * works out the verdicts from the checks that set a status.
 */
export type Door = 'validate' | 'mutate' | 'status' | 'lint';

/** A route to judge, as one admission request (or one cached object, or one file) carries it. */
export interface EvaluationRequest {
  readonly kind: RouteKind;
  readonly operation: Operation;
  /** The route's namespace (from the request when metadata.namespace is empty). */
  readonly namespace: string;
  /** The route as received: untrusted, possibly malformed (the mutating door runs before the schema). */
  readonly object: unknown;
  /** On UPDATE, the stored route, for ratcheting. */
  readonly oldObject?: unknown;
}

/**
 * The status a rule's findings imply, whatever their admission action. `DropsRule`: the route rule
 * at the finding's path cannot be programmed, so it is dropped (PartiallyInvalid, or
 * Accepted=False when every rule is dropped). `NarrowsParent`: the finding's parent loses some of
 * the ports it names but keeps others, so it stays Accepted=True and that message carries the finding.
 */
export type RuleStatus =
  | { readonly condition: 'Accepted'; readonly reason: AcceptedFalseReason }
  | { readonly condition: 'ResolvedRefs'; readonly reason: ResolvedRefsFalseReason }
  | { readonly condition: 'DropsRule' }
  | { readonly condition: 'NarrowsParent' };

/** One rule's verdict on one place in the route. */
export interface Finding {
  /** Stable rule id of the catalog (docs/rules.md), e.g. `MR201`. */
  readonly ruleId: string;
  /** The action after policy, strict mode and ratcheting. Never `off`. */
  readonly action: Exclude<Action, 'off'>;
  /** Where in the route, as segments; `fieldPath` spells it as kubectl does. */
  readonly path: Path;
  /** What is wrong and what to do, without the id and path (see `formatFinding`). */
  readonly message: string;
  /** The mesh parentRef index this finding is about, for parent rules. */
  readonly parentIndex?: number;
  /** What the finding does to the route's status, whatever its action; absent when nothing. */
  readonly status?: RuleStatus;
  /** True when the same finding was present on the stored object (UPDATE): it never denies. */
  readonly ratcheted?: boolean;
}

/** An RFC 6902 operation. The core only ever emits `add` and `replace`. */
export interface JsonPatchOperation {
  readonly op: 'add' | 'replace';
  readonly path: string;
  readonly value: unknown;
}

/** A condition as the status reconciler will write it (without lastTransitionTime). */
export interface ConditionVerdict {
  readonly type: 'Accepted' | 'ResolvedRefs' | 'PartiallyInvalid';
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
}

/** The status the core computes for one mesh parentRef of the route. */
export interface ParentVerdict {
  /** Index into spec.parentRefs. */
  readonly parentIndex: number;
  /** The parentRef copied from the spec, with `group: ""` and `kind: Service` written out. */
  readonly parentRef: Readonly<Record<string, unknown>>;
  readonly conditions: readonly ConditionVerdict[];
}

/** Everything the core concludes about one route at one door; what the door does not need is empty. */
export interface Evaluation {
  /** False when the route has no mesh parent (and no MR101 mistake) or is exempt: nothing to say. */
  readonly judged: boolean;
  /** Rule findings, in catalog order (validate, status, lint). */
  readonly findings: readonly Finding[];
  /** The defaults of the mutating door, empty when nothing changes (mutate). */
  readonly patch: readonly JsonPatchOperation[];
  /** One `warn` finding per operation in `patch`, naming its rule id (mutate). */
  readonly mutations: readonly Finding[];
  /** One verdict per mesh parentRef (status, lint). */
  readonly parents: readonly ParentVerdict[];
}

/** What a door answers, after the policy's mode. */
export interface Decision {
  readonly allowed: boolean;
  /** Denying findings, formatted; empty when allowed. */
  readonly denials: readonly string[];
  /** Warning lines, formatted, in order; not yet truncated. */
  readonly warnings: readonly string[];
  readonly patch: readonly JsonPatchOperation[];
  /** The distinct rule ids behind the decision, for audit annotations, logs and metrics. */
  readonly ruleIds: readonly string[];
  /** Every finding, whatever the mode did to it (audit mode logs these). */
  readonly findings: readonly Finding[];
}
