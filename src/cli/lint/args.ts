import { GammaError } from '../../errors.ts';
import { parseCommandArgs, refuseEmptyValues } from '../command-args.ts';

/** The report formats of `lint --output`. */
const outputFormats = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** The lint command line, resolved. */
export interface LintOptions {
  /** Files, directories and `-` (standard input), in the order given; never empty unless `help`. */
  readonly operands: readonly string[];
  readonly output: OutputFormat;
  /** A policy file (YAML or JSON); undefined for the built-in defaults. */
  readonly policy: string | undefined;
  /** Set when the live cluster is to be read: the kubeconfig file (undefined: the default lookup). */
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  /** True when `--kubeconfig` or `--context` was given: lint reads the live cluster only then. */
  readonly live: boolean;
  /** The namespace of objects that name none (kubectl's default). */
  readonly namespace: string;
  readonly fix: boolean;
  /** Warnings fail too (exit 1). */
  readonly strict: boolean;
  /** Text output shows the status each route would get (json and sarif always carry it). */
  readonly status: boolean;
  readonly help: boolean;
}

/** The text of `gamma-webhook lint --help`. */
export const lintUsage = `Usage: gamma-webhook lint [options] [FILE|DIR|-]...

Checks HTTPRoute and GRPCRoute manifests used as service-mesh (GAMMA) configuration with the
webhook's own rules, before they reach a cluster. Directories are read recursively (.yaml, .yml,
.json); - reads standard input. Services, ReferenceGrants and Namespaces found in the manifests
are the cluster the routes are checked against.

Options:
  -o, --output FORMAT   text (default), json or sarif (SARIF 2.1.0 for code scanning)
      --policy FILE     policy document (YAML or JSON); default: the built-in policy
      --kubeconfig FILE also read Services and ReferenceGrants from this cluster
      --context NAME    kubeconfig context to use (implies reading the live cluster)
  -n, --namespace NS    namespace of objects that name none (default: default)
      --fix             write the webhook's defaults (MR101, MR204, policy defaults) into the
                        files, keeping comments and key order; with - the fixed manifests go to
                        standard output and the report to standard error
      --strict          exit 1 on warnings too
      --status          also show, per route and parent Service, the status the reconciler
                        would write (Accepted, ResolvedRefs: status, reason, message); json
                        and sarif output always carry it
  -h, --help            show this help

Exit status: 0 no denial, 1 at least one denial (or a warning with --strict),
2 usage or input error (unreadable file, invalid YAML, unreachable cluster, invalid policy).
`;

/**
 * Parses the arguments that follow `lint`. Throws GAMMA_ERR_LINT_USAGE naming the problem for an
 * unknown option, a missing option value, an unknown output format, or no operand (without
 * `--help`).
 */
export function parseLintArgs(argv: readonly string[]): LintOptions {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      output: { type: 'string', short: 'o' },
      policy: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      fix: { type: 'boolean' },
      strict: { type: 'boolean' },
      status: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'GAMMA_ERR_LINT_USAGE',
  );
  const help = values.help ?? false;
  const output = values.output ?? 'text';
  if (!isOutputFormat(output)) {
    throw new GammaError('GAMMA_ERR_LINT_USAGE', `--output must be one of ${outputFormats.join(', ')}; got ${JSON.stringify(output)}`);
  }
  if (!help && positionals.length === 0) {
    throw new GammaError('GAMMA_ERR_LINT_USAGE', 'name at least one FILE, DIR or - (standard input)');
  }
  refuseEmptyValues(values, ['policy', 'kubeconfig', 'context', 'namespace'], 'GAMMA_ERR_LINT_USAGE');
  return {
    operands: positionals,
    output,
    policy: values.policy,
    kubeconfig: values.kubeconfig,
    context: values.context,
    live: values.kubeconfig !== undefined || values.context !== undefined,
    namespace: values.namespace ?? 'default',
    fix: values.fix ?? false,
    strict: values.strict ?? false,
    status: values.status ?? false,
    help,
  };
}

function isOutputFormat(value: string): value is OutputFormat {
  return (outputFormats as readonly string[]).includes(value);
}
