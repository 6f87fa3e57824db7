/**
 * What the bench's Node load generators share: the result they report, the HDR histogram they
 * record latencies in (nanoseconds, 3 significant digits, so percentiles keep microsecond
 * resolution), and the way they run as a child process of the bench (one config message in, one
 * result message out, then exit).
 */
import * as hdr from 'hdr-histogram-js';
import { pathToFileURL } from 'node:url';

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

/** A latency histogram in nanoseconds, up to one minute. */
export function latencyHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: 3, bitBucketSize: 64 });
}

/** The result of a run of `seconds` from its counts and the histogram of its good answers. */
export function loadResult(client: LoadResult['client'], recorded: hdr.Histogram, counts: { requests: number; errors: number; seconds: number }): LoadResult {
  const micro = (nanoseconds: number) => Math.round(nanoseconds / 100) / 10;
  return {
    client,
    ...counts,
    rps: Math.round(counts.requests / counts.seconds),
    p50Us: micro(recorded.getValueAtPercentile(50)),
    p99Us: micro(recorded.getValueAtPercentile(99)),
    p999Us: micro(recorded.getValueAtPercentile(99.9)),
    maxUs: micro(recorded.maxValue),
  };
}

/**
 * When `moduleUrl` is the process's main module (the bench forked it; not when a test imports
 * it): takes one config message, answers `{type:'result', result}`, and exits.
 */
export function runAsChild<C>(moduleUrl: string, name: string, run: (config: C) => Promise<LoadResult>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  process.once('message', (config: C) => {
    run(config).then(
      (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
