/**
 * The benchmark, as a function (`bench/run.ts` is its command line; the CI smoke test calls it
 * with `smoke: true`). In one run, on 127.0.0.1 only, bounded in time:
 *
 * 1. a baseline Fastify HTTPS server that answers every AdmissionReview `allowed` (the ceiling);
 * 2. /validate and 3. /mutate of the real server, over the live ClusterView synced from the loopback
 *    API server holding the cluster (10,000 Services and 2,000 routes in full mode), with a 1-rule
 *    and a 16-rule route;
 * each closed loop (throughput and latency at saturation) and open loop at a fixed rate (latency at
 * 1,000 requests per second); then 4. (full mode) the server's memory with 50,000 Services and
 * 10,000 routes cached, compiled to JavaScript as the image runs it. Every server and every load
 * generator is its own process, and every server runs with the image's Node flags.
 *
 * API server calls are counted by the loopback API server from the end of the sync to the end of
 * the load: every one of them is a call made while admitting (none are expected).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request, Agent } from 'undici';
import { ensureDevelopmentCertificates } from '../src/server/certificates.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../test/support/apiserver/index.ts';
import { measureCore, type CoreTiming } from './core-timing.ts';
import { clusterObjects, reviewBodies, type ClusterSize } from './fixtures.ts';
import type { FixedRateConfig } from './fixed-rate.ts';
import type { LoadConfig } from './load.ts';
import type { LoadResult } from './load-result.ts';
import type { ServerConfig, ServerStats } from './server.ts';
import { compileBenchServer } from './compiled.ts';
import { imageNodeFlags } from './node-flags.ts';
import { ensureWrk, runWrk } from './wrk.ts';

export interface BenchOptions {
  /** A few seconds in all: small cluster, short loads, the Node client, no scale phase. */
  readonly smoke?: boolean;
  /** Write a CPU profile of the webhook server (`node --cpu-prof`) into this directory. */
  readonly profileDir?: string | undefined;
  /** Closed-loop client: wrk when it can be had (full mode default), or the Node client. */
  readonly client?: 'auto' | 'undici';
  /** Measure memory with 50,000 Services and 10,000 routes cached (default: in full mode). */
  readonly scale?: boolean;
  /** Progress lines; silent when absent. */
  readonly log?: (line: string) => void;
}

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly kernel: string;
  /** 1-minute load average when the run started and when it ended. */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export type ServerKind = 'baseline' | 'webhook';
export type Door = 'validate' | 'mutate';
export type RouteSize = '1-rule' | '16-rule';

/** One load against one server, door and route, with its ratios to the baseline on the same route. */
export interface PhaseResult {
  readonly server: ServerKind;
  readonly door: Door;
  readonly route: RouteSize;
  readonly bodyBytes: number;
  /** Closed loop: connections kept busy; open loop: the fixed rate in requests per second. */
  readonly connections?: number;
  readonly rate?: number;
  /** The rounds merged (see `merge`); `rounds` has each one as measured. */
  readonly result: LoadResult;
  /** What the server process and the machine did during the phase (warm-up included). */
  readonly cpu: PhaseCpu;
  readonly rounds: readonly Measured[];
  /** webhook / baseline, same route and load shape; absent on the baseline's own rows. */
  readonly ratio?: { readonly rps: number; readonly p50: number; readonly p99: number; readonly p999: number; readonly cpuPerRequest: number };
}

/**
 * CPU during a phase. `serverUsPerRequest` is the server's CPU time per response: unlike
 * throughput, other processes on a busy machine barely change it. `machineBusyPct` is the busy
 * share of all cores; well above server + client means other processes were competing.
 */
export interface PhaseCpu {
  readonly serverUsPerRequest: number;
  /** Server CPU as a share of one core. */
  readonly serverPct: number;
  /** Busy share of all cores of the machine. */
  readonly machineBusyPct: number;
}

/**
 * API server calls during the admission phases. A watch that ends is re-opened by the informers in
 * the background whatever the admissions do, so watches are counted apart; every other call (a
 * live GET of a missing Service, a re-list) is one an admission could have caused.
 */
export interface ApiCalls {
  readonly admissions: number;
  /** Calls other than watches. */
  readonly total: number;
  readonly perAdmission: number;
  /** Watches re-opened in the background during the phases. */
  readonly watches: number;
  /** Calls by verb (get, list, watch...). */
  readonly byVerb: Readonly<Record<string, number>>;
}

/** The compiled server's memory over one cluster: after the sync, and after a closed-loop load. */
export interface ScaleMeasurement {
  readonly services: number;
  readonly routes: number;
  readonly syncMs: number;
  readonly afterSync: ServerStats;
  readonly afterLoad: ServerStats;
}

/** Memory at scale, and the same measurement over the smallest cluster (the fixed cost). */
export interface ScaleResult extends ScaleMeasurement {
  readonly floor: ScaleMeasurement;
}

export interface BenchReport {
  readonly mode: 'full' | 'smoke';
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly client: 'wrk' | 'undici';
  /** The Node flags every server process ran with (the container image's, from the Dockerfile). */
  readonly nodeFlags: readonly string[];
  readonly view: string;
  readonly cluster: ClusterSize;
  readonly syncMs: number;
  readonly closedLoop: readonly PhaseResult[];
  readonly fixedRate: readonly PhaseResult[];
  readonly memory: { readonly baseline: ServerStats; readonly webhook: ServerStats };
  readonly apiCalls: ApiCalls;
  readonly scale?: ScaleResult;
  /** The judge alone, in process: CPU µs per call over a static view of the same cluster. */
  readonly core: readonly CoreTiming[];
  readonly profile?: string;
}

interface Timing {
  /** Each load runs this many times, alternating with the others on the same route (see runBench). */
  readonly rounds: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly connections: number;
  readonly rate: number;
  readonly rateDurationMs: number;
}

const fullTiming: Timing = { rounds: 3, warmupMs: 1000, durationMs: 3000, connections: 16, rate: 1000, rateDurationMs: 3000 };
const smokeTiming: Timing = { rounds: 1, warmupMs: 50, durationMs: 250, connections: 4, rate: 200, rateDurationMs: 250 };
const fullCluster: ClusterSize = { services: 10_000, routes: 2_000, namespaces: 100 };
const smokeCluster: ClusterSize = { services: 400, routes: 80, namespaces: 20 };
const scaleCluster: ClusterSize = { services: 50_000, routes: 10_000, namespaces: 500 };
/** The fewest objects the review routes resolve against: one namespace of 20 Services, no routes. */
const floorCluster: ClusterSize = { services: 20, routes: 0, namespaces: 1 };

const here = path.dirname(fileURLToPath(import.meta.url));

/** CPU model, cores, memory, node version and kernel of this machine, and its load. */
function machineInfo(loadAtStart: number): MachineInfo {
  const list = cpus();
  return {
    loadAverage: { start: loadAtStart, end: round2(loadavg()[0] ?? 0) },
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: release(),
  };
}

/** A child process of the bench that answers IPC messages. */
class Child {
  readonly process: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(script: string, args: readonly string[], execArgv: readonly string[]) {
    this.process = fork(path.resolve(here, script), [...args], { execArgv: [...execArgv], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** The next message of `type`; rejects if the process exits first or `timeoutMs` passes. */
  next<T>(type: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: { type?: string }) => {
        if (message.type === type) finish(undefined, message as T);
      };
      const onExit = (code: number | null) => finish(new Error(`child exited (${code}) before sending ${type}`));
      const finish = (error: Error | undefined, value?: T) => {
        clearTimeout(timer);
        this.process.off('message', onMessage);
        this.process.off('exit', onExit);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.process.on('message', onMessage);
      this.process.once('exit', onExit);
    });
  }

  /**
   * Sends a message. A child that finished its work may be exiting already: the send then fails
   * (EPIPE, channel closed), which the callback takes instead of an uncaught 'error' event; the
   * caller learns of the exit through `next` or `stop`.
   */
  send(message: unknown): void {
    this.process.send(message as object, () => {});
  }

  /** Asks the child to stop and waits for it; killed after `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.process.connected) this.send({ type: 'stop' });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

interface RunningServer {
  readonly child: Child;
  readonly origin: string;
  readonly syncMs: number;
  stats(): Promise<ServerStats>;
}

async function startServer(config: ServerConfig, execArgv: readonly string[], readyTimeoutMs: number, script = 'server.ts'): Promise<RunningServer> {
  const child = new Child(script, [JSON.stringify(config)], execArgv);
  try {
    const ready = await child.next<{ port: number; syncMs: number }>('ready', readyTimeoutMs);
    return {
      child,
      origin: `https://127.0.0.1:${ready.port}`,
      syncMs: ready.syncMs,
      stats: async () => {
        const reply = child.next<{ stats: ServerStats }>('stats', 5000);
        child.send({ type: 'stats' });
        return (await reply).stats;
      },
    };
  } catch (error) {
    await child.stop(1000);
    throw error;
  }
}

/** Runs a load generator (`load.ts` or `fixed-rate.ts`) in its own process with `config`. */
async function runClient(script: string, config: LoadConfig | FixedRateConfig): Promise<LoadResult> {
  const child = new Child(script, [], []);
  const result = child.next<{ result: LoadResult }>('result', config.warmupMs + config.durationMs + 60_000);
  child.send(config);
  const { result: measured } = await result;
  await child.stop();
  return measured;
}

/** One request, checked: the server must answer 200 with an AdmissionReview for the body's uid. */
async function probe(origin: string, ca: string, pathname: string, body: string, expectPatch: boolean): Promise<void> {
  const dispatcher = new Agent({ connect: { ca } });
  try {
    const response = await request(`${origin}${pathname}`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher });
    const text = await response.body.text();
    const answer = JSON.parse(text) as { response?: { uid?: string; allowed?: boolean; patch?: string } };
    const uid = (JSON.parse(body) as { request: { uid: string } }).request.uid;
    if (response.statusCode !== 200 || answer.response?.uid !== uid || answer.response.allowed !== true) {
      throw new Error(`${pathname} answered ${response.statusCode} ${text.slice(0, 300)}`);
    }
    if (expectPatch && answer.response.patch === undefined) throw new Error(`${pathname} answered without the expected patch`);
  } finally {
    await dispatcher.close();
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** Runs `load` and measures the server's and the machine's CPU around it. */
async function measured(server: RunningServer, load: () => Promise<LoadResult>): Promise<Measured> {
  const before = await server.stats();
  const machineBefore = machineTimes();
  const started = performance.now();
  const result = await load();
  const seconds = (performance.now() - started) / 1000;
  const machineAfter = machineTimes();
  const after = await server.stats();
  const served = after.served - before.served;
  const cpuUs = after.cpuUs - before.cpuUs;
  const machineTotal = machineAfter.total - machineBefore.total;
  return {
    result,
    cpu: {
      serverUsPerRequest: served === 0 ? 0 : Math.round((cpuUs / served) * 10) / 10,
      serverPct: Math.round(cpuUs / 1e4 / seconds),
      machineBusyPct: machineTotal === 0 ? 0 : Math.round(((machineAfter.busy - machineBefore.busy) / machineTotal) * 100),
    },
  };
}

/** One round of a load: what the client measured and what the server and machine did. */
export interface Measured {
  readonly result: LoadResult;
  readonly cpu: PhaseCpu;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The rounds of one load as one row: requests, errors and seconds added up (so req/s is the mean
 * throughput), latency percentiles the median of the rounds' (the client reports percentiles, not
 * histograms), the worst max and lag, CPU per request weighted by requests.
 */
function merge(rounds: readonly Measured[]): Measured {
  const first = rounds[0];
  if (first === undefined) throw new Error('a load with no rounds');
  const sum = (f: (m: Measured) => number) => rounds.reduce((n, m) => n + f(m), 0);
  const requests = sum((m) => m.result.requests);
  const seconds = sum((m) => m.result.seconds);
  const lags = rounds.flatMap((m) => (m.result.maxLagUs === undefined ? [] : [m.result.maxLagUs]));
  const result: LoadResult = {
    client: first.result.client,
    requests,
    errors: sum((m) => m.result.errors),
    seconds,
    rps: seconds === 0 ? 0 : Math.round(requests / seconds),
    p50Us: median(rounds.map((m) => m.result.p50Us)),
    p99Us: median(rounds.map((m) => m.result.p99Us)),
    p999Us: median(rounds.map((m) => m.result.p999Us)),
    maxUs: Math.max(...rounds.map((m) => m.result.maxUs)),
    ...(lags.length === 0 ? {} : { maxLagUs: Math.max(...lags) }),
  };
  const weighted = (f: (c: PhaseCpu) => number) => (requests === 0 ? 0 : sum((m) => f(m.cpu) * m.result.requests) / requests);
  return {
    result,
    cpu: {
      serverUsPerRequest: Math.round(weighted((c) => c.serverUsPerRequest) * 10) / 10,
      serverPct: Math.round(sum((m) => m.cpu.serverPct) / rounds.length),
      machineBusyPct: Math.round(sum((m) => m.cpu.machineBusyPct) / rounds.length),
    },
  };
}

function ratio(webhook: number, baseline: number): number {
  return baseline === 0 ? 0 : Math.round((webhook / baseline) * 1000) / 1000;
}

function withRatio(phase: PhaseResult, baseline: PhaseResult | undefined): PhaseResult {
  if (baseline === undefined) return phase;
  const w = phase.result;
  const b = baseline.result;
  return {
    ...phase,
    ratio: {
      rps: ratio(w.rps, b.rps),
      p50: ratio(w.p50Us, b.p50Us),
      p99: ratio(w.p99Us, b.p99Us),
      p999: ratio(w.p999Us, b.p999Us),
      cpuPerRequest: ratio(phase.cpu.serverUsPerRequest, baseline.cpu.serverUsPerRequest),
    },
  };
}

async function startCluster(size: ClusterSize, log: (line: string) => void): Promise<{ api: ApiServer; kubeconfig: string }> {
  const started = performance.now();
  const api = await startApiServer({ objects: clusterObjects(size) as unknown as KubeObject[] });
  const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-bench-kube-')), 'kubeconfig');
  await api.writeKubeconfig(kubeconfig);
  log(`loopback API server with ${size.services} Services and ${size.routes} routes (${Math.round(performance.now() - started)} ms)`);
  return { api, kubeconfig };
}

function countCalls(api: ApiServer, admissions: number): ApiCalls {
  const byVerb: Record<string, number> = {};
  for (const record of api.requests) byVerb[record.verb] = (byVerb[record.verb] ?? 0) + 1;
  const watches = byVerb.watch ?? 0;
  const total = api.requests.length - watches;
  return { admissions, total, perAdmission: admissions === 0 ? 0 : total / admissions, watches, byVerb };
}

/** Runs the whole benchmark and returns its report; every process it started is stopped. */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const smoke = options.smoke === true;
  const timing = smoke ? smokeTiming : fullTiming;
  const size = smoke ? smokeCluster : fullCluster;
  const useWrk = !smoke && options.client !== 'undici' && ensureWrk(log);
  const client = useWrk ? 'wrk' : 'undici';
  const startedAt = new Date().toISOString();
  const loadAtStart = round2(loadavg()[0] ?? 0);
  const certs = await ensureDevelopmentCertificates(mkdtempSync(path.join(tmpdir(), 'gamma-bench-certs-')), ['localhost', '127.0.0.1']);
  const ca = readFileSync(certs.caFile, 'utf8');
  const bodies = reviewBodies();
  const routes: readonly { route: RouteSize; bodies: { validate: string; mutate: string } }[] = [
    { route: '1-rule', bodies: bodies.small },
    { route: '16-rule', bodies: bodies.large },
  ];

  const closedLoad = async (origin: string, pathname: string, body: string): Promise<LoadResult> =>
    useWrk
      ? runWrk({ url: `${origin}${pathname}`, body, connections: timing.connections, warmupMs: timing.warmupMs, durationMs: timing.durationMs })
      : runClient('load.ts', { origin, ca, path: pathname, body, connections: timing.connections, warmupMs: timing.warmupMs, durationMs: timing.durationMs });
  const fixedLoad = (origin: string, pathname: string, body: string): Promise<LoadResult> =>
    runClient('fixed-rate.ts', { origin, ca, path: pathname, body, connections: 32, warmupMs: timing.warmupMs, durationMs: timing.rateDurationMs, rate: timing.rate });

  log('the judge alone, in process');
  const core = await measureCore(size, smoke ? 3 : 30, smoke ? 20 : 200);

  const serverConfig = { certFile: certs.certFile, keyFile: certs.keyFile };
  // Every server runs with the V8 flags of the container image (the Dockerfile's ENTRYPOINT).
  const nodeFlags = imageNodeFlags();

  // 1-3. The baseline (same TLS, same bodies, nothing but `allowed`) and the real server over the
  // live view of the loopback API server, both up at once. Each load runs `timing.rounds` times,
  // the baseline's and the webhook's in turn, so that whatever else the machine does during the
  // bench falls on both alike instead of on whichever ran at the wrong minute.
  const baseline = await startServer({ ...serverConfig, mode: 'baseline' }, nodeFlags, 30_000);
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
  let webhook: RunningServer | undefined;
  let phases: { closedLoop: PhaseResult[]; fixedRate: PhaseResult[] };
  let baselineStats: ServerStats;
  let webhookStats: ServerStats;
  let apiCalls: ApiCalls;
  try {
    cluster = await startCluster(size, log);
    const execArgv = [...nodeFlags, ...(options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [])];
    webhook = await startServer({ ...serverConfig, mode: 'webhook', view: { kind: 'live', kubeconfig: cluster.kubeconfig } }, execArgv, 120_000);
    log(`webhook synced its live view in ${Math.round(webhook.syncMs)} ms`);
    cluster.api.resetRequests();
    const servers = { baseline, webhook };
    const shapes: readonly { server: ServerKind; door: Door }[] = [
      { server: 'baseline', door: 'validate' },
      { server: 'webhook', door: 'validate' },
      { server: 'webhook', door: 'mutate' },
    ];
    phases = { closedLoop: [], fixedRate: [] };
    for (const { route, bodies: b } of routes) {
      for (const { server, door } of shapes) {
        await probe(servers[server].origin, ca, `/${door}`, b[door], server === 'webhook' && door === 'mutate' && route === '16-rule');
      }
      for (const kind of ['closedLoop', 'fixedRate'] as const) {
        const rounds = new Map<string, Measured[]>();
        for (let round = 1; round <= timing.rounds; round++) {
          for (const { server, door } of shapes) {
            const running = servers[server];
            log(`${server} /${door} ${route}: ${kind === 'closedLoop' ? 'closed loop' : `${timing.rate} requests/s`}, round ${round} of ${timing.rounds}`);
            const load = kind === 'closedLoop' ? closedLoad : fixedLoad;
            const one = await measured(running, () => load(running.origin, `/${door}`, b[door]));
            const key = `${server} ${door}`;
            const list = rounds.get(key);
            if (list === undefined) rounds.set(key, [one]);
            else list.push(one);
          }
        }
        const shape = kind === 'closedLoop' ? { connections: timing.connections } : { rate: timing.rate };
        const base = rounds.get('baseline validate') ?? [];
        const basePhase: PhaseResult = { server: 'baseline', door: 'validate', route, bodyBytes: b.validate.length, ...shape, ...merge(base), rounds: base };
        phases[kind].push(basePhase);
        for (const door of ['validate', 'mutate'] as const) {
          const measuredRounds = rounds.get(`webhook ${door}`) ?? [];
          phases[kind].push(withRatio({ server: 'webhook', door, route, bodyBytes: b[door].length, ...shape, ...merge(measuredRounds), rounds: measuredRounds }, basePhase));
        }
      }
    }
    const admissions = [...phases.closedLoop, ...phases.fixedRate].filter((p) => p.server === 'webhook').reduce((n, p) => n + p.result.requests, 0);
    apiCalls = countCalls(cluster.api, admissions);
    baselineStats = await baseline.stats();
    webhookStats = await webhook.stats();
  } finally {
    await webhook?.child.stop();
    await baseline.child.stop();
    await cluster?.api.close();
  }
  const syncMs = webhook.syncMs;
  const profile = options.profileDir;
  const { closedLoop, fixedRate } = phases;

  // 4. Memory at scale (full mode): what the cache costs with 50,000 Services and 10,000 routes,
  // next to the same server, load and flags over the smallest cluster the review routes need (the
  // fixed cost: Node, the libraries, TLS and the young generation under load).
  let scale: ScaleResult | undefined;
  if (options.scale ?? !smoke) {
    // As the image runs it: compiled JavaScript and the image's Node flags.
    log('scale: compiling the server to JavaScript (tsc)');
    const compiled = compileBenchServer();
    const memoryUnderLoad = async (objects: ClusterSize): Promise<ScaleMeasurement> => {
      const api = await startCluster(objects, log);
      try {
        const server = await startServer({ ...serverConfig, mode: 'webhook', view: { kind: 'live', kubeconfig: api.kubeconfig } }, nodeFlags, 300_000, compiled);
        try {
          log(`scale: synced ${objects.services} Services and ${objects.routes} routes in ${Math.round(server.syncMs)} ms`);
          const afterSync = await server.stats();
          const large = bodies.large.validate;
          await probe(server.origin, ca, '/validate', large, false);
          await closedLoad(server.origin, '/validate', large);
          return { services: objects.services, routes: objects.routes, syncMs: server.syncMs, afterSync, afterLoad: await server.stats() };
        } finally {
          await server.child.stop();
        }
      } finally {
        await api.api.close();
      }
    };
    const floor = await memoryUnderLoad(floorCluster);
    scale = { ...(await memoryUnderLoad(scaleCluster)), floor };
  }

  return {
    mode: smoke ? 'smoke' : 'full',
    startedAt,
    machine: machineInfo(loadAtStart),
    client,
    nodeFlags,
    view: 'live (client-node informers synced from the loopback API server in test/support/apiserver)',
    cluster: size,
    syncMs,
    closedLoop,
    fixedRate,
    memory: { baseline: baselineStats, webhook: webhookStats },
    apiCalls,
    ...(scale === undefined ? {} : { scale }),
    core,
    ...(profile === undefined ? {} : { profile }),
  };
}

/** Writes the report as JSON. */
export function writeJson(file: string, report: BenchReport): void {
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
