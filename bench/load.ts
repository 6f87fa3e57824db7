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
import * as hdr from 'hdr-histogram-js';
import { Pool } from 'undici';

/** One load run against one door. */
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

/** What one run measured. Latencies in microseconds. */
export interface LoadResult {
  readonly client: 'undici' | 'wrk' | 'fixed-rate';
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly p999Us: number;
  readonly maxUs: number;
  /** Fixed rate only: the largest delay between a request's scheduled and actual send. */
  readonly maxLagUs?: number;
}

function histogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: 3, bitBucketSize: 64 });
}

/** Runs one load and returns what it measured. */
export async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const pool = new Pool(config.origin, { connections: config.connections, pipelining: 1, connect: { ca: config.ca } });
  const recorded = histogram();
  const started = performance.now();
  const measureFrom = started + config.warmupMs;
  const end = measureFrom + config.durationMs;
  let requests = 0;
  let errors = 0;
  const send = async (): Promise<void> => {
    const t0 = process.hrtime.bigint();
    let ok = false;
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
  const seconds = config.durationMs / 1000;
  await pool.close();
  const micro = (percentile: number) => Math.round(recorded.getValueAtPercentile(percentile) / 100) / 10;
  return {
    client: 'undici',
    requests,
    errors,
    seconds,
    rps: Math.round(requests / seconds),
    p50Us: micro(50),
    p99Us: micro(99),
    p999Us: micro(99.9),
    maxUs: Math.round(recorded.maxValue / 100) / 10,
  };
}

process.once('message', (config: LoadConfig) => {
  runLoad(config).then(
    (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`bench load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
});
