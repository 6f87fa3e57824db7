/** Gateway API helpers for mesh routes. Pure: no I/O. */
export * from './untrusted.ts';
export * from './mesh.ts';
export * from './conditions.ts';
export * from './duration.ts';
export * from './headers.ts';
export * from './features.ts';
export * from './regex.ts';
export * from './route-kinds.ts';
