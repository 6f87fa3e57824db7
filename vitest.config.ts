import { defineConfig } from 'vitest/config';

/** Tests whose point is wall-clock time or load: `npm run test:slow` (vitest.slow.config.ts). */
export const slowTests = 'test/**/*.slow.test.ts';

/** End-to-end tests through a real API server: `npm run test:e2e` (vitest.e2e.config.ts). */
export const e2eTests = 'test/e2e/**/*.test.ts';

/** Settings both suites share. */
export const common = { testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' } as const;

export default defineConfig({
  // Test files share their worker's module instances (isolate: false): src keeps no module state,
  // so nothing leaks between files, and loading the modules once per worker halves the run.
  test: { ...common, include: ['test/**/*.test.ts'], exclude: [slowTests, e2eTests], isolate: false },
});
