/**
 * Memory and initial sync time of the live ClusterView with many Services cached.
 *
 *   node bench/cluster-memory.ts [count...]        (default: 10000 50000)
 *
 * The parent starts the loopback API server with `count` Services (plus a Namespace each 100
 * Services and one route per 1000), then runs the view in a child process so the measured RSS and
 * heap are the view's alone. The child reports: sync time (start() to synced), RSS and heap used
 * after a forced GC, before and after the sync. A measurement, not a test: no pass/fail.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ChildReport {
  readonly services: number;
  readonly syncMs: number;
  readonly rssBeforeMiB: number;
  readonly rssAfterMiB: number;
  readonly heapBeforeMiB: number;
  readonly heapAfterMiB: number;
  /** V8 heap reserved after the sync (what RSS keeps from the sync's garbage peak). */
  readonly heapTotalAfterMiB: number;
  readonly externalAfterMiB: number;
}

const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function measure(): { rss: number; heap: number; heapTotal: number; external: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external };
}

async function child(kubeconfigPath: string): Promise<void> {
  const [{ pino }, { Registry }, { LiveClusterView }, { createMetrics }, { loadKubeConfig }, { KubeClient }] = await Promise.all([
    import('pino'),
    import('prom-client'),
    import('../src/cluster/live-view.ts'),
    import('../src/metrics.ts'),
    import('../src/kube/config.ts'),
    import('../src/kube/client.ts'),
  ]);
  const { kubeConfig } = loadKubeConfig({ kubeconfigPath, env: {} });
  const view = new LiveClusterView({ kube: new KubeClient(kubeConfig), metrics: createMetrics(new Registry(), { processMetrics: false }), logger: pino({ level: 'silent' }) });
  const before = measure();
  const started = performance.now();
  await view.start();
  await view.whenSynced();
  const syncMs = Math.round(performance.now() - started);
  const after = measure();
  let services = 0;
  for (let i = 0; i < 1_000_000 && view.service(`ns-${Math.floor(services / 100)}`, `svc-${services}`); i++) services++;
  const report: ChildReport = {
    services, syncMs,
    rssBeforeMiB: mib(before.rss), rssAfterMiB: mib(after.rss),
    heapBeforeMiB: mib(before.heap), heapAfterMiB: mib(after.heap),
    heapTotalAfterMiB: mib(after.heapTotal), externalAfterMiB: mib(after.external),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await view.stop();
}

async function parent(counts: readonly number[]): Promise<void> {
  const { startApiServer } = await import('../test/support/apiserver/index.ts');
  const dir = await mkdtemp(path.join(tmpdir(), 'gamma-bench-'));
  const rows: (ChildReport & { requested: number })[] = [];
  try {
    for (const count of counts) {
      const server = await startApiServer();
      for (let ns = 0; ns * 100 < count; ns++) server.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${ns}`, labels: { bench: 'yes' } } });
      for (let i = 0; i < count; i++) {
        server.create({
          apiVersion: 'v1', kind: 'Service',
          metadata: { name: `svc-${i}`, namespace: `ns-${Math.floor(i / 100)}`, labels: { app: `svc-${i}` }, annotations: { 'example.com/owner': 'bench' } },
          spec: { selector: { app: `svc-${i}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'grpc', port: 9090, appProtocol: 'kubernetes.io/h2c' }] },
        });
        if (i % 1000 === 0) {
          server.create({
            apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
            metadata: { name: `route-${i}`, namespace: `ns-${Math.floor(i / 100)}` },
            spec: { parentRefs: [{ group: '', kind: 'Service', name: `svc-${i}`, port: 80 }], rules: [{ backendRefs: [{ name: `svc-${i}`, port: 80 }] }] },
          });
        }
      }
      server.compact();
      const file = path.join(dir, `kubeconfig-${count}`);
      await server.writeKubeconfig(file);
      const output = await new Promise<string>((resolve, reject) => {
        const proc = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', file], { stdio: ['ignore', 'pipe', 'inherit'] });
        let text = '';
        proc.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        proc.on('error', reject);
        proc.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`child exited with ${code}`))));
      });
      rows.push({ requested: count, ...(JSON.parse(output.trim()) as ChildReport) });
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log('services  cached  sync ms  RSS MiB (before -> after)  heap MiB (before -> after)  heap bytes/Service  heapTotal MiB  external MiB');
  for (const r of rows) {
    const perService = Math.round(((r.heapAfterMiB - r.heapBeforeMiB) * 1024 * 1024) / r.requested);
    console.log(
      `${String(r.requested).padStart(8)}  ${String(r.services).padStart(6)}  ${String(r.syncMs).padStart(7)}  ` +
        `${`${r.rssBeforeMiB} -> ${r.rssAfterMiB}`.padStart(26)}  ${`${r.heapBeforeMiB} -> ${r.heapAfterMiB}`.padStart(26)}  ${String(perService).padStart(18)}  ${String(r.heapTotalAfterMiB).padStart(13)}  ${String(r.externalAfterMiB).padStart(12)}`,
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child' && args[1]) await child(args[1]);
else await parent(args.length > 0 ? args.map(Number) : [10_000, 50_000]);
