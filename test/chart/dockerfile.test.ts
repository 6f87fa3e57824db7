import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { imageNodeFlags } from '../../bench/node-flags.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** One Dockerfile instruction: continuation lines joined, comments and parser directives dropped. */
interface Instruction { op: string; args: string }
interface Stage { name: string; from: string; body: Instruction[] }

function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) { pending += `${line.slice(0, -1)} `; continue; }
    const full = (pending + line).trim();
    pending = '';
    const [op = '', ...rest] = full.split(/\s+/);
    out.push({ op: op.toUpperCase(), args: rest.join(' ') });
  }
  return out;
}

function stages(list: Instruction[]): { args: Record<string, string>; stages: Stage[] } {
  const args: Record<string, string> = {};
  const result: Stage[] = [];
  for (const ins of list) {
    if (ins.op === 'ARG' && result.length === 0) {
      const [name = '', value = ''] = ins.args.split('=');
      args[name] = value;
    } else if (ins.op === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      const from = (m?.[1] ?? '').replace(/^\$\{(\w+)\}$/, (_, name: string) => args[name] ?? '');
      result.push({ name: m?.[2] ?? String(result.length), from, body: [] });
    } else {
      result.at(-1)?.body.push(ins);
    }
  }
  return { args, stages: result };
}

/** .dockerignore semantics: patterns in order, the last match wins, `!` re-includes. */
function dockerignored(patterns: string[], file: string): boolean {
  let ignored = false;
  for (const pattern of patterns) {
    const negate = pattern.startsWith('!');
    const glob = negate ? pattern.slice(1) : pattern;
    const source = glob.split(/(\*\*\/?|\*|\?)/).map((part) => {
      if (part === '**' || part === '**/') return part === '**/' ? '(?:.*/)?' : '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }).join('');
    if (new RegExp(`^${source}(?:/.*)?$`).test(file)) ignored = !negate;
  }
  return ignored;
}

const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const parsed = stages(instructions(dockerfile));
const ignorePatterns = readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string>;
};
const stage = (name: string): Stage => {
  const found = parsed.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
const runs = (s: Stage) => s.body.filter((i) => i.op === 'RUN').map((i) => i.args);

describe('Dockerfile', () => {
  it('three stages: build and prod-deps on Node.js 24, runtime on distroless Node.js 24', () => {
    expect(parsed.stages.map((s) => s.name)).toEqual(['build', 'prod-deps', 'runtime']);
    expect(stage('build').from).toMatch(/^node:24-/);
    expect(stage('prod-deps').from).toBe(stage('build').from);
    expect(stage('runtime').from).toMatch(/^gcr\.io\/distroless\/nodejs24-debian\d+:nonroot$/);
  });

  it('build compiles with the full tree; prod-deps installs production dependencies only', () => {
    expect(runs(stage('build'))).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json');
    expect(runs(stage('prod-deps'))).toEqual(['npm ci --omit=dev --ignore-scripts --no-audit --no-fund']);
    // The pinned Node.js binary is a devDependency, so --omit=dev leaves it out.
    expect(pkg.devDependencies).toHaveProperty('node');
    expect(pkg.dependencies).not.toHaveProperty('node');
    expect(pkg.dependencies).not.toHaveProperty('typescript');
  });

  it('runtime: no shell needed, compiled output and production node_modules only', () => {
    const runtime = stage('runtime');
    expect(runtime.body.filter((i) => ['RUN', 'ADD'].includes(i.op))).toEqual([]);
    const copies = runtime.body.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copies).toEqual([
      'package.json ./',
      '--from=prod-deps /app/node_modules ./node_modules',
      '--from=build /app/dist/src ./dist/src',
    ]);
    const build = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { outDir: string; rootDir: string }; include: string[] };
    expect(build.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
    expect(build.include).toEqual(['src']);
  });

  it('runs as a numeric non-root user', () => {
    const users = stage('runtime').body.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users).toHaveLength(1);
    const [uid, gid] = (users[0] ?? '').split(':').map(Number);
    expect(uid).toBe(65532);
    expect(gid).toBe(65532);
  });

  it('the entrypoint is the compiled entry the package bin runs in an installed package, with serve, in exec form', () => {
    const entry = stage('runtime').body.filter((i) => i.op === 'ENTRYPOINT');
    expect(entry).toHaveLength(1);
    const argv = JSON.parse(entry[0]?.args ?? '') as string[];
    // The image runs the compiled entry directly (its node is Node.js 24), so the V8 flags reach the server process.
    expect(argv).toEqual(['/nodejs/bin/node', ...imageNodeFlags(), 'dist/src/cli/main.js', 'serve']);
    const launcher = readFileSync(path.join(root, pkg.bin['gamma-webhook'] ?? ''), 'utf8');
    expect(launcher).toContain("path.join(root, 'dist', 'src', 'cli', 'main.js')");
    expect(stage('runtime').body.find((i) => i.op === 'WORKDIR')?.args).toBe('/app');
  });

  it('sizes the young generation explicitly, and the bench reads the same flags', () => {
    // Without it V8 sizes semi-spaces from the memory it sees: 64 MB each on a large node
    // without a limit, which alone put the server above 200 MB of RSS (BENCHMARKS.md).
    expect(imageNodeFlags()).toEqual(['--max-semi-space-size=16']);
    expect(imageNodeFlags('FROM x\nENTRYPOINT ["/nodejs/bin/node", "--a=1", "--b", "main.js", "--c"]\n')).toEqual(['--a=1', '--b']);
    expect(() => imageNodeFlags('FROM x\nENTRYPOINT node main.js\n')).toThrow();
  });
});

describe('.dockerignore', () => {
  const sent = (f: string) => !dockerignored(ignorePatterns, f);

  it('lets in every file the build stages copy', () => {
    const sources = parsed.stages.flatMap((s) => s.body)
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.sort()).toEqual(['package-lock.json', 'package-lock.json', 'package.json', 'package.json', 'package.json', 'src', 'tsconfig.build.json', 'tsconfig.json']);
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src/cli/main.ts', 'src/core/policy-schema.ts']) {
      expect(sent(f), f).toBe(true);
    }
  });

  it('keeps out local state, tests, certificates and secrets', () => {
    for (const f of ['node_modules/fastify/package.json', 'dist/src/cli/main.js', '.git/HEAD', '.tools/helm-2.2.2/helm', 'certs/server.key',
      'test/chart/render.test.ts', 'charts/gamma-webhook/values.yaml', '.env', 'src/server/dev.pem', 'src/x/.DS_Store', 'coverage/index.html']) {
      expect(sent(f), f).toBe(false);
    }
  });
});
