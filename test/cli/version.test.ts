import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runVersion } from '../../src/cli/version.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function versionRun(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runVersion(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('gamma-webhook version', () => {
  it('prints the package.json version as text, JSON or YAML', () => {
    expect(versionRun([])).toEqual({ code: 0, stdout: `gamma-webhook ${version}\n`, stderr: '' });
    expect(JSON.parse(versionRun(['-o', 'json']).stdout)).toEqual({ name: 'gamma-webhook', version });
    expect(parse(versionRun(['--output=yaml']).stdout)).toEqual({ name: 'gamma-webhook', version });
  });

  it.each([
    [['-o', 'xml'], '--output must be one of text, json, yaml; got "xml"'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j with exit 2 and one line naming the problem', (argv, message) => {
    const run = versionRun(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints its usage for --help', () => {
    expect(versionRun(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: gamma-webhook version/) });
  });
});
