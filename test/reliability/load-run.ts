/**
 * A bounded load run under faults, shared by the short test (`load.slow.test.ts`, in `npm run test:slow`) and
 * the long run (`npm run test:load`, scripts/load-test.ts).
 *
 * The real `gamma-webhook serve` process, on 127.0.0.1, with the live cluster view and the policy
 * ConfigMap served by the loopback API server, and a certificate pair in files. While clients
 * keep /validate and /mutate busy (some on keep-alive connections, some with a new TLS handshake
 * per request), faults are injected in turn: the certificate is rotated (atomic renames, as the
 * kubelet does), the policy ConfigMap changes, watches are dropped, lists and watches fail with
 * 5xx, the store is compacted (410 Gone on resume), Services come and go. Then the faults stop,
 * the cache must re-synchronise (the process's `gamma_cache_objects` equals the API server's
 * counts, and admission sees the Services created and deleted during the faults), and SIGTERM
 * drains the process while the clients are still running: clients stop sending when /readyz
 * turns false (as endpoints would), requests in flight complete, the process exits 0.
 *
 * A failed admission is anything but a 200 with a well-formed AdmissionReview carrying the
 * decision the request must get (allowed, denied with MR301, or patched with MR101), including
 * connection errors. Everything stops by itself after `durationMs` plus the drain.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { imageNodeFlags } from '../../bench/node-flags.ts';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import { temporaryCertificates } from '../support/https-server.ts';
import { admissionReview } from '../support/reviews.ts';
import { answerProblem } from './support.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const gw = 'gateway.networking.k8s.io';

export interface LoadOptions {
  /** How long the clients send while faults are injected. */
  readonly durationMs: number;
  /** Concurrent clients (a quarter of them open a new TLS connection per request). */
  readonly clients: number;
  /** Time between two faults. */
  readonly faultEveryMs: number;
  /** Progress lines (default: none). */
  readonly progress?: (line: string) => void;
}

export interface LoadFigures {
  readonly requests: number;
  readonly failures: number;
  /** The first failures, for the report. */
  readonly failureSamples: readonly string[];
  readonly decisions: Readonly<Record<string, number>>;
  readonly faults: Readonly<Record<string, number>>;
  /** The webhook process's resident memory after warm-up and after the load (before SIGTERM). */
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  /** The webhook's V8 heap in use at the same two moments (not after a forced GC). */
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
  /**
   * The heap still in use after a full garbage collection, at the same two moments: what the
   * process really holds (the figures above include garbage not yet collected). Growth here
   * under a steady load would be a leak; growth of RSS alone is V8 sizing its heap.
   */
  readonly liveHeapBeforeBytes: number;
  readonly liveHeapAfterBytes: number;
  /** Seconds from the end of the faults until the cache matched the API server again. */
  readonly resyncSeconds: number;
  /** Requests sent after SIGTERM (all answered, or counted as failures). */
  readonly requestsDuringDrain: number;
  readonly exitCode: number | null;
  readonly certificateReloads: number;
  readonly policyReloads: number;
  readonly watchRestarts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

function service(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80 }] } };
}

function policyConfigMap(text: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gamma-webhook-policy', namespace: 'gamma-system' }, data: { 'policy.yaml': text } };
}

const policies = ['rules: {MR108: {action: warn}}\n', 'rules: {MR108: {action: off}}\nregexMaxLength: 2048\n'];

function httpRoute(name: string, spec: Record<string, unknown>) {
  return { apiVersion: `${gw}/v1`, kind: 'HTTPRoute', metadata: { name, namespace: 'default' }, spec };
}

/** The three kinds of request and what each must get, whatever the faults. */
const cases = [
  {
    name: 'allowed',
    door: 'validate' as const,
    object: httpRoute('ok', { parentRefs: [{ group: '', kind: 'Service', name: 'echo-service' }], rules: [{ backendRefs: [{ name: 'echo-v1', port: 80 }] }] }),
    expect: (r: Record<string, unknown>) => r.allowed === true && r.warnings === undefined,
  },
  {
    name: 'denied',
    door: 'validate' as const,
    object: httpRoute('dup', {
      parentRefs: [{ group: '', kind: 'Service', name: 'echo-service' }],
      rules: [{ matches: [{ headers: [{ name: 'x-a', value: '1' }, { name: 'X-A', value: '2' }] }], backendRefs: [{ name: 'echo-v1', port: 80 }] }],
    }),
    expect: (r: Record<string, unknown>) => r.allowed === false && String((r.status as { message?: unknown } | undefined)?.message).startsWith('MR301 '),
  },
  {
    name: 'patched',
    door: 'mutate' as const,
    object: httpRoute('fix', { parentRefs: [{ group: gw, kind: 'Service', name: 'echo-service' }], rules: [{ backendRefs: [{ name: 'echo-v1', port: 80 }] }] }),
    expect: (r: Record<string, unknown>) => r.allowed === true && typeof r.patch === 'string',
  },
];

/** A metric's value from Prometheus text, summed over the series whose labels contain `labels`. */
function metric(text: string, name: string, labels = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== ' ' && line[name.length] !== '{')) continue;
    if (labels && !line.includes(labels)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Runs the load; resolves with the figures. Throws only when the setup itself fails. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const say = options.progress ?? (() => {});
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-load-'));
  const server: ApiServer = await startApiServer({
    objects: [namespace('default'), namespace('gamma-system'), service('echo-service'), service('echo-v1'), service('doomed'), policyConfigMap(policies[0] as string)],
    bookmarkIntervalMs: 1000,
  });
  const pairs = await Promise.all([temporaryCertificates(), temporaryCertificates(), temporaryCertificates()]);
  const certDir = path.join(dir, 'tls');
  const install = (pair: (typeof pairs)[number]) => {
    // The kubelet's atomic writer: new files under temporary names, then renames.
    writeFileSync(path.join(certDir, '.tls.key.new'), readFileSync(pair.keyFile));
    writeFileSync(path.join(certDir, '.tls.crt.new'), readFileSync(pair.certFile));
    renameSync(path.join(certDir, '.tls.key.new'), path.join(certDir, 'tls.key'));
    renameSync(path.join(certDir, '.tls.crt.new'), path.join(certDir, 'tls.crt'));
  };
  mkdirSync(certDir);
  install(pairs[0]);
  const kubeconfig = path.join(dir, 'kubeconfig');
  await server.writeKubeconfig(kubeconfig);

  // With the container image's V8 flags: the memory figures are those of the server as shipped.
  // The inspector (loopback, port chosen by the OS) lets the run force a full GC and read the
  // heap that survives it, without a debug endpoint in the product.
  const child = spawn(process.execPath, [
    ...imageNodeFlags(), '--inspect=127.0.0.1:0', path.join(root, 'src/cli/main.ts'), 'serve', '--port', '0', '--cluster', 'live', '--kubeconfig', kubeconfig,
    '--namespace', 'gamma-system', '--tls-cert', path.join(certDir, 'tls.crt'), '--tls-key', path.join(certDir, 'tls.key'),
    '--drain-delay', '1', '--shutdown-timeout', '10',
  ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: dir } });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 50));
  };
  let inspectorUrl: string | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(chunk.toString())?.[1];
    keep(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      keep(chunk);
      buffer += chunk.toString();
      const match = /Server listening at https:\/\/127\.0\.0\.1:(\d+)/.exec(buffer);
      if (match) {
        child.stdout.off('data', onData);
        // Keep draining the pipe (one log line per admission), remembering only the tail.
        child.stdout.on('data', keep);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${tail.join('\n')}`)));
  });
  const origin = `https://127.0.0.1:${port}`;
  const ca = pairs.map((p) => p.ca);
  const keepAlive = new Agent({ connect: { ca, servername: 'localhost' }, connections: options.clients });
  const fresh = new Agent({ connect: { ca, servername: 'localhost' } });
  const get = async (pathname: string) => {
    const response = await request(`${origin}${pathname}`, { dispatcher: keepAlive });
    return { status: response.statusCode, text: await response.body.text() };
  };

  const faults: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  const failureSamples: string[] = [];
  let requests = 0;
  let failures = 0;
  let routing = true;
  let draining = false;
  let requestsDuringDrain = 0;
  const fail = (what: string) => {
    failures += 1;
    if (failureSamples.length < 20) failureSamples.push(what);
  };

  try {
    for (let deadline = Date.now() + 30_000; (await get('/readyz').catch(() => ({ status: 0 }))).status !== 200;) {
      if (Date.now() > deadline) throw new Error(`serve never became ready: ${tail.join('\n')}`);
      await sleep(100);
    }

    const bodies = cases.map((c) => ({ ...c, text: (uid: string) => JSON.stringify(admissionReview({ object: c.object, uid })) }));
    const client = async (index: number) => {
      const dispatcher = index % 4 === 3 ? fresh : keepAlive;
      for (let n = 0; routing; n++) {
        const c = bodies[(index + n) % bodies.length] as (typeof bodies)[number];
        const uid = `load-${index}-${n}`;
        requests += 1;
        if (draining) requestsDuringDrain += 1;
        try {
          const response = await request(`${origin}/${c.door}`, {
            method: 'POST', body: c.text(uid), headers: { 'content-type': 'application/json' }, dispatcher, reset: dispatcher === fresh,
          });
          const text = await response.body.text();
          const problem = answerProblem(response.statusCode, text, uid, c.door);
          if (problem) fail(`${c.name}: ${problem}`);
          else if (response.statusCode !== 200 || !c.expect(JSON.parse(text).response)) fail(`${c.name}: wrong decision ${text.slice(0, 300)}`);
          else decisions[c.name] = (decisions[c.name] ?? 0) + 1;
        } catch (error) {
          fail(`${c.name}: ${String(error)}`);
        }
      }
    };

    const running = Array.from({ length: options.clients }, (_, i) => client(i));
    await sleep(Math.min(2000, options.durationMs / 5));
    const warmText = (await get('/metrics')).text;
    const rssBeforeBytes = metric(warmText, 'process_resident_memory_bytes');
    const heapBeforeBytes = metric(warmText, 'nodejs_heap_size_used_bytes');
    const liveHeapBeforeBytes = await liveHeap(inspectorUrl);
    say(`load: warm; RSS ${(rssBeforeBytes / 1048576).toFixed(1)} MB; heap after a full GC ${(liveHeapBeforeBytes / 1048576).toFixed(1)} MB; ${requests} requests so far`);

    const faultKinds: [string, () => void][] = [
      ['certificate rotation', () => install(pairs[1 + ((faults['certificate rotation'] ?? 0) % 2)] as (typeof pairs)[number])],
      ['policy ConfigMap change', () => server.apply(policyConfigMap(policies[((faults['policy ConfigMap change'] ?? 0) + 1) % 2] as string))],
      ['watches dropped', () => {
        server.dropWatches();
      }],
      ['list and watch errors (5xx)', () => {
        server.inject({ verb: 'watch', status: 500, times: 2 });
        server.inject({ verb: 'list', status: 503, times: 2 });
        server.dropWatches();
      }],
      ['compaction (410 Gone on resume)', () => {
        server.apply(service(`churn-${faults['compaction (410 Gone on resume)'] ?? 0}`));
        server.compact();
        server.dropWatches();
      }],
      ['Service churn', () => {
        const n = faults['Service churn'] ?? 0;
        server.apply(service(`churn-x${n}`));
        if (n > 0) server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: `churn-x${n - 1}` });
      }],
    ];
    const faultsEnd = Date.now() + options.durationMs;
    for (let i = 0; Date.now() < faultsEnd; i++) {
      const [kind, inject] = faultKinds[i % faultKinds.length] as [string, () => void];
      inject();
      faults[kind] = (faults[kind] ?? 0) + 1;
      await sleep(options.faultEveryMs);
    }
    server.clearInjections();
    say(`load: faults over (${JSON.stringify(faults)}); ${requests} requests, ${failures} failures`);

    // Re-synchronised: a Service created and one deleted after the last fault are seen by
    // admission (MR201 warns about a missing backend), and the process's cache holds exactly what the API server has.
    const faultsOver = Date.now();
    server.apply(service('late'));
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'doomed' });
    const probe = async (backend: string) => {
      const uid = `probe-${backend}-${Date.now()}`;
      const object = httpRoute('probe', { parentRefs: [{ group: '', kind: 'Service', name: 'echo-service' }], rules: [{ backendRefs: [{ name: backend, port: 80 }] }] });
      const response = await request(`${origin}/validate`, { method: 'POST', body: JSON.stringify(admissionReview({ object, uid })), headers: { 'content-type': 'application/json' }, dispatcher: keepAlive });
      const warnings = (JSON.parse(await response.body.text()) as { response: { warnings?: string[] } }).response.warnings ?? [];
      return warnings.some((w) => w.startsWith('MR201 '));
    };
    let resyncSeconds = Number.NaN;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const text = (await get('/metrics')).text;
      const counts = (['Service', 'HTTPRoute', 'Namespace'] as const).every((kind) => {
        const apiVersion = kind === 'HTTPRoute' ? `${gw}/v1` : 'v1';
        return metric(text, 'gamma_cache_objects', `kind="${kind}"`) === server.list(apiVersion, kind).length;
      });
      if (counts && !(await probe('late')) && (await probe('doomed'))) {
        resyncSeconds = (Date.now() - faultsOver) / 1000;
        break;
      }
    }
    const metricsText = (await get('/metrics')).text;
    const rssAfterBytes = metric(metricsText, 'process_resident_memory_bytes');
    const heapAfterBytes = metric(metricsText, 'nodejs_heap_size_used_bytes');
    const liveHeapAfterBytes = await liveHeap(inspectorUrl);

    // SIGTERM: readiness turns false at once; a poller stands in for the endpoints controller,
    // and the clients stop sending once the webhook is out of the endpoints.
    draining = true;
    child.kill('SIGTERM');
    for (;;) {
      const ready = await get('/readyz').then((r) => r.status === 200, () => false);
      if (!ready) break;
      await sleep(20);
    }
    routing = false;
    await Promise.all(running);
    const exitCode = await exited;
    say(`load: drained; exit ${exitCode}`);
    return {
      requests,
      failures,
      failureSamples,
      decisions,
      faults,
      rssBeforeBytes,
      rssAfterBytes,
      heapBeforeBytes,
      heapAfterBytes,
      liveHeapBeforeBytes,
      liveHeapAfterBytes,
      resyncSeconds,
      requestsDuringDrain,
      exitCode,
      certificateReloads: metric(metricsText, 'gamma_certificate_reloads_total', 'result="applied"'),
      policyReloads: metric(metricsText, 'gamma_policy_reloads_total', 'result="applied"'),
      watchRestarts: metric(metricsText, 'gamma_watch_restarts_total'),
    };
  } finally {
    routing = false;
    if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all([keepAlive.close(), fresh.close()]);
    await server.close();
  }
}

/**
 * The heap in use after a full garbage collection of the process behind `url` (its inspector's
 * WebSocket): HeapProfiler.collectGarbage, then process.memoryUsage() read in the process.
 */
async function liveHeap(url: string | undefined): Promise<number> {
  if (url === undefined) throw new Error('the webhook printed no inspector URL');
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error(`inspector ${url} refused the connection`)), { once: true });
  });
  let next = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<{ result?: { result?: { value?: unknown } } }>((resolve, reject) => {
      const id = ++next;
      const onMessage = (event: MessageEvent) => {
        const message = JSON.parse(String(event.data)) as { id?: number; error?: { message?: string } };
        if (message.id !== id) return;
        socket.removeEventListener('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message as { result?: { result?: { value?: unknown } } });
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const answer = await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
    const value = answer.result?.result?.value;
    if (typeof value !== 'number') throw new Error('the inspector answered no heap figure');
    return value;
  } finally {
    socket.close();
  }
}

/** The figures as the report prints them. */
export function formatFigures(figures: LoadFigures): string {
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  return [
    `requests sent: ${figures.requests} (${JSON.stringify(figures.decisions)}), ${figures.requestsDuringDrain} after SIGTERM`,
    `failed admissions: ${figures.failures}${figures.failureSamples.length ? `; first: ${figures.failureSamples.slice(0, 3).join(' | ')}` : ''}`,
    `faults injected: ${Object.entries(figures.faults).map(([k, v]) => `${k} x${v}`).join(', ')}`,
    `seen by the webhook: ${figures.certificateReloads} certificate reloads, ${figures.policyReloads} policy loads, ${figures.watchRestarts} watch restarts`,
    `RSS of the webhook: ${mb(figures.rssBeforeBytes)} after warm-up, ${mb(figures.rssAfterBytes)} after the load; heap used ${mb(figures.heapBeforeBytes)} and ${mb(figures.heapAfterBytes)}; after a full GC ${mb(figures.liveHeapBeforeBytes)} and ${mb(figures.liveHeapAfterBytes)}`,
    `cache re-synchronised ${figures.resyncSeconds.toFixed(1)} s after the last fault; SIGTERM drain exit code ${figures.exitCode}`,
  ].join('\n');
}
