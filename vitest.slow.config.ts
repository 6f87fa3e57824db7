import { defineConfig } from 'vitest/config';
import { common, slowTests } from './vitest.config.ts';

/** `npm run test:slow`: the timing and load tests, one file at a time so they do not compete for the CPU. */
export default defineConfig({
  test: { ...common, include: [slowTests], fileParallelism: false },
});
