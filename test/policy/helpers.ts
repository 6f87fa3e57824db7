import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';
import { createMetrics, type Metrics } from '../../src/metrics.ts';

/** A pino logger whose JSON lines are kept in `lines`, parsed. */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

/** Metrics on a registry of their own, without process metrics. */
export function testMetrics(): Metrics {
  return createMetrics(new Registry(), { processMetrics: false });
}

/** `policyReloads` by result, e.g. `{applied: 2, invalid: 1}`. */
export async function reloadCounts(metrics: Metrics): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { labels, value } of (await metrics.policyReloads.get()).values) out[String(labels.result)] = value;
  return out;
}

/** The `policyInfo` series set to 1, as `source/hash`. */
export async function policyInfo(metrics: Metrics): Promise<string[]> {
  return (await metrics.policyInfo.get()).values.filter((v) => v.value === 1).map((v) => `${String(v.labels.source)}/${String(v.labels.hash)}`);
}
