/**
 * The bench report as Markdown, and its place in BENCHMARKS.md: between the `bench:begin` and
 * `bench:end` markers, so the hand-written notes around it (profile, changes) survive each run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchReport, PhaseResult } from './bench.ts';
import type { ServerStats } from './server.ts';

export const beginMarker = '<!-- bench:begin (written by npm run bench; edits here are overwritten) -->';
export const endMarker = '<!-- bench:end -->';

const mib = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const us = (value: number) => value.toFixed(1);
const x = (value: number | undefined) => (value === undefined ? '' : `${value.toFixed(2)}x`);

function name(phase: PhaseResult): string {
  return phase.server === 'baseline' ? 'baseline (allowed only)' : `/${phase.door}`;
}

function cpuCells(p: PhaseResult): string {
  return `${us(p.cpu.serverUsPerRequest)} | ${x(p.ratio?.cpuPerRequest)} | ${p.cpu.serverPct}% | ${p.cpu.machineBusyPct}%`;
}

function closedRow(p: PhaseResult): string {
  const r = p.result;
  return `| ${name(p)} | ${p.route} | ${p.bodyBytes} | ${r.rps} | ${x(p.ratio?.rps)} | ${us(r.p50Us)} | ${us(r.p99Us)} | ${us(r.p999Us)} | ${x(p.ratio?.p99)} | ${cpuCells(p)} | ${r.requests} | ${r.errors} |`;
}

function fixedRow(p: PhaseResult): string {
  const r = p.result;
  return `| ${name(p)} | ${p.route} | ${p.rate} | ${r.rps} | ${us(r.p50Us)} | ${us(r.p99Us)} | ${us(r.p999Us)} | ${x(p.ratio?.p99)} | ${r.maxLagUs ?? ''} | ${cpuCells(p)} | ${r.errors} |`;
}

function memory(label: string, s: ServerStats): string {
  return `| ${label} | ${mib(s.rss)} | ${mib(s.rssMax)} | ${mib(s.heapUsed)} | ${mib(s.heapTotal)} |`;
}

function pass(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

/** The Markdown tables of one report, with the targets checked against what was measured. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const validate = report.closedLoop.filter((p) => p.server === 'webhook' && p.door === 'validate');
  const worstValidate = Math.min(...validate.map((p) => p.ratio?.rps ?? 0));
  const rated = report.fixedRate.filter((p) => p.server === 'webhook');
  const worstP99 = Math.max(...rated.map((p) => p.result.p99Us));
  const lines = [
    `Run ${report.startedAt} (${report.mode} mode) on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, Linux ${m.kernel}; 1-minute load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end${m.loadAverage.start > 0.5 ? ' (other processes were using the machine: read throughput and latency with that in mind; CPU per request is much less affected)' : ''}.`,
    `Closed-loop client: ${report.client === 'wrk' ? 'wrk 4.1 (Debian), 1 thread' : 'undici Pool + HDR histogram (Node)'}, ${report.closedLoop[0]?.connections ?? ''} keep-alive HTTPS connections, its own process; fixed rate: HTTP/1.1 written by hand on kept-alive TLS sockets + HDR histogram (bench/fixed-rate.ts), its own process.`,
    `Server processes (baseline and webhook) run with the container image's Node flags: ${report.nodeFlags.length === 0 ? 'none' : report.nodeFlags.join(' ')}. Both are up at once; each load ran ${report.closedLoop[0]?.rounds.length ?? 0} time(s), the baseline's and the webhook's in turn (req/s: all rounds; latency: the median round's percentiles; CPU per request: all rounds).`,
    `Cluster view: ${report.view}, ${report.cluster.services} Services, ${report.cluster.routes} routes, ${report.cluster.namespaces} namespaces, synced in ${Math.round(report.syncMs)} ms.`,
    '',
    '**Targets**',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| /validate throughput >= 80% of the baseline (same run, same body) | ${(worstValidate * 100).toFixed(1)}% (worst route) | ${pass(worstValidate >= 0.8)} |`,
    `| p99 <= 1 ms at ${report.fixedRate[0]?.rate ?? ''} requests/s | ${us(worstP99)} µs (worst door and route) | ${pass(worstP99 <= 1000)} |`,
    report.scale
      ? `| RSS <= 200 MB with ${report.scale.services} Services and ${report.scale.routes} routes cached | ${mib(report.scale.afterLoad.rssMax)} peak (${mib(report.scale.afterSync.rss)} after sync; the same server over ${report.scale.floor.services} Services: ${mib(report.scale.floor.afterLoad.rssMax)} peak) | ${pass(report.scale.afterLoad.rssMax <= 200 * 1000 * 1000)} |`
      : '| RSS <= 200 MB at 50,000 Services and 10,000 routes | not measured in smoke mode | |',
    `| API server calls per admission in the steady state = 0 | ${report.apiCalls.perAdmission} (${report.apiCalls.total} calls in ${report.apiCalls.admissions} admissions; ${report.apiCalls.watches} background watch re-opens) | ${pass(report.apiCalls.total === 0)} |`,
    '',
    '**Closed loop** (saturation; latency in µs)',
    '',
    '| server | route | body bytes | req/s | vs baseline | p50 | p99 | p99.9 | p99 vs baseline | server CPU µs/req | vs baseline | server CPU | machine busy | requests | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.closedLoop.map(closedRow),
    '',
    `**Fixed rate** (open loop; latency in µs; max lag = how late the client sent, in µs)`,
    '',
    '| server | route | rate | req/s | p50 | p99 | p99.9 | p99 vs baseline | max lag | server CPU µs/req | vs baseline | server CPU | machine busy | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.fixedRate.map(fixedRow),
    '',
    `**Server memory** (end of its phases; peak sampled every 100 ms${report.scale ? `; the ${report.scale.floor.services}- and ${report.scale.services}-Service rows are the server compiled to JavaScript as the image runs it, the others run from TypeScript, which Node's type stripping makes about 20 MB larger` : ''})`,
    '',
    '| server | RSS | peak RSS | heap used | heap total |',
    '| --- | ---: | ---: | ---: | ---: |',
    memory('baseline', report.memory.baseline),
    memory(`webhook, ${report.cluster.services} Services / ${report.cluster.routes} routes`, report.memory.webhook),
    ...(report.scale
      ? [
          memory(`webhook, ${report.scale.floor.services} Services / ${report.scale.floor.routes} routes (the fixed cost), after sync`, report.scale.floor.afterSync),
          memory(`webhook, ${report.scale.floor.services} Services / ${report.scale.floor.routes} routes (the fixed cost), after load`, report.scale.floor.afterLoad),
          memory(`webhook, ${report.scale.services} Services / ${report.scale.routes} routes, after sync (${Math.round(report.scale.syncMs)} ms)`, report.scale.afterSync),
          memory(`webhook, ${report.scale.services} Services / ${report.scale.routes} routes, after load`, report.scale.afterLoad),
        ]
      : []),
    '',
    '**The judge alone** (in process, no HTTP: referencedServices + evaluate + decide over a static view of the same cluster; median CPU µs per call)',
    '',
    '| route | /validate | /mutate |',
    '| --- | ---: | ---: |',
    ...(['1-rule', '16-rule'] as const).map((route) => {
      const at = (door: string) => report.core.find((c) => c.route === route && c.door === door)?.medianUs ?? 0;
      return `| ${route} | ${us(at('validate'))} | ${us(at('mutate'))} |`;
    }),
    '',
    `API server calls during the admission phases, by verb: ${JSON.stringify(report.apiCalls.byVerb)}.`,
  ];
  return lines.join('\n');
}

/** Puts `markdown` between the markers of `file` (appending the markers when absent). */
export function writeBenchmarks(file: string, markdown: string): void {
  const block = `${beginMarker}\n${markdown}\n${endMarker}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf(beginMarker);
  const end = current.indexOf(endMarker);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + endMarker.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
