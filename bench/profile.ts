/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and tells where the time went: self time by
 * function and by place (our folders under src/, each package under node_modules, Node's own
 * code, garbage collection, idle). Used by `npm run bench -- --profile DIR` and on its own:
 * `node bench/profile.ts FILE.cpuprofile`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time, as a share of the profile's samples, of the heaviest functions and places. */
export interface ProfileSummary {
  readonly file: string;
  readonly seconds: number;
  readonly functions: readonly { readonly name: string; readonly share: number }[];
  readonly places: readonly { readonly name: string; readonly share: number }[];
}

function place(url: string, functionName: string): string {
  if (functionName === '(idle)' || functionName === '(garbage collector)' || functionName === '(program)') return functionName;
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1).split('/').slice(0, 2).join('/');
  return url;
}

/** Summarises one profile; `top` functions and places by self time. */
export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length || 1;
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, count] of hits) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url === '' ? '' : ` ${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'}${where}`;
    functions.set(key, (functions.get(key) ?? 0) + count);
    const p = place(url, functionName);
    places.set(p, (places.get(p) ?? 0) + count);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, share: Math.round((count / total) * 1000) / 10 }));
  return { file, seconds: (profile.endTime - profile.startTime) / 1e6, functions: rank(functions), places: rank(places) };
}

/** The newest `.cpuprofile` in a directory. */
export function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  const last = files.at(-1);
  return last === undefined ? undefined : path.join(dir, last);
}

/** The summary as text, one `share%  name` line each. */
export function formatSummary(summary: ProfileSummary): string {
  return [
    `${summary.file}: ${summary.seconds.toFixed(1)} s`,
    'self time by place:',
    ...summary.places.map((p) => `  ${p.share.toFixed(1).padStart(5)}%  ${p.name}`),
    'self time by function:',
    ...summary.functions.map((f) => `  ${f.share.toFixed(1).padStart(5)}%  ${f.name}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('usage: node bench/profile.ts FILE.cpuprofile\n');
    process.exit(2);
  }
  process.stdout.write(`${formatSummary(summarizeProfile(file, 40))}\n`);
}
