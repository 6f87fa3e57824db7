import { describe, expect, it } from 'vitest';
import { parseLintArgs } from '../../src/cli/lint/args.ts';

describe('parseLintArgs', () => {
  it('defaults: text output, built-in policy, offline, namespace default', () => {
    expect(parseLintArgs(['a.yaml'])).toEqual({
      operands: ['a.yaml'],
      output: 'text',
      policy: undefined,
      kubeconfig: undefined,
      context: undefined,
      live: false,
      namespace: 'default',
      fix: false,
      strict: false,
      status: false,
      help: false,
    });
  });

  it.each([
    [['-o', 'sarif', 'x'], { output: 'sarif' }],
    [['--output=json', 'x'], { output: 'json' }],
    [['--context', 'prod', 'x'], { context: 'prod', live: true, kubeconfig: undefined }],
    [['--kubeconfig', 'k', 'x'], { kubeconfig: 'k', live: true }],
    [['-n', 'shop', '--fix', '--strict', '-', 'dir'], { namespace: 'shop', fix: true, strict: true, operands: ['-', 'dir'] }],
    [['--status', 'x'], { status: true }],
    [['--help'], { help: true, operands: [] }],
  ])('%j', (argv, expected) => {
    expect(parseLintArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [[]],
    [['--output', 'xml', 'x']],
    [['--bogus', 'x']],
    [['--policy']],
    [['--policy', '', 'x']],
    [['--fix=yes', 'x']],
    [['--status=yes', 'x']],
  ])('refuses %j with GAMMA_ERR_LINT_USAGE', (argv) => {
    expect(() => parseLintArgs(argv)).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_LINT_USAGE' }));
  });
});
