/**
 * A real Kubernetes API server for tests (etcd + kube-apiserver v1.32 from ../shared/envtest),
 * with the Gateway API v1.6.1 CRDs applied.
 *
 * One server per worker process, not per test file. Starting one costs about 4 s of CPU on a
 * machine with 2 cores, and vitest runs the files of a worker one after another in the same
 * process (pool forks, isolate: false), so a server per file would pay that for every file while
 * a worker's server serves all of its files. What keeps files apart is the namespace: each test
 * makes its own with `namespace()` (the API server has no namespace controller, so none is ever
 * finalized; names are unique instead), and cluster-scoped objects a file registers (webhook
 * configurations) select only that file's namespaces. Servers are kept per CRD channel
 * (standard, experimental), because the two define the same CRDs differently; extra CRD files are
 * added to the worker's server when a file first asks for them.
 *
 * The server stops when the worker exits, and a watchdog process stops it when the worker dies
 * without exiting (SIGKILL, a crash), so no run leaves etcd or kube-apiserver behind. Several
 * workers, worktrees and engineers may run servers at once: each lives in its own temporary
 * directory on free loopback ports.
 *
 * The first start on a machine installs etcd (apt-get) and unpacks kube-apiserver; parallel
 * workers would race on both, so a start that still has that to do holds an exclusive file lock.
 */
import { spawn, spawnSync, execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiextensionsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { sharedPath } from './shared.ts';

/** Which Gateway API CRDs the server gets. */
export type GatewayChannel = 'standard' | 'experimental';

export interface EnvtestOptions {
  /** Gateway API v1.6.1 channel (default standard). */
  readonly channel?: GatewayChannel;
  /** Further CRD files inside ../shared, as path parts, e.g. `[['crds', 'wgpolicyk8s.io_policyreports.yaml']]`. */
  readonly crds?: readonly (readonly string[])[];
}

/** A running API server, ready for the test. */
export interface Envtest {
  /** Admin (system:masters) credentials for client-node. */
  readonly kubeConfig: KubeConfig;
  /** The same credentials as a kubeconfig file, for child processes (`KUBECONFIG=...`). */
  readonly kubeconfigPath: string;
  /** https://127.0.0.1:PORT */
  readonly url: string;
  /** Creates a namespace with a unique name starting with `prefix`, carrying `labels`; resolves to its name. */
  namespace(prefix?: string, labels?: Record<string, string>): Promise<string>;
}

/** The server for a test file, or the ../shared path that is missing (the file then skips; under CI=true, sharedPath throws). */
export interface EnvtestHandle {
  readonly missing: string | undefined;
  /** Starts the worker's server for these options (or reuses it) and applies the CRDs the options name. */
  start(): Promise<Envtest>;
}

/**
 * Resolves the ../shared paths `options` need at collection time, so a file can
 * `describe.skipIf(handle.missing)`; `start()` in `beforeAll` does the work.
 */
export function envtest(options: EnvtestOptions = {}): EnvtestHandle {
  const channel = options.channel ?? 'standard';
  const script = sharedPath('envtest', 'kube-apiserver.sh');
  const gateway = sharedPath('gateway-api', 'v1.6.1', 'crds', channel);
  const extra = (options.crds ?? []).map((parts) => sharedPath(...parts));
  const missing = [script, gateway, ...extra].find((p) => p.missing)?.missing;
  const crdFiles = () => [
    ...readdirSync(gateway.path).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(gateway.path, f)),
    ...extra.map((p) => p.path),
  ];
  return {
    missing,
    start: async () => {
      if (missing) throw new Error(`envtest needs ${missing}`);
      const server = await serverFor(channel, script.path);
      await server.applyCrds(crdFiles());
      return server.envtest;
    },
  };
}

interface RunningServer {
  readonly envtest: Envtest;
  /** Applies the CRD files not applied yet and waits until each is Established. */
  applyCrds(files: readonly string[]): Promise<void>;
}

/** The worker's servers by channel; on globalThis so that a test file importing this module afresh (isolate: true) still finds them. */
const servers: Map<GatewayChannel, Promise<RunningServer>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('gamma-webhook.envtest')] ??= new Map()) as Map<GatewayChannel, Promise<RunningServer>>;

function serverFor(channel: GatewayChannel, script: string): Promise<RunningServer> {
  let server = servers.get(channel);
  if (!server) {
    server = startServer(script);
    // A failed start is not cached: the next file tries again and reports its own error.
    server.catch(() => servers.delete(channel));
    servers.set(channel, server);
  }
  return server;
}

const run = promisify(execFile);
const cacheDir = process.env.KUBE_APISERVER_CACHE ?? path.join(tmpdir(), 'gamma-envtest-cache');

async function startServer(script: string): Promise<RunningServer> {
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-envtest-'));
  // etcd preallocates about 64 MB in DIR: stopping also removes it.
  const stop = () => {
    spawnSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  watchdog(script, dir);
  const command = ['bash', script, 'start', dir];
  // Installing etcd and unpacking the binary happen once per machine: serialize the starts that may do them.
  const argv = firstStartDone() ? command : ['flock', path.join(cacheDir, 'install.lock'), ...command];
  try {
    await run(argv[0]!, argv.slice(1), { env: { ...process.env, KUBE_APISERVER_CACHE: cacheDir }, timeout: 600_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    stop();
    throw new Error(`kube-apiserver.sh start failed: ${e.stderr?.trim() || e.message}`, { cause: error });
  }
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  const applied = new Set<string>();
  return {
    envtest: {
      kubeConfig,
      kubeconfigPath,
      url: kubeConfig.getCurrentCluster()!.server,
      namespace: async (prefix = 'e2e-', labels = {}) => {
        const created = await kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { generateName: prefix, labels } } });
        return created.metadata!.name!;
      },
    },
    applyCrds: async (files) => {
      const fresh = files.filter((f) => !applied.has(f));
      await Promise.all(fresh.map((file) => applyCrdFile(kubeConfig, file)));
      for (const file of fresh) applied.add(file);
    },
  };
}

/** True once etcd is on PATH and kube-apiserver is unpacked in the cache (the script still checks its checksum). */
function firstStartDone(): boolean {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, 'etcd'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return onPath && existsSync(path.join(cacheDir, 'kube-apiserver'));
}

/** A detached process that stops the server in `dir` and removes `dir` once this process is gone, however it ended. */
function watchdog(script: string, dir: string): void {
  const child = spawn('bash', ['-c', 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; bash "$2" stop "$3"; rm -rf "$3"', 'watchdog', String(process.pid), script, dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

/** Creates the CRDs in `file` (an existing one is left as it is) and waits until each is Established. */
async function applyCrdFile(kubeConfig: KubeConfig, file: string): Promise<void> {
  const objects = parseAllDocuments(await readFile(file, 'utf8'))
    .map((d) => d.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => o?.kind === 'CustomResourceDefinition');
  if (objects.length === 0) throw new Error(`${file}: no CustomResourceDefinition in it`);
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const extensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
  for (const crd of objects) {
    try {
      await client.create(crd);
    } catch (error) {
      if ((error as { code?: number }).code !== 409) throw error;
    }
    await waitEstablished(extensions, crd.metadata!.name!);
  }
}

async function waitEstablished(extensions: ApiextensionsV1Api, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const crd = await extensions.readCustomResourceDefinition({ name });
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`CustomResourceDefinition ${name} not Established after 30 s`);
}
