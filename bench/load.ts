/**
 * The Node closed-loop load generator (the smoke run's, and `--client undici`), run as its own
 * process (the server under test has its own event loop and cores to itself as far as 2 cores
 * allow). HTTPS keep-alive through an undici Pool, `connections` requests in flight at all times;
 * each request's latency is taken with `process.hrtime.bigint()` from just before it is handed to
 * the pool to the end of its body, and recorded in nanoseconds in an HDR histogram (3 significant
 * digits), so percentiles keep microsecond resolution. The fixed-rate runs use `fixed-rate.ts`.
 *
 * Requests finishing during `warmupMs` are not recorded. An answer counts as an error unless it is
 * HTTP 200 with `"allowed":true` in its body. Receives one `LoadConfig` message, answers one
 * `{type:'result', result}` message, and exits.
 */
import { Pool } from 'undici';
import { latencyHistogram, loadResult, runAsChild, type LoadResult } from './load-result.ts';

/** One load run against one door; `connections` are kept busy (closed loop) or available (fixed rate). */
export interface LoadConfig {
  readonly origin: string;
  /** PEM of the CA that signed the server's certificate. */
  readonly ca: string;
  readonly path: string;
  readonly body: string;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

/** Runs one load and returns what it measured. */
async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const pool = new Pool(config.origin, { connections: config.connections, pipelining: 1, connect: { ca: config.ca } });
  const recorded = latencyHistogram();
  const started = performance.now();
  const measureFrom = started + config.warmupMs;
  const end = measureFrom + config.durationMs;
  let requests = 0;
  let errors = 0;
  const send = async (): Promise<void> => {
    const t0 = process.hrtime.bigint();
    let ok: boolean;
    try {
      const response = await pool.request({
        path: config.path,
        method: 'POST',
        body: config.body,
        headers: { 'content-type': 'application/json' },
      });
      const text = await response.body.text();
      ok = response.statusCode === 200 && text.includes('"allowed":true');
    } catch {
      ok = false;
    }
    const elapsed = Number(process.hrtime.bigint() - t0);
    if (performance.now() < measureFrom) return;
    requests += 1;
    if (ok) recorded.recordValue(elapsed);
    else errors += 1;
  };
  const loop = async () => {
    while (performance.now() < end) await send();
  };
  await Promise.all(Array.from({ length: config.connections }, loop));
  await pool.close();
  return loadResult('undici', recorded, { requests, errors, seconds: config.durationMs / 1000 });
}

runAsChild(import.meta.url, 'load', runLoad);
