/**
 * The evaluation core: pure functions the doors (admission, status reconciler, lint) share.
 * Nothing here does I/O, reads the clock or logs.
 */
export { evaluate } from './evaluate.ts';
export { decide } from './decide.ts';
export { formatFinding } from './format.ts';
export { referencedServices, type ServiceRef } from './references.ts';
export { fieldPath, jsonPointer, type Path } from './path.ts';
export { ruleCatalog } from '../rules/index.ts';
export type * from './types.ts';
export type * from './view.ts';
