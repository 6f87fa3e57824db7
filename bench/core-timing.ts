/**
 * The judge's own cost, in process, without HTTP or TLS: CPU microseconds (user + system, from
 * `process.cpuUsage`, so other processes on a busy machine do not inflate it) per call of the
 * admission judge (referencedServices, evaluate, decide) on the bench's routes over a static view
 * of the bench cluster. Used to compare before and after a change to the core. Run as a command,
 * it also prints the cost of building one Service port's routing table of 200 rules
 * (`routing-timing.ts`).
 */
import { createJudge } from '../src/admission/judge.ts';
import { compile } from '../src/core/compile.ts';
import { ruleCatalog } from '../src/rules/index.ts';
import { staticView } from '../src/cluster/static-view.ts';
import type { EvaluationRequest } from '../src/core/types.ts';
import { defaultPolicy } from '../src/policy/defaults.ts';
import { clusterObjects, reviewBodies, type ClusterSize } from './fixtures.ts';
import { measureRoutingTable } from './routing-timing.ts';

/** Median CPU microseconds per judged request, by route and door. */
export interface CoreTiming {
  readonly route: '1-rule' | '16-rule';
  readonly door: 'validate' | 'mutate';
  readonly medianUs: number;
}

function toRequest(body: string): EvaluationRequest {
  const { request } = JSON.parse(body) as { request: { namespace: string; object: unknown } };
  return { kind: 'HTTPRoute', operation: 'CREATE', namespace: request.namespace, object: request.object };
}

/** Times `rounds` batches of `batch` calls each and keeps the median batch. */
export async function measureCore(size: ClusterSize, rounds = 30, batch = 200): Promise<CoreTiming[]> {
  const view = staticView(clusterObjects(size));
  const compiled = compile(defaultPolicy, ruleCatalog);
  const judge = createJudge({ view, resolver: { resolveServices: () => undefined }, policy: () => compiled });
  const bodies = reviewBodies();
  const out: CoreTiming[] = [];
  // Warm every route and door up first: otherwise the first rows measured would include the
  // JIT compiling the judge, and the comparison of two checkouts would weigh their code size.
  for (const pair of [bodies.small, bodies.large]) {
    for (const door of ['validate', 'mutate'] as const) {
      const request = toRequest(pair[door]);
      for (let i = 0; i < rounds * batch; i++) await judge(request, door);
    }
  }
  for (const [route, pair] of [['1-rule', bodies.small], ['16-rule', bodies.large]] as const) {
    for (const door of ['validate', 'mutate'] as const) {
      const request = toRequest(pair[door]);
      const samples: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const started = process.cpuUsage();
        for (let i = 0; i < batch; i++) await judge(request, door);
        const used = process.cpuUsage(started);
        samples.push((used.user + used.system) / batch);
      }
      samples.sort((a, b) => a - b);
      out.push({ route, door, medianUs: Math.round((samples[Math.floor(samples.length / 2)] ?? 0) * 10) / 10 });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const t of await measureCore({ services: 10_000, routes: 2_000, namespaces: 100 })) {
    process.stdout.write(`${t.route} ${t.door}: ${t.medianUs} µs CPU\n`);
  }
  process.stdout.write(`routing table 200 rules: ${measureRoutingTable(200)} µs CPU\n`);
}
