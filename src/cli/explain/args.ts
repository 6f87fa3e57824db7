import { GammaError } from '../../errors.ts';
import { parseCommandArgs, refuseEmptyValues } from '../command-args.ts';

/** The report formats of `explain --output`. */
const outputFormats = ['text', 'json'] as const;
export type ExplainFormat = (typeof outputFormats)[number];

/** The explain command line, resolved. */
export interface ExplainOptions {
  /** The Service named by the `service/NAME` operand; empty only with `help`. */
  readonly service: string;
  /** The Service's namespace, and the namespace of manifests that name none. */
  readonly namespace: string;
  /** Only this Service port; undefined: every port. */
  readonly port: number | undefined;
  /** The client namespace whose table is shown; undefined: the producer table every client gets. */
  readonly from: string | undefined;
  readonly output: ExplainFormat;
  /** `-f` operands (files, directories, `-`), in the order given; empty: read the cluster. */
  readonly files: readonly string[];
  /** The kubeconfig file (undefined: KUBECONFIG or ~/.kube/config). */
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  readonly help: boolean;
}

/** The text of `gamma-webhook explain --help`. */
export const explainUsage = `Usage: gamma-webhook explain service/NAME [options]

Shows the effective routing table of a Service: for each port, the addresses clients use and the
ordered entries the mesh builds from every HTTPRoute or GRPCRoute attached to it. A request goes to
the first entry that matches it; a request that matches none gets a 404.

Options:
  -n, --namespace NS    namespace of the Service, and of manifests that name none (default: default)
      --port N          only this Service port (default: every port)
      --from NS         the table a client in namespace NS gets (its consumer routes, when it has any)
  -o, --output FORMAT   text (default) or json (the stable shape of docs/explain.md)
  -f, --filename PATH   read manifests from this file, directory (recursive: .yaml, .yml, .json)
                        or - (standard input) instead of the cluster; repeatable
      --kubeconfig FILE read the cluster through this kubeconfig (default: KUBECONFIG, ~/.kube/config)
      --context NAME    kubeconfig context to use
  -h, --help            show this help

Without -f the cluster is read (list and watch of Services, ServiceImports, ReferenceGrants,
HTTPRoutes, GRPCRoutes and Namespaces in every namespace).

Exit status: 0 the table has no problem, 1 a problem a request would hit (an entry shadowed by an
earlier one, a backend the cluster or manifests do not have, a rule whose weights are all 0, an
HTTPRoute that lost the port to a GRPCRoute), 2 usage or input error (no such Service or port,
unreadable file, invalid YAML, unreachable cluster).
`;

/**
 * Parses the arguments that follow `explain`. Throws GAMMA_ERR_EXPLAIN_USAGE naming the problem:
 * an unknown option, a missing or empty option value, an operand that is not one `service/NAME`,
 * a `--port` that is not a port number, an unknown output format, or `-f` together with
 * `--kubeconfig`/`--context` (the table comes from one place).
 */
export function parseExplainArgs(argv: readonly string[]): ExplainOptions {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      namespace: { type: 'string', short: 'n' },
      port: { type: 'string' },
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
      filename: { type: 'string', short: 'f', multiple: true },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'GAMMA_ERR_EXPLAIN_USAGE',
  );
  const help = values.help ?? false;
  refuseEmptyValues(values, ['namespace', 'port', 'from', 'kubeconfig', 'context', 'filename'], 'GAMMA_ERR_EXPLAIN_USAGE');
  const output = values.output ?? 'text';
  if (!isFormat(output)) throw usageError(`--output must be one of ${outputFormats.join(', ')}; got ${JSON.stringify(output)}`);
  const files = values.filename ?? [];
  if (files.length > 0 && (values.kubeconfig !== undefined || values.context !== undefined)) {
    throw usageError('-f reads manifests instead of the cluster; leave out --kubeconfig and --context, or -f');
  }
  return {
    service: help ? '' : serviceOperand(positionals),
    namespace: values.namespace ?? 'default',
    port: values.port === undefined ? undefined : portNumber(values.port),
    from: values.from,
    output,
    files,
    kubeconfig: values.kubeconfig,
    context: values.context,
    help,
  };
}

/** The NAME of the one `service/NAME` operand (`svc/NAME` and `services/NAME` as kubectl takes them). */
function serviceOperand(positionals: readonly string[]): string {
  if (positionals.length !== 1) {
    throw usageError(positionals.length === 0 ? 'name the Service: service/NAME' : `name one Service, not ${positionals.length} operands: ${positionals.join(' ')}`);
  }
  const operand = positionals[0] ?? '';
  const match = /^(?:service|services|svc)\/(.+)$/.exec(operand);
  if (!match?.[1] || match[1].includes('/')) throw usageError(`the operand must be service/NAME; got ${JSON.stringify(operand)}`);
  return match[1];
}

function portNumber(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) throw usageError(`--port must be a port number from 1 to 65535; got ${JSON.stringify(value)}`);
  return port;
}

function usageError(detail: string): GammaError {
  return new GammaError('GAMMA_ERR_EXPLAIN_USAGE', detail);
}

function isFormat(value: string): value is ExplainFormat {
  return (outputFormats as readonly string[]).includes(value);
}
