import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package bin, run as a user runs it: from a fresh copy of the package (what a clone holds,
 * no dist/), with the project's node_modules linked in as `npm ci` would leave them, and under a
 * PATH whose `node` is not Node.js 24. The launcher must find the pinned Node.js 24 itself.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
/** A directory whose `node` is the system's Node.js 20 (and which has npm and npx). */
const systemBin = '/usr/bin';
const systemNode = path.join(systemBin, 'node');
const hasOtherNode = existsSync(systemNode) && existsSync(path.join(systemBin, 'npx'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without npm's and the test runner's variables, with PATH led by the system's node. */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('npm_') || key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'NODE_PATH' || key === 'PATH') continue;
    env[key] = value;
  }
  env.PATH = `${systemBin}:/bin`;
  env.npm_config_update_notifier = 'false';
  env.npm_config_offline = 'true';
  env.npm_config_fund = 'false';
  return env;
}

/** How long one run may take: npx and two Node.js starts, slow on a busy machine. */
const RUN_TIMEOUT_MS = 60_000;

/** The test timeout for `runs` runs in a row: each may take its whole RUN_TIMEOUT_MS. */
function npxRuns(runs: number): number {
  return runs * RUN_TIMEOUT_MS + 5_000;
}

function run(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: plainEnv(), timeout: RUN_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: shop
spec:
  parentRefs:
  - group: gateway.networking.k8s.io
    kind: Service
    name: web
`;

describe.skipIf(!hasOtherNode)('the package bin', () => {
  let dir: string;
  let clone: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gamma-bin-'));
    clone = path.join(dir, 'clone');
    await mkdir(clone);
    for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'src', 'examples']) {
      await cp(path.join(root, entry), path.join(clone, entry), { recursive: true });
    }
    await symlink(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    await writeFile(path.join(clone, 'route.yaml'), route);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the plain-JavaScript launcher, shipped with the package', () => {
    expect(pkg.bin).toEqual({ 'gamma-webhook': 'bin/gamma-webhook.js', 'kubectl-gamma': 'bin/kubectl-gamma' });
    expect(pkg.files).toContain('bin');
    expect(pkg.files).toContain('dist/src');
  });

  it('the PATH of these runs has a node other than Node.js 24', async () => {
    const version = await run(systemNode, ['--version'], dir);
    expect(version.stdout).toMatch(/^v\d+\./);
    expect(version.stdout.startsWith('v24.')).toBe(false);
  });

  it('npx gamma-webhook lint FILE works in a fresh clone after npm ci, without a build', async () => {
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);
    const lint = await run(path.join(systemBin, 'npx'), ['gamma-webhook', 'lint', 'route.yaml'], clone);
    expect(lint.stdout).toContain(
      'route.yaml:8:5: warn MR101 spec.parentRefs[0]: set group "" (core Service); gateway.networking.k8s.io/Service does not exist (fixable with --fix) [HTTPRoute shop/web]\n',
    );
    expect(lint.stdout).toMatch(/\n1 route in 1 file: 0 denials, \d+ warnings\n$/);
    expect(lint.code).toBe(0);

    const denied = await run(path.join(systemBin, 'npx'), ['gamma-webhook', 'lint', '--strict', 'route.yaml'], clone);
    expect(denied.code).toBe(1);
  }, npxRuns(2));

  it('npx gamma-webhook --help and lint --help print the usage', async () => {
    const help = await run(path.join(systemBin, 'npx'), ['gamma-webhook', '--help'], clone);
    expect(help.stdout).toMatch(/^Usage: gamma-webhook <command> \[options\]\n/);
    expect(help.stdout).toContain('  lint    check route manifests');
    expect(help.code).toBe(0);
    const lintHelp = await run(path.join(systemBin, 'npx'), ['gamma-webhook', 'lint', '--help'], clone);
    expect(lintHelp.stdout).toContain('gamma-webhook lint');
    expect(lintHelp.code).toBe(0);
  }, npxRuns(2));

  it('the bin run directly by the other node works too, and passes the exit status on', async () => {
    const unknown = await run(systemNode, [path.join(clone, 'bin', 'gamma-webhook.js'), 'frobnicate'], clone);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.code).toBe(2);
  });

  it('in an installed package (dist/ only): the compiled entry, with the pinned Node.js 24 when this node is not 24', async () => {
    const installed = path.join(dir, 'installed');
    await mkdir(path.join(installed, 'dist', 'src', 'cli'), { recursive: true });
    await cp(path.join(root, 'bin'), path.join(installed, 'bin'), { recursive: true });
    await writeFile(path.join(installed, 'package.json'), '{"type": "module"}\n');
    await writeFile(
      path.join(installed, 'dist', 'src', 'cli', 'main.js'),
      'process.stdout.write(JSON.stringify({ node: process.versions.node, args: process.argv.slice(2) }));\n',
    );
    const bin = path.join(installed, 'bin', 'gamma-webhook.js');

    const without = await run(systemNode, [bin, 'lint', 'x.yaml'], installed);
    expect(without.stderr).toMatch(/^gamma-webhook needs Node\.js 24, and this is Node\.js \d+\.\d+\.\d+ .*npm ci/);
    expect(without.stdout).toBe('');
    expect(without.code).toBe(2);

    await symlink(path.join(root, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
    const pinned = await run(systemNode, [bin, 'lint', 'x.yaml'], installed);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ args: ['lint', 'x.yaml'] });
    expect((JSON.parse(pinned.stdout) as { node: string }).node).toMatch(/^24\./);
    expect(pinned.code).toBe(0);

    const current = await run(process.execPath, [bin, 'serve', '--help'], installed);
    expect(JSON.parse(current.stdout)).toEqual({ node: process.versions.node, args: ['serve', '--help'] });
  });
});
