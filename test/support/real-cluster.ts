/**
 * The worker's real API server (../shared/envtest, through `envtest()`) for one test file, with
 * the clients its tests share. Call `realCluster()` at the top of the file: it registers the
 * `beforeAll` that starts (or reuses) the server and the `afterAll` that closes the clients; wrap
 * the tests in `describe.skipIf(real.missing)`. Each test makes its own namespaces with
 * `real.cluster.namespace()`.
 */
import { afterAll, beforeAll } from 'vitest';
import { KubeClient } from '../../src/kube/client.ts';
import { envtest, type Envtest, type EnvtestOptions } from './envtest.ts';
import { KubeObjects } from './kube-objects.ts';

export interface RealCluster {
  /** The ../shared path that is missing (the file's tests then skip), or undefined. */
  readonly missing: string | undefined;
  /** The running server; only inside tests. */
  readonly cluster: Envtest;
  /** A client of the server (admin credentials), for reads and request counts. */
  readonly kube: KubeClient;
  /** Objects on the server by kind. */
  readonly objects: KubeObjects;
}

/** Starting can take a while on a busy machine with 2 cores (more than the default hook timeout). */
const startTimeoutMs = 180_000;

export function realCluster(options: EnvtestOptions = {}): RealCluster {
  const handle = envtest(options);
  let started: { cluster: Envtest; kube: KubeClient; objects: KubeObjects } | undefined;
  beforeAll(async () => {
    if (handle.missing) return;
    const cluster = await handle.start();
    const kube = new KubeClient(cluster.kubeConfig);
    started = { cluster, kube, objects: new KubeObjects(kube) };
  }, startTimeoutMs);
  afterAll(async () => {
    await started?.kube.close();
  });
  const get = (): NonNullable<typeof started> => {
    if (!started) throw new Error('the real API server is not started: use it inside tests of describe.skipIf(real.missing)');
    return started;
  };
  return {
    missing: handle.missing,
    get cluster() {
      return get().cluster;
    },
    get kube() {
      return get().kube;
    },
    get objects() {
      return get().objects;
    },
  };
}
