import { mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { startPolicyFile, type PolicyFileSource } from '../../src/policy/file-source.ts';
import { PolicyStore } from '../../src/policy/store.ts';
import { captureLogger, reloadCounts, testMetrics } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(initial: string | undefined, intervalMs = 10) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-policy-'));
  const file = path.join(dir, 'policy.yaml');
  if (initial !== undefined) writeFileSync(file, initial);
  const { logger, lines } = captureLogger();
  const metrics = testMetrics();
  const store = new PolicyStore({ logger, metrics });
  const source: PolicyFileSource = startPolicyFile({ store, path: file, logger, intervalMs });
  cleanups.push(() => {
    source.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, file, store, source, lines, metrics };
}

/** Replaces the file the way editors and `kubectl cp` do: write aside, then rename over it. */
function replace(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

describe('startPolicyFile', () => {
  it('loads the file before returning, so serving starts with it', () => {
    const { store, source } = setup('mode: warn\n', 0);
    expect(source.initial.outcome).toBe('applied');
    expect(store.current.mode).toBe('warn');
    expect(store.snapshot.source).toBe('file');
  });

  it('applies a change to the file within a few polls', async () => {
    const { file, store } = setup('mode: warn\n');
    const changed = new Promise((resolve) => store.onChange(resolve));
    replace(file, 'mode: audit\n');
    await changed;
    expect(store.current.mode).toBe('audit');
  });

  it('keeps the last good policy when the file turns invalid, reports it once, then applies a fix', async () => {
    const { file, store, metrics, lines } = setup('regexMaxLength: 50\n');
    replace(file, 'regexMaxLength: fifty\n');
    await vi.waitFor(async () => expect((await reloadCounts(metrics)).invalid).toBe(1), { timeout: 5000, interval: 10 });
    expect(store.current.regexMaxLength).toBe(50);
    // Several more polls of the same bad text: still one report.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await reloadCounts(metrics)).invalid).toBe(1);
    expect(lines.filter((l) => l.code === 'GAMMA_ERR_POLICY_INVALID')).toHaveLength(1);
    replace(file, 'regexMaxLength: 60\n');
    await vi.waitFor(() => expect(store.current.regexMaxLength).toBe(60), { timeout: 5000, interval: 10 });
  });

  it('a missing file at start: built-in defaults, reported as unreadable', async () => {
    const { store, source, lines, metrics } = setup(undefined, 0);
    expect(source.initial.outcome).toBe('invalid');
    expect(source.initial.outcome === 'invalid' && source.initial.error.code).toBe('GAMMA_ERR_POLICY_UNREADABLE');
    expect(store.current).toBe(defaultPolicy);
    expect(lines.some((l) => l.code === 'GAMMA_ERR_POLICY_UNREADABLE')).toBe(true);
    expect(await reloadCounts(metrics)).toEqual({ invalid: 1 });
  });

  it('an invalid file at start: built-in defaults, reported with the field', () => {
    const { store, source } = setup('mode: strict\n', 0);
    expect(source.initial.outcome).toBe('invalid');
    expect(source.initial.outcome === 'invalid' && source.initial.error.problems[0]?.path).toBe('mode');
    expect(store.current).toBe(defaultPolicy);
  });

  it('a file removed while running: the last good policy stays, then a new file applies', async () => {
    const { file, store, metrics } = setup('mode: warn\n');
    unlinkSync(file);
    await vi.waitFor(async () => expect((await reloadCounts(metrics)).invalid).toBe(1), { timeout: 5000, interval: 10 });
    expect(store.current.mode).toBe('warn');
    writeFileSync(file, 'mode: audit\n');
    await vi.waitFor(() => expect(store.current.mode).toBe('audit'), { timeout: 5000, interval: 10 });
  });

  it('follows a symlink swap, as a mounted ConfigMap volume updates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gamma-policy-link-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'v1.yaml'), 'mode: warn\n');
    writeFileSync(path.join(dir, 'v2.yaml'), 'mode: audit\n');
    const link = path.join(dir, 'policy.yaml');
    symlinkSync(path.join(dir, 'v1.yaml'), link);
    const { logger } = captureLogger();
    const store = new PolicyStore({ logger, metrics: testMetrics() });
    const source = startPolicyFile({ store, path: link, logger, intervalMs: 10 });
    cleanups.push(() => source.close());
    expect(store.current.mode).toBe('warn');
    symlinkSync(path.join(dir, 'v2.yaml'), `${link}.new`);
    renameSync(`${link}.new`, link);
    await vi.waitFor(() => expect(store.current.mode).toBe('audit'), { timeout: 5000, interval: 10 });
  });

  it('stops reading after close()', async () => {
    const { file, store, source } = setup('mode: warn\n');
    source.close();
    source.close();
    replace(file, 'mode: audit\n');
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.current.mode).toBe('warn');
  });
});
