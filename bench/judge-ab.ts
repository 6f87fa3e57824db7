/**
 * The judge alone, this checkout against another one (a `git worktree` of an older commit, with
 * its own `npm ci`), in one process and in turns: A, B, A, B, ... so that other work on the
 * machine falls on both alike. Prints the median CPU µs per call of each, by route and door, and
 * their ratio. Usage: node bench/judge-ab.ts ../baseline [rounds]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureCore } from './core-timing.ts';

type Measure = typeof measureCore;

const other = process.argv[2];
if (other === undefined) {
  process.stderr.write('usage: node bench/judge-ab.ts OTHER_CHECKOUT [rounds]\n');
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 15);
const otherModule = (await import(pathToFileURL(path.resolve(other, 'bench', 'core-timing.ts')).href)) as { measureCore: Measure };
const size = { services: 10_000, routes: 2_000, namespaces: 100 };
const sides = { this: measureCore, other: otherModule.measureCore } as const;
const samples = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const [side, measure] of Object.entries(sides)) {
    for (const t of await measure(size, 5, 200)) {
      const key = `${side} ${t.route} ${t.door}`;
      samples.set(key, [...(samples.get(key) ?? []), t.medianUs]);
    }
  }
}
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
process.stdout.write(`| route and door | ${other} µs | this µs | this / other |\n|---|---:|---:|---:|\n`);
for (const [key, values] of samples) {
  if (!key.startsWith('this ')) continue;
  const row = key.slice('this '.length);
  const before = median(samples.get(`other ${row}`) ?? []);
  const after = median(values);
  process.stdout.write(`| ${row} | ${before} | ${after} | ${(after / before).toFixed(2)} |\n`);
}
