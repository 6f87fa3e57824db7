import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GammaError } from '../../errors.ts';

/** The name a manifest read from standard input is reported under. */
export const STDIN_NAME = '<stdin>';

/** One input of the lint command: a file's text, or standard input's. */
export interface Source {
  /** The name reports use: the path as given (joined with the directory walked), or `<stdin>`. */
  readonly name: string;
  /** The absolute path, for writing a fixed file back; undefined for standard input. */
  readonly file: string | undefined;
  readonly text: string;
  /** True for `.json` files: `--fix` writes them back as JSON, not YAML. */
  readonly json: boolean;
}

/** The file name endings read when walking a directory. Files named explicitly are read whatever their ending. */
const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/** Standard input, as the lint command reads it: anything that yields chunks. */
export type StdinLike = AsyncIterable<Uint8Array | string>;

/**
 * Expands the operands of `lint` into sources, in a stable order: operands in the order given,
 * each directory walked recursively with its entries sorted by name, keeping only files ending in
 * `.yaml`, `.yml` or `.json` and skipping hidden entries (`.git`, `.github` are walked only when
 * named). `-` reads standard input (once, however often it is named). A path named twice is read
 * once.
 *
 * Throws GAMMA_ERR_LINT_INPUT naming the path when an operand does not exist or a file cannot be
 * read; a directory with no manifest in it is not an error (it yields nothing).
 */
export async function readSources(operands: readonly string[], cwd: string, stdin: StdinLike): Promise<Source[]> {
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const operand of operands) {
    if (operand === '-') {
      if (seen.has(STDIN_NAME)) continue;
      seen.add(STDIN_NAME);
      sources.push({ name: STDIN_NAME, file: undefined, text: await readStdin(stdin), json: false });
      continue;
    }
    const absolute = path.resolve(cwd, operand);
    const info = await stat(absolute).catch((error: unknown) => {
      throw new GammaError('GAMMA_ERR_LINT_INPUT', `${operand}: ${reason(error)}`, { cause: error });
    });
    const files = info.isDirectory() ? await walk(absolute) : [absolute];
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const name = path.join(operand, path.relative(absolute, file)) || operand;
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new GammaError('GAMMA_ERR_LINT_INPUT', `${name}: ${reason(error)}`, { cause: error });
      });
      sources.push({ name, file, text, json: file.toLowerCase().endsWith('.json') });
    }
  }
  return sources;
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: unknown) => {
    throw new GammaError('GAMMA_ERR_LINT_INPUT', `${directory}: ${reason(error)}`, { cause: error });
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile() && MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) files.push(full);
  }
  return files;
}

async function readStdin(stdin: StdinLike): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    if (error.code === 'ENOENT') return 'no such file or directory';
    if (error.code === 'EACCES') return 'permission denied';
    if (error.code === 'EISDIR') return 'is a directory';
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
