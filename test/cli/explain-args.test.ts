import { describe, expect, it } from 'vitest';
import { explainUsage, parseExplainArgs } from '../../src/cli/explain/args.ts';
import { GammaError } from '../../src/errors.ts';
import { explainRun } from './lint-io.ts';

function usageError(argv: string[]): string {
  try {
    parseExplainArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(GammaError);
    expect((error as GammaError).code).toBe('GAMMA_ERR_EXPLAIN_USAGE');
    return (error as GammaError).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('explain arguments', () => {
  it('reads the Service, its namespace, port, client namespace, format and files', () => {
    expect(parseExplainArgs(['service/web', '-n', 'shop', '--port', '80', '--from', 'checkout', '-o', 'json', '-f', 'a.yaml', '-f', 'dir'])).toEqual({
      service: 'web',
      namespace: 'shop',
      port: 80,
      from: 'checkout',
      output: 'json',
      files: ['a.yaml', 'dir'],
      kubeconfig: undefined,
      context: undefined,
      help: false,
    });
  });

  it('defaults to every port, every client, text, the default namespace and the cluster', () => {
    expect(parseExplainArgs(['svc/web', '--context', 'kind'])).toMatchObject({
      service: 'web',
      namespace: 'default',
      port: undefined,
      from: undefined,
      output: 'text',
      files: [],
      context: 'kind',
    });
    expect(parseExplainArgs(['services/web']).service).toBe('web');
  });

  it.each([
    [[], 'name the Service: service/NAME'],
    [['service/a', 'service/b'], 'name one Service, not 2 operands'],
    [['deployment/web'], 'the operand must be service/NAME; got "deployment/web"'],
    [['web'], 'the operand must be service/NAME'],
    [['service/'], 'the operand must be service/NAME'],
    [['service/a/b'], 'the operand must be service/NAME'],
    [['service/web', '--port', 'http'], '--port must be a port number from 1 to 65535; got "http"'],
    [['service/web', '--port', '0'], '--port must be a port number'],
    [['service/web', '--port', '70000'], '--port must be a port number'],
    [['service/web', '-o', 'sarif'], '--output must be one of text, json; got "sarif"'],
    [['service/web', '--from', ''], '--from needs a non-empty value'],
    [['service/web', '-f', ''], '--filename needs a non-empty value'],
    [['service/web', '--bogus'], "Unknown option '--bogus'"],
    [['service/web', '-f', 'a.yaml', '--kubeconfig', 'k'], '-f reads manifests instead of the cluster'],
  ])('refuses %j', (argv, message) => {
    expect(usageError(argv)).toContain(message);
  });

  it('prints its help without an operand, and exits 2 with a pointer to it on a usage error', async () => {
    const help = await explainRun(['--help'], { cwd: process.cwd() });
    expect(help).toEqual({ code: 0, stdout: explainUsage, stderr: '' });
    const bad = await explainRun(['web'], { cwd: process.cwd() });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      'gamma-webhook explain: invalid command line for explain: the operand must be service/NAME; got "web" [GAMMA_ERR_EXPLAIN_USAGE]\n' +
        'Run gamma-webhook explain --help for usage.\n',
    );
  });
});
