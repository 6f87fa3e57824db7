/**
 * The argument parsing every subcommand shares: node's `parseArgs`, strict, with positionals,
 * its errors turned into the command's usage error.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { GammaError, type ErrorCode } from '../errors.ts';

interface CommandArgsConfig<O extends ParseArgsOptionsConfig> {
  args: string[];
  allowPositionals: true;
  strict: true;
  options: O;
}

/** The parsed options and operands; an unknown option or a missing value throws `code` with parseArgs' message. */
export function parseCommandArgs<O extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: O,
  code: ErrorCode,
): ReturnType<typeof parseArgs<CommandArgsConfig<O>>> {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (cause) {
    throw new GammaError(code, (cause as Error).message, { cause });
  }
}

/** Throws `code` for the first of `names` given an empty value (`--context ''`). */
export function refuseEmptyValues(values: Readonly<Record<string, unknown>>, names: readonly string[], code: ErrorCode): void {
  for (const name of names) {
    const value = values[name];
    if (value === '' || (Array.isArray(value) && value.includes(''))) throw new GammaError(code, `--${name} needs a non-empty value`);
  }
}
