/**
 * The evaluation core: pure functions the doors (admission, status reconciler, lint) share.
 * Nothing here does I/O, reads the clock or logs, and nothing here holds state between calls.
 */
export { compile, type ActiveRule, type CompiledPolicy, type DoorPlan } from './compile.ts';
export { evaluate } from './evaluate.ts';
export { decide } from './decide.ts';
export { formatFinding } from './format.ts';
export { referencedServices } from './references.ts';
export type { RouteModel } from './route.ts';
export { readSubmission, type Submission } from './submission.ts';
export { fieldPath, type Path } from './path.ts';
export type * from './rule.ts';
export type * from './types.ts';
export type * from './view.ts';
export type * from './policy.ts';
export { buildRoutingTable, rankRoutes } from './routing-table.ts';
export type * from './routing-table.ts';
