import { runLint, type LintIo } from '../../src/cli/lint/index.ts';

/** The outcome of one `runLint` call with collected output. */
export interface LintRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `gamma-webhook lint` in-process with `stdin` as standard input and collects what it writes. */
export async function lintRun(argv: string[], options: { cwd: string; stdin?: string; isTTY?: boolean; noColor?: boolean }): Promise<LintRun> {
  let stdout = '';
  let stderr = '';
  const io: LintIo = {
    stdin: (async function* () {
      if (options.stdin !== undefined) yield Buffer.from(options.stdin, 'utf8');
    })(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: options.isTTY ?? false,
    cwd: options.cwd,
    noColor: options.noColor ?? false,
  };
  const code = await runLint(argv, io);
  return { code, stdout, stderr };
}
