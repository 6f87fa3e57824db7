/**
 * The bench's server compiled to JavaScript the way the container image's code is (`tsc` with
 * tsconfig.build.json), for the memory-at-scale phase. Run from TypeScript, Node strips the types
 * at load with a WebAssembly compiler (amaro) that stays resident: about 20 MB of RSS the image,
 * which runs `dist/`, never pays. The output goes under node_modules/.cache, so that the compiled
 * files resolve the project's dependencies as dist/ does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Compiles src/ and bench/server.ts; returns the absolute path of the compiled server script. Throws when tsc fails. */
export function compileBenchServer(): string {
  const out = path.join(root, 'node_modules', '.cache', 'gamma-bench');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const config = path.join(out, 'tsconfig.json');
  writeFileSync(config, JSON.stringify({
    extends: path.join(root, 'tsconfig.build.json'),
    compilerOptions: { outDir: path.join(out, 'js'), rootDir: root, sourceMap: false, declaration: false },
    include: [path.join(root, 'src'), path.join(root, 'bench', 'server.ts')],
  }));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', config], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  return path.join(out, 'js', 'bench', 'server.js');
}
