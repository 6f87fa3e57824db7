import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GammaError } from '../../errors.ts';
import { defaultPolicy } from '../../policy/defaults.ts';
import { parsePolicy } from '../../policy/parse.ts';
import type { Policy } from '../../core/policy.ts';
import { lintUsage, parseLintArgs, type LintOptions } from './args.ts';
import { parseSource, type ManifestDocument, type ParsedSource } from './documents.ts';
import { patchDocument, renderSource } from './fix.ts';
import { lintSources, type RoutePatch } from './lint.ts';
import { readLiveCluster } from './live.ts';
import { exitCodeOf, formatJson, formatText, type LintReport } from './report.ts';
import { sarifRules } from './rule-descriptions.ts';
import { formatSarif } from './sarif.ts';
import { readSources, type Source, type StdinLike } from './sources.ts';

/** Where a text goes: process.stdout and process.stderr fit, and so does a test's collector. */
export interface TextSink {
  write(text: string): unknown;
}

/** The outside world of the lint command, passed in (nothing is read from `process`). */
export interface LintIo {
  readonly stdin: StdinLike;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** True when stdout is a terminal: the text report is coloured then (unless `noColor`). */
  readonly isTTY: boolean;
  /** The directory relative operands are resolved against, and SARIF's `%SRCROOT%`. */
  readonly cwd: string;
  /** True when the NO_COLOR environment variable is set and non-empty (no-color.org). */
  readonly noColor?: boolean;
}

export type { LintReport, LintFinding, Severity } from './report.ts';

/**
 * `gamma-webhook lint [options] [FILE|DIR|-]...`: checks manifests with the webhook's rules and
 * returns the exit code: 0 no denial, 1 at least one denial (or a warning with `--strict`),
 * 2 a usage or input error (unknown option, unreadable file, invalid YAML with its line, a route
 * whose apiVersion is not a Gateway API one, invalid policy, unreachable cluster), reported on
 * stderr as one line with its error code.
 *
 * A file that is not valid YAML, or a route with a wrong apiVersion, does not stop the run: each
 * such error is reported on stderr, every other file is linted and reported, and the exit code is
 * the worst of the run (2 when any file could not be checked).
 *
 * The report goes to stdout (text, `--output json` or `--output sarif`). With `--fix` the
 * mutating door's patches are written into the files (comments and key order kept) and the
 * report is that of the fixed files; for standard input the fixed manifests go to stdout and
 * the report to stderr. Never throws: an unexpected failure is reported with GAMMA_ERR_INTERNAL
 * and exit code 2.
 */
export async function runLint(argv: readonly string[], io: LintIo): Promise<number> {
  try {
    const options = parseLintArgs(argv);
    if (options.help) {
      io.stdout.write(lintUsage);
      return 0;
    }
    return await lint(options, io);
  } catch (error) {
    const known = error instanceof GammaError;
    const code = known ? error.code : 'GAMMA_ERR_INTERNAL';
    const text = error instanceof Error ? error.message : String(error);
    io.stderr.write(`gamma-webhook lint: ${text} [${code}]\n`);
    if (known && error.code === 'GAMMA_ERR_LINT_USAGE') io.stderr.write('Run gamma-webhook lint --help for usage.\n');
    return 2;
  }
}

async function lint(options: LintOptions, io: LintIo): Promise<number> {
  const policy = options.policy === undefined ? defaultPolicy : await loadPolicy(path.resolve(io.cwd, options.policy), options.policy);
  const sources = await readSources(options.operands, io.cwd, io.stdin);
  const inputErrors: GammaError[] = [];
  let parsed = sources.flatMap((source) => {
    try {
      return [parseSource(source)];
    } catch (error) {
      if (!(error instanceof GammaError)) throw error;
      inputErrors.push(error);
      return [];
    }
  });
  const clusterObjects = options.live
    ? await readLiveCluster({ kubeconfig: options.kubeconfig && path.resolve(io.cwd, options.kubeconfig), context: options.context })
    : [];
  let outcome = lintSources({ sources: parsed, clusterObjects, policy, namespace: options.namespace });
  let report: LintReport = { ...outcome.report, files: sources.length };
  let reportSink = io.stdout;

  if (options.fix) {
    const fixedSources = fixSources(parsed, outcome.patches);
    for (const { source, text, changed } of fixedSources) {
      if (source.file === undefined) {
        io.stdout.write(text);
        reportSink = io.stderr;
      } else if (changed) {
        await writeFile(source.file, text, 'utf8').catch((cause: unknown) => {
          throw new GammaError('GAMMA_ERR_LINT_INPUT', `${source.name}: cannot write the fixed file: ${(cause as Error).message}`, { cause });
        });
      }
    }
    parsed = fixedSources.map(({ source, text }) => parseSource({ ...source, text }));
    outcome = lintSources({ sources: parsed, clusterObjects, policy, namespace: options.namespace });
    const operations = fixedSources.reduce((sum, f) => sum + f.operations, 0);
    const files = fixedSources.filter((f) => f.changed).map((f) => f.source.name);
    report = { ...outcome.report, files: sources.length, fixed: { operations, files } };
  }

  for (const error of [...inputErrors, ...outcome.errors]) io.stderr.write(`gamma-webhook lint: ${error.message} [${error.code}]\n`);

  const colour = io.isTTY && reportSink === io.stdout && !io.noColor;
  if (options.output === 'json') reportSink.write(formatJson(report));
  else if (options.output === 'sarif') reportSink.write(formatSarif(report, sarifRules(), io.cwd));
  else reportSink.write(formatText(report, colour, options.status));
  return inputErrors.length > 0 || outcome.errors.length > 0 ? 2 : exitCodeOf(report, options.strict);
}

/** Applies each route's patch onto its YAML document and renders every source, changed or not. */
function fixSources(
  parsed: readonly ParsedSource[],
  patches: readonly RoutePatch[],
): { source: Source; text: string; changed: boolean; operations: number }[] {
  return parsed.map(({ source, documents }) => {
    const mine = patches.filter((p) => p.route.document.source === source);
    const changed = new Set<ManifestDocument>();
    let operations = 0;
    for (const { route, operations: ops } of mine) {
      patchDocument(route.document, route.base, ops);
      changed.add(route.document);
      operations += ops.length;
    }
    const text = changed.size > 0 ? renderSource(source.text, source.json, documents, changed) : source.text;
    return { source, text, changed: changed.size > 0, operations };
  });
}

async function loadPolicy(file: string, name: string): Promise<Policy> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new GammaError('GAMMA_ERR_POLICY_UNREADABLE', `${name}: ${(cause as Error).message}`, { cause });
  });
  const result = parsePolicy(text, name);
  if (!result.ok) throw result.error;
  return result.policy;
}
