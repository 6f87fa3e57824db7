import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** ../shared beside the project's root: the design documents, CRDs, conformance manifests and fixtures. */
const sharedDir = path.resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));

/**
 * Resolves a path inside ../shared. When it is missing, tests that need it skip with a message
 * naming the path; under CI (`CI=true`) a missing path is an error, so CI never passes by skipping.
 */
export function sharedPath(...parts: string[]): { path: string; missing: string | undefined } {
  const full = path.join(sharedDir, ...parts);
  if (existsSync(full)) return { path: full, missing: undefined };
  if (process.env.CI === 'true') throw new Error(`missing ${full}: CI needs ../shared beside the project`);
  console.warn(`skipping: ${full} is missing (../shared beside the project's root)`);
  return { path: full, missing: full };
}
