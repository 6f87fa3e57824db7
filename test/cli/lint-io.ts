import { runExplain, type ExplainIo } from '../../src/cli/explain/index.ts';
import { runLint, type LintIo } from '../../src/cli/lint/index.ts';

/** The outcome of one command run with collected output. */
export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  cwd: string;
  stdin?: string;
  isTTY?: boolean;
  noColor?: boolean;
}

/** Runs a CLI command in-process with `stdin` as standard input and collects what it writes. */
async function commandRun(run: (argv: string[], io: ExplainIo) => Promise<number>, argv: string[], options: RunOptions & { clusterSyncTimeoutMs?: number }): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const io: ExplainIo = {
    stdin: (async function* () {
      if (options.stdin !== undefined) yield Buffer.from(options.stdin, 'utf8');
    })(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: options.isTTY ?? false,
    cwd: options.cwd,
    noColor: options.noColor ?? false,
    ...(options.clusterSyncTimeoutMs === undefined ? {} : { clusterSyncTimeoutMs: options.clusterSyncTimeoutMs }),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Runs `gamma-webhook lint` in-process. */
export function lintRun(argv: string[], options: RunOptions): Promise<CommandRun> {
  return commandRun((args, io: LintIo) => runLint(args, io), argv, options);
}

/** Runs `gamma-webhook explain` in-process. */
export function explainRun(argv: string[], options: RunOptions & { clusterSyncTimeoutMs?: number }): Promise<CommandRun> {
  return commandRun(runExplain, argv, options);
}
