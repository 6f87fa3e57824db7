/**
 * wrk (Debian's package) as the closed-loop load generator: written in C, one thread, it leaves
 * more of the 2 cores to the server under test than a Node client can, so throughput is the
 * server's and not the client's. Its latency histogram has microsecond resolution; a Lua `done`
 * hook prints the counts and the 50th, 99th and 99.9th percentiles as one JSON line.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load-result.ts';

/** True when `wrk` runs. */
function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its usage and exits 1 on --version: it is there all the same.
    return (error as { status?: unknown }).status === 1;
  }
}

/**
 * Makes wrk available: already on PATH, or installed from Debian's packages with apt-get (as root).
 * Returns false, having logged why, when it cannot be had; the caller then uses the Node client.
 */
export function ensureWrk(log: (line: string) => void): boolean {
  if (wrkAvailable()) return true;
  if (process.getuid?.() !== 0) {
    log('wrk is not installed and apt-get needs root: using the Node client');
    return false;
  }
  try {
    log('installing wrk: apt-get update && apt-get install -y wrk');
    execFileSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'ignore', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    log(`wrk could not be installed (${error instanceof Error ? error.message : String(error)}): using the Node client`);
    return false;
  }
  return wrkAvailable();
}

const doneHook = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%f,"p99":%f,"p999":%f,"max":%f}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
`;

function script(body: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-wrk-'));
  const bodyFile = path.join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  const file = path.join(dir, 'review.lua');
  writeFileSync(
    file,
    `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal f = io.open(${JSON.stringify(bodyFile)}, "rb")\nwrk.body = f:read("*a")\nf:close()\n${doneHook}`,
  );
  return file;
}

function run(args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrk failed: ${error.message} ${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * A closed-loop run: `connections` connections on one thread, `warmupMs` discarded (a separate
 * wrk run on fresh connections), then `durationMs` measured. Non-2xx answers and socket errors
 * count as errors; the answers' bodies are checked by the caller's probe, not here.
 */
export async function runWrk(options: { url: string; body: string; connections: number; warmupMs: number; durationMs: number }): Promise<LoadResult> {
  const file = script(options.body);
  const base = ['-t1', `-c${options.connections}`, '--timeout', '5s', '-s', file];
  if (options.warmupMs > 0) await run([...base, `-d${Math.max(1, Math.round(options.warmupMs / 1000))}s`, options.url], options.warmupMs + 30_000);
  const stdout = await run([...base, `-d${Math.max(1, Math.round(options.durationMs / 1000))}s`, options.url], options.durationMs + 30_000);
  const line = stdout.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (line === undefined) throw new Error(`wrk printed no result: ${stdout}`);
  const r = JSON.parse(line.slice('WRK_RESULT '.length)) as Record<string, number>;
  const n = (key: string) => r[key] ?? 0;
  const seconds = n('durationUs') / 1e6;
  const round = (us: number) => Math.round(us * 10) / 10;
  return {
    client: 'wrk',
    requests: n('requests'),
    errors: n('connect') + n('read') + n('write') + n('status') + n('timeout'),
    seconds,
    rps: Math.round(n('requests') / seconds),
    p50Us: round(n('p50')),
    p99Us: round(n('p99')),
    p999Us: round(n('p999')),
    maxUs: round(n('max')),
  };
}
