/**
 * The shape of a rule: one object with its catalog id (docs/rules.md), the kinds it applies to,
 * whether it reads other objects (referential), its default action, the status its findings set,
 * and a check. `check` MUST be pure (no I/O, clock, logging or awaiting) and MUST NOT throw on
 * any route: it reads through `gateway/untrusted.ts` and skips what it does not know.
 */
import type { EvaluationContext } from './context.ts';
import type { Path } from './path.ts';
import type { Action, JsonPatchOperation, RouteKind, RuleStatus } from './types.ts';

/** A check's finding; the core adds the rule id, the action and the status. */
export interface RawFinding {
  readonly path: Path;
  /** What is wrong and what to do; short, since kubectl prints it as one warning line. */
  readonly message: string;
  /** Set by parent rules: the spec.parentRefs index the finding is about. */
  readonly parentIndex?: number;
  /** This finding's status when it differs from the rule's `status` (MR109 on a parent that keeps some ports). */
  readonly status?: RuleStatus;
}

/** One JSON Patch operation of the mutating door, with the warning that announces it. */
export interface Proposal {
  readonly operation: JsonPatchOperation;
  /** Where the change is (for the warning). */
  readonly path: Path;
  readonly message: string;
}

export interface Rule {
  readonly id: string;
  readonly kinds: readonly RouteKind[];
  readonly referential: boolean;
  readonly defaultAction: Exclude<Action, 'off'>;
  /** The status every finding of the rule sets; `NarrowsParent` is only ever one finding's own (`RawFinding.status`). */
  readonly status?: Exclude<RuleStatus, { readonly condition: 'NarrowsParent' }>;
  readonly check: (context: EvaluationContext) => readonly RawFinding[];
  /**
   * The rule's default in the mutating door, when it has one. Proposals MUST be add/replace,
   * MUST be idempotent (none once applied) and MUST NOT touch a field whose absence means something.
   */
  readonly mutate?: (context: EvaluationContext) => readonly Proposal[];
}

export const bothKinds: readonly RouteKind[] = ['HTTPRoute', 'GRPCRoute'];
export const httpOnly: readonly RouteKind[] = ['HTTPRoute'];

/** A finding at `path`. */
export function finding(path: Path, message: string, parentIndex?: number): RawFinding {
  return parentIndex === undefined ? { path, message } : { path, message, parentIndex };
}
