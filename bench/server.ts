/**
 * One server under test, run as its own process so that it never shares an event loop (or a
 * garbage collector) with the load generator. Started by `bench/bench.ts` with a JSON config as
 * its only argument and an IPC channel:
 *
 * - `baseline`: a bare Fastify HTTPS server with the webhook's TLS settings that answers every
 *   POST with `allowed: true` and the request's uid, and does nothing else: the ceiling of the stack.
 * - `webhook`: the real server as `serve()` wires it (buildWebhookServer, createJudge, the policy
 *   store with the built-in policy, metrics with process metrics, the info-level log line per
 *   admission), over the live ClusterView synced from the loopback API server, or a static view.
 *
 * Messages out: `{type:'ready', port, syncMs}` once listening. Messages in: `{type:'stats'}`
 * (answered with memory figures, the peak RSS sampled every 100 ms, CPU time and responses sent), `{type:'stop'}` (closes and
 * exits 0, which is when `--cpu-prof` writes its profile).
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import type { ClusterView, ServiceResolver } from '../src/core/view.ts';
import { loadKeyPair } from '../src/server/certificates.ts';

/** What `bench/bench.ts` passes as argv[2]. */
export interface ServerConfig {
  readonly mode: 'baseline' | 'webhook';
  readonly certFile: string;
  readonly keyFile: string;
  /** For `webhook`: a kubeconfig for the live view, or a YAML file for the static view. */
  readonly view?: { readonly kind: 'live'; readonly kubeconfig: string } | { readonly kind: 'static'; readonly file: string };
}

/** Memory of the server process (bytes), the CPU it used (µs) and the responses it sent. */
export interface ServerStats {
  readonly rss: number;
  readonly rssMax: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Memory of C++ objects bound to JavaScript, Buffers and TLS included. */
  readonly external: number;
  /** TLS connections accepted: with keep-alive, about one per client connection. */
  readonly connections: number;
  /** User + system CPU time since the process started, in microseconds. */
  readonly cpuUs: number;
  /** Responses sent since the server started listening. */
  readonly served: number;
}

const tlsSettings = { minVersion: 'TLSv1.2' } as const;

async function baseline(config: ServerConfig) {
  const app = Fastify({ https: { ...loadKeyPair(config.certFile, config.keyFile), ...tlsSettings }, logger: false, bodyLimit: 3 * 1024 * 1024 });
  app.post('/:door', async (request) => {
    const body = request.body as { apiVersion?: unknown; request?: { uid?: unknown } } | null;
    return { apiVersion: body?.apiVersion, kind: 'AdmissionReview', response: { uid: body?.request?.uid, allowed: true } };
  });
  return { app, syncMs: 0, stop: async () => {} };
}

async function webhook(config: ServerConfig) {
  // Imported here so that the baseline process loads none of the webhook's code (client-node
  // alone is tens of MB of heap): the baseline's memory is Fastify's and TLS's only.
  const [{ KubeConfig }, { KubeClient }, { createLogger }, { createJudge }, { LiveClusterView }, { staticViewFromYaml }, { createMetrics }, { PolicyStore }, { buildWebhookServer }] =
    await Promise.all([
      import('@kubernetes/client-node'),
      import('../src/kube/client.ts'),
      import('../src/logger.ts'),
      import('../src/admission/judge.ts'),
      import('../src/cluster/live-view.ts'),
      import('../src/cluster/static-view.ts'),
      import('../src/metrics.ts'),
      import('../src/policy/store.ts'),
      import('../src/server/app.ts'),
    ]);
  const logger = createLogger('info');
  const metrics = createMetrics();
  const policy = new PolicyStore({ logger, metrics });
  const started = performance.now();
  let view: ClusterView;
  let resolver: ServiceResolver | undefined;
  let stop = async () => {};
  if (config.view?.kind === 'live') {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(config.view.kubeconfig);
    const live = new LiveClusterView({ kube: new KubeClient(kubeConfig), metrics, logger });
    await live.start();
    await live.whenSynced();
    view = live;
    resolver = live;
    stop = () => live.stop();
  } else if (config.view?.kind === 'static') {
    view = staticViewFromYaml(readFileSync(config.view.file, 'utf8'));
  } else {
    throw new Error('webhook mode needs a view');
  }
  const syncMs = performance.now() - started;
  const app = buildWebhookServer({
    keyPair: loadKeyPair(config.certFile, config.keyFile),
    logger,
    metrics,
    judge: createJudge({ view, resolver, policy: () => policy.compiled }),
    readiness: [],
    bodyLimit: 3 * 1024 * 1024,
    maxWarnings: 10,
    serveMetrics: true,
  });
  return { app, syncMs, stop };
}

async function main() {
  const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig;
  const server = config.mode === 'baseline' ? await baseline(config) : await webhook(config);
  // Counted the same way on both servers, so CPU per request compares.
  let served = 0;
  server.app.addHook('onResponse', async () => {
    served += 1;
  });
  let connections = 0;
  server.app.server.on('secureConnection', () => {
    connections += 1;
  });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  let rssMax = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage.rss());
  }, 100);
  sampler.unref();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stats') {
      const memory = process.memoryUsage();
      rssMax = Math.max(rssMax, memory.rss);
      const cpu = process.cpuUsage();
      const stats: ServerStats = { rss: memory.rss, rssMax, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external, connections, cpuUs: cpu.user + cpu.system, served };
      process.send?.({ type: 'stats', stats });
    } else if (message.type === 'stop') {
      clearInterval(sampler);
      void server.app
        .close()
        .then(() => server.stop())
        .then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', port: address.port, syncMs: server.syncMs });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
