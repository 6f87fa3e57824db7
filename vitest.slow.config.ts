import { defineConfig, mergeConfig } from 'vitest/config';
import base, { slowTests } from './vitest.config.ts';

/** `npm run test:slow`: the timing and load tests, one file at a time so they do not compete for the CPU. */
export default mergeConfig(base, defineConfig({ test: { include: [slowTests], exclude: [], fileParallelism: false } }));
