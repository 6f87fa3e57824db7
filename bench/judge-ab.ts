/**
 * The judge alone, this checkout against another one (a `git worktree` of an older commit, with
 * its own `npm ci`): each side's `bench/core-timing.ts` runs in a fresh process, in turns (A, B, A,
 * B, ...) so that other work on the machine falls on both alike. Prints the median of each side's
 * CPU µs per call, by route and door, and their ratio.
 * Usage: node bench/judge-ab.ts ../baseline [runs]
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const other = process.argv[2];
if (other === undefined) {
  process.stderr.write('usage: node bench/judge-ab.ts OTHER_CHECKOUT [runs]\n');
  process.exit(2);
}
const runs = Number(process.argv[3] ?? 5);
const sides = { other: path.resolve(other), this: here } as const;

/** `1-rule validate: 12.3 µs CPU` lines of one core-timing run. */
function timings(checkout: string): Map<string, number> {
  const output = execFileSync(process.execPath, ['bench/core-timing.ts'], { cwd: checkout, encoding: 'utf8' });
  return new Map([...output.matchAll(/^(.+): ([\d.]+) µs CPU$/gm)].map(([, row, us]) => [row ?? '', Number(us)]));
}

const samples = new Map<string, number[]>();
for (let run = 0; run < runs; run++) {
  for (const [side, checkout] of Object.entries(sides)) {
    for (const [row, us] of timings(checkout)) samples.set(`${side} ${row}`, [...(samples.get(`${side} ${row}`) ?? []), us]);
  }
}
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
process.stdout.write(`| route and door | ${other} µs | this µs | this / other |\n|---|---:|---:|---:|\n`);
for (const [key, values] of samples) {
  if (!key.startsWith('this ')) continue;
  const row = key.slice('this '.length);
  const after = median(values);
  // A row the other checkout does not print (a new measure) has no ratio.
  const others = samples.get(`other ${row}`);
  if (others === undefined) process.stdout.write(`| ${row} | | ${after} | |\n`);
  else process.stdout.write(`| ${row} | ${median(others)} | ${after} | ${(after / median(others)).toFixed(2)} |\n`);
}
