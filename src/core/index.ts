/**
 * The evaluation core: pure functions the doors (admission, status reconciler, lint) share.
 * Nothing here does I/O, reads the clock or logs.
 */
export { evaluate, evaluateFindings, evaluateMutations } from './evaluate.ts';
export { decide } from './decide.ts';
export { formatFinding } from './format.ts';
export { referencedServices, servicesNamedBy, type ServiceRef } from './references.ts';
export { readRoute, type RouteModel } from './route.ts';
export { fieldPath, jsonPointer, type Path } from './path.ts';
export { ruleCatalog } from '../rules/index.ts';
export type * from './types.ts';
export type * from './view.ts';
