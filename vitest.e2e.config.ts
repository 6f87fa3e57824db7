import { defineConfig } from 'vitest/config';
import { common, e2eTests } from './vitest.config.ts';

/**
 * `npm run test:e2e`: end-to-end tests through a real kube-apiserver (test/support/envtest.ts).
 * Files share their worker's API server (isolate: false), as in the default suite. Starting one
 * takes about 4 s on an idle machine and several times that on a busy one, hence the hook timeout.
 */
export default defineConfig({
  test: { ...common, hookTimeout: 180_000, include: [e2eTests], isolate: false },
});
