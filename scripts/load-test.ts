/**
 * The long load run under faults (`npm run test:load`): the same run as the short test in
 * test/reliability/load.slow.test.ts, for three minutes by default, on 127.0.0.1 only; it stops by
 * itself. `node scripts/load-test.ts [seconds]`. Prints the figures; exits 1 on any failed
 * admission, an unclean drain, a cache that did not re-synchronise, or RSS that grew more than
 * 1.5 times plus 64 MB.
 */
import { formatFigures, runLoad } from '../test/reliability/load-run.ts';

const seconds = Number(process.argv[2] ?? 180);
if (!Number.isFinite(seconds) || seconds < 5 || seconds > 900) {
  console.error('usage: node scripts/load-test.ts [seconds, 5 to 900; default 180]');
  process.exit(2);
}
const figures = await runLoad({ durationMs: seconds * 1000, clients: 8, faultEveryMs: 2000, progress: (line) => console.log(line) });
console.log(formatFigures(figures));
const ok =
  figures.failures === 0 &&
  figures.exitCode === 0 &&
  Number.isFinite(figures.resyncSeconds) &&
  figures.rssAfterBytes < figures.rssBeforeBytes * 1.5 + 64 * 1024 * 1024;
console.log(ok ? 'load run: passed' : 'load run: FAILED');
process.exit(ok ? 0 : 1);
