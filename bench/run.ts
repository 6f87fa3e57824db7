/**
 * `npm run bench`: the whole benchmark (about three minutes), its tables written into BENCHMARKS.md
 * between the bench markers. Flags:
 *   --smoke          a few seconds: small cluster, short loads, the Node client (what CI runs)
 *   --json FILE      also write the report as JSON
 *   --no-write       do not touch BENCHMARKS.md
 *   --profile DIR    CPU-profile the webhook server (node --cpu-prof) into DIR and print where the time went
 *   --client undici  use the Node client for the closed loops too, instead of wrk
 *   --no-scale       skip the memory measurement with 50,000 Services and 10,000 routes
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench, writeJson } from './bench.ts';
import { formatSummary, newestProfile, summarizeProfile } from './profile.ts';
import { renderMarkdown, writeBenchmarks } from './report.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    json: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'string' },
    client: { type: 'string', default: 'auto' },
    'no-scale': { type: 'boolean', default: false },
  },
});
if (values.client !== 'auto' && values.client !== 'undici') {
  process.stderr.write('--client is auto or undici\n');
  process.exit(2);
}
const profileDir = values.profile === undefined ? undefined : path.resolve(values.profile);
if (profileDir) mkdirSync(profileDir, { recursive: true });
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const report = await runBench({ smoke: values.smoke, profileDir, client: values.client, scale: !values.smoke && !values['no-scale'], log });
const markdown = renderMarkdown(report);
process.stdout.write(`${markdown}\n`);
if (values.json) writeJson(values.json, report);
if (!values['no-write'] && !values.smoke && !profileDir) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md');
  writeBenchmarks(file, markdown);
  log(`tables written to ${file}`);
}
if (profileDir) {
  const file = newestProfile(profileDir);
  if (file) process.stdout.write(`\n${formatSummary(summarizeProfile(file))}\n`);
}
