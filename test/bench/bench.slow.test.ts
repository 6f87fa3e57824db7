/**
 * The benchmark's smoke run (`runBench({ smoke: true })`): a few seconds against a small cluster,
 * with every server and load generator in its own process. Not a timed assertion: it checks that
 * the bench runs end to end, that every request was answered correctly, that the report has the
 * shape BENCHMARKS.md is written from (ratios to the baseline included), and that admissions made
 * no API server call.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBench, type BenchReport, type PhaseResult } from '../../bench/bench.ts';
import { beginMarker, endMarker, renderMarkdown, writeBenchmarks } from '../../bench/report.ts';

const loadShape = {
  requests: expect.any(Number) as unknown,
  errors: 0,
  rps: expect.any(Number) as unknown,
  p50Us: expect.any(Number) as unknown,
  p99Us: expect.any(Number) as unknown,
  p999Us: expect.any(Number) as unknown,
};

const ratioShape = {
  rps: expect.any(Number) as unknown,
  p50: expect.any(Number) as unknown,
  p99: expect.any(Number) as unknown,
  p999: expect.any(Number) as unknown,
  cpuPerRequest: expect.any(Number) as unknown,
};

function rows(phases: readonly PhaseResult[]) {
  return phases.map((p) => `${p.server} ${p.door} ${p.route}`);
}

describe('npm run bench -- --smoke', () => {
  let report: BenchReport;
  beforeAll(async () => {
    report = await runBench({ smoke: true });
  }, 120_000);

  it('measures the baseline and both doors of the real server on both routes', () => {
    const expected = [
      'baseline validate 1-rule',
      'webhook validate 1-rule',
      'webhook mutate 1-rule',
      'baseline validate 16-rule',
      'webhook validate 16-rule',
      'webhook mutate 16-rule',
    ];
    expect(rows(report.closedLoop)).toEqual(expected);
    expect(rows(report.fixedRate)).toEqual(expected);
  });

  it('merges the rounds of each load into its row: requests and seconds added up', () => {
    for (const phase of [...report.closedLoop, ...report.fixedRate]) {
      expect(phase.rounds.length).toBeGreaterThan(0);
      expect(phase.result.requests).toBe(phase.rounds.reduce((n, r) => n + r.result.requests, 0));
      expect(phase.result.seconds).toBeCloseTo(phase.rounds.reduce((n, r) => n + r.result.seconds, 0));
    }
  });

  it('answered every request, without errors', () => {
    for (const phase of [...report.closedLoop, ...report.fixedRate]) {
      expect(phase.result, `${phase.server} ${phase.door} ${phase.route}`).toMatchObject(loadShape);
      expect(phase.result.requests).toBeGreaterThan(0);
      expect(phase.result.p50Us).toBeGreaterThan(0);
      expect(phase.result.p999Us).toBeGreaterThanOrEqual(phase.result.p99Us);
      expect(phase.result.p99Us).toBeGreaterThanOrEqual(phase.result.p50Us);
      expect(phase.cpu.serverUsPerRequest).toBeGreaterThan(0);
    }
  });

  it('gives every webhook row its ratios to the baseline, and the baseline none', () => {
    for (const phase of [...report.closedLoop, ...report.fixedRate]) {
      if (phase.server === 'baseline') expect(phase.ratio).toBeUndefined();
      else expect(phase.ratio).toEqual(ratioShape);
    }
    expect(report.fixedRate.every((p) => p.rate !== undefined && p.result.maxLagUs !== undefined)).toBe(true);
  });

  it('made no API server call while admitting, over the live view', () => {
    expect(report.view).toMatch(/^live/);
    expect(report.apiCalls.admissions).toBeGreaterThan(0);
    expect(report.apiCalls).toMatchObject({ total: 0, perAdmission: 0 });
  });

  it('times the judge alone for both routes and doors', () => {
    expect(report.core.map((c) => `${c.route} ${c.door}`)).toEqual(['1-rule validate', '1-rule mutate', '16-rule validate', '16-rule mutate']);
    for (const timing of report.core) expect(timing.medianUs).toBeGreaterThan(0);
  });

  it('reports the machine and the servers memory', () => {
    expect(report.machine).toMatchObject({ cores: expect.any(Number) as unknown, node: process.version });
    for (const stats of [report.memory.baseline, report.memory.webhook]) {
      expect(stats.rss).toBeGreaterThan(0);
      expect(stats.rssMax).toBeGreaterThanOrEqual(stats.rss);
      expect(stats.heapUsed).toBeGreaterThan(0);
    }
  });

  it('renders the tables BENCHMARKS.md is written from', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| server | route | body bytes | req/s | vs baseline | p50 | p99 | p99.9 |');
    expect(markdown).toContain('| /validate | 16-rule |');
    expect(markdown).toContain(report.machine.cpu);
  });
});

describe('writeBenchmarks', () => {
  it('replaces the block between the markers and keeps the notes around it', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-benchmd-')), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\nbefore\n\n${beginMarker}\nold table\n${endMarker}\n\nafter\n`);
    writeBenchmarks(file, 'new table');
    expect(readFileSync(file, 'utf8')).toBe(`# Benchmarks\n\nbefore\n\n${beginMarker}\nnew table\n${endMarker}\n\nafter\n`);
  });

  it('appends the block when the file has no markers', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gamma-benchmd-')), 'BENCHMARKS.md');
    writeFileSync(file, '# Benchmarks\n\nnotes\n');
    writeBenchmarks(file, 'table');
    expect(readFileSync(file, 'utf8')).toBe(`# Benchmarks\n\nnotes\n\n${beginMarker}\ntable\n${endMarker}\n`);
  });
});
