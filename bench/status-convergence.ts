/**
 * How fast the status reconciler brings a cluster's routes to their status, through the real
 * client-node, against the real kube-apiserver of ../shared/envtest (`--apiserver real`) or the
 * loopback fake (`--apiserver fake`, the default): N routes (default 5,000; a mix of valid,
 * missing backend, missing parent and HTTPRoute-vs-GRPCRoute conflicts) exist before the replica
 * starts; the clock runs from the replica's start (view sync included) until every route's stored
 * status is the one expected. Then a full resync of the converged set, which must write nothing.
 *
 *   node bench/status-convergence.ts [--apiserver fake|real] [--routes 5000] [--workers 8] [--json FILE]
 *
 * Prints: time to converge, routes per second, status writes per route, 409s, GETs, and the
 * resync's writes and duration. Wall-clock numbers depend on the machine; writes per route do not.
 * The fake counts requests itself; the real server's counts come from its /metrics.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KubeObject } from '../test/support/apiserver/index.ts';
import { grpcRoute, httpRoute, meshRef, service, startReplica } from '../test/status/harness.ts';
import { startCluster, type BenchCluster } from './status-cluster.ts';

const { values } = parseArgs({
  options: {
    apiserver: { type: 'string', default: 'fake' },
    routes: { type: 'string', default: '5000' },
    workers: { type: 'string', default: '8' },
    json: { type: 'string' },
  },
});
const total = Number(values.routes);
const workers = Number(values.workers);
const apiserver = values.apiserver;
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(workers) || workers < 1) {
  process.stderr.write('--routes and --workers are positive integers\n');
  process.exit(2);
}
if (apiserver !== 'fake' && apiserver !== 'real') {
  process.stderr.write(`--apiserver is fake (the loopback fake API server) or real (../shared/envtest's kube-apiserver), not ${apiserver}\n`);
  process.exit(2);
}

type Expectation = 'accepted' | 'BackendNotFound' | 'NoMatchingParent' | 'Conflicted';

/** Route i: every 10th misses its backend, every 10th (offset 1) its parent, every 25th is an HTTPRoute on a GRPCRoute's Service port. */
function build(count: number): { objects: KubeObject[]; expectations: Map<string, Expectation> } {
  const services = Math.max(1, Math.ceil(count / 10));
  const objects: KubeObject[] = [];
  for (let s = 0; s < services; s++) objects.push(service(`svc-${s}`, [{ name: 'http', port: 80 }, { name: 'grpc', port: 9000 }]));
  const expectations = new Map<string, Expectation>();
  for (let i = 0; i < count; i++) {
    const parent = `svc-${i % services}`;
    const name = `route-${i}`;
    if (i % 25 === 2) {
      objects.push(httpRoute(name, [meshRef(parent, { port: 9000 })], [{ name: parent, port: 9000 }]));
      objects.push(grpcRoute(`grpc-${i}`, [meshRef(parent, { port: 9000 })], [{ name: parent, port: 9000 }]));
      expectations.set(`HTTPRoute/${name}`, 'Conflicted');
      expectations.set(`GRPCRoute/grpc-${i}`, 'accepted');
    } else if (i % 10 === 0) {
      objects.push(httpRoute(name, [meshRef(parent, { port: 80 })], [{ name: `missing-${i}`, port: 80 }]));
      expectations.set(`HTTPRoute/${name}`, 'BackendNotFound');
    } else if (i % 10 === 1) {
      objects.push(httpRoute(name, [meshRef(`absent-${i}`)], [{ name: parent, port: 80 }]));
      expectations.set(`HTTPRoute/${name}`, 'NoMatchingParent');
    } else {
      objects.push(httpRoute(name, [meshRef(parent, { port: 80 })], [{ name: parent, port: 80 }]));
      expectations.set(`HTTPRoute/${name}`, 'accepted');
    }
  }
  return { objects, expectations };
}

function satisfied(route: KubeObject, expectation: Expectation): boolean {
  const parents = (route.status as { parents?: { conditions?: { type: string; status: string; reason: string }[] }[] } | undefined)?.parents;
  const conditions = parents?.[0]?.conditions;
  if (parents?.length !== 1 || conditions === undefined) return false;
  const accepted = conditions.find((c) => c.type === 'Accepted');
  const resolved = conditions.find((c) => c.type === 'ResolvedRefs');
  switch (expectation) {
    case 'accepted':
      return accepted?.status === 'True' && resolved?.status === 'True';
    case 'BackendNotFound':
      return accepted?.status === 'True' && resolved?.reason === 'BackendNotFound';
    case 'NoMatchingParent':
    case 'Conflicted':
      return accepted?.reason === expectation;
  }
}

async function converged(cluster: BenchCluster, expectations: Map<string, Expectation>): Promise<number> {
  let done = 0;
  for (const kind of ['HTTPRoute', 'GRPCRoute'] as const) {
    for (const route of await cluster.routes(kind)) {
      const expectation = expectations.get(`${kind}/${route.metadata.name}`);
      if (expectation !== undefined && satisfied(route, expectation)) done += 1;
    }
  }
  return done;
}

async function poll(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not converged within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const { objects, expectations } = build(total);
const log = (line: string): void => {
  process.stderr.write(`status-convergence: ${line}\n`);
};
const cluster = await startCluster(apiserver, objects, log);
log(`${expectations.size} routes (${total} HTTPRoutes, ${expectations.size - total} GRPCRoutes), ${workers} workers, ${apiserver} API server`);

const before = await cluster.counters();
const started = performance.now();
// The Lease timings a deployment has (15 s / 10 s / 2 s), not the tests' short ones: on a busy
// machine a 2 s renew deadline lapses, and each lapse resyncs every route.
const replica = await startReplica(cluster.kubeConfig, {
  reconciler: { workers, resyncPeriodMs: 0 },
  lease: cluster.lease,
  leaseDurationMs: 15_000,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
});
const synced = performance.now();
// The routes are read only when the reconciler is idle: listing every route is not free and
// shares the event loop (and, with the real server, the CPU) with the replica.
await poll(async () => replica.reconciler.idle() && (await converged(cluster, expectations)) === expectations.size, 600_000);
const convergedAt = performance.now();
await poll(() => replica.reconciler.idle(), 60_000);

const after = await cluster.counters();
const patches = after.patches - before.patches;
const conflicts = after.conflicts - before.conflicts;
const gets = after.gets - before.gets;

// Let the view catch up with the last writes, then resync everything: nothing may be written.
await new Promise((resolve) => setTimeout(resolve, 500));
const beforeResync = await cluster.counters();
const resyncStart = performance.now();
replica.reconciler.resync('bench');
await poll(() => replica.reconciler.idle(), 60_000);
const resyncMs = performance.now() - resyncStart;
const resyncWrites = (await cluster.counters()).patches - beforeResync.patches;

const result = {
  apiserver,
  routes: expectations.size,
  workers,
  syncMs: Math.round(synced - started),
  convergeMs: Math.round(convergedAt - started),
  routesPerSecond: Math.round(expectations.size / ((convergedAt - started) / 1000)),
  statusPatches: patches,
  writesPerRoute: Number((patches / expectations.size).toFixed(3)),
  conflicts,
  gets,
  resyncMs: Math.round(resyncMs),
  resyncWrites,
  counters: await replica.writes(),
};
await replica.stop();
await cluster.close();

process.stdout.write(
  [
    `| API server | routes | workers | view sync | converged | routes/s | status PATCHes per route | 409s | GETs | resync (all routes) | resync writes |`,
    `|---|---|---|---|---|---|---|---|---|---|---|`,
    `| ${apiserver} | ${result.routes} | ${workers} | ${result.syncMs} ms | ${result.convergeMs} ms | ${result.routesPerSecond} | ${result.writesPerRoute} | ${conflicts} | ${gets} | ${result.resyncMs} ms | ${resyncWrites} |`,
    '',
  ].join('\n'),
);
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
if (resyncWrites !== 0) {
  process.stderr.write(`status-convergence: a resync of a converged set wrote ${resyncWrites} times\n`);
  process.exitCode = 1;
}
