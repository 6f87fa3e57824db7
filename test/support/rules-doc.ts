/**
 * Reads docs/rules.md, the project's rule catalog, into its parts for the meta-tests: the index
 * table, one section per rule with its summary and examples, the cluster the examples run
 * against, the policy defaults the text names, and the retired ids. Throws on a malformed part,
 * naming it, so that a broken document fails the tests that read it.
 */
import { readFileSync } from 'node:fs';

const rulesDocPath = new URL('../../docs/rules.md', import.meta.url);

/** One row of the index table, cells as written (links and backticks removed from the id). */
export interface IndexRow {
  readonly id: string;
  readonly referential: boolean;
  readonly kinds: readonly string[];
  readonly defaultAction: string;
  readonly status: string;
  /** `none`, or the mutating default's policy switch with its default. */
  readonly mutation: string;
}

/** One example of a rule: the route manifests, the policy it runs under, and the lines lint reports. */
export interface RuleExample {
  /** A policy document, or undefined for the built-in policy. */
  readonly policy: string | undefined;
  readonly manifests: string;
  /** Every finding line lint reports for the manifests, in report order. */
  readonly findings: readonly string[];
}

/** The `### MRnnn` section of a rule. */
export interface RuleSection {
  readonly id: string;
  /** The first paragraph, without its final period: the rule in one line (SARIF's short description). */
  readonly summary: string;
  readonly text: string;
  readonly examples: readonly RuleExample[];
}

export interface RulesDoc {
  readonly text: string;
  readonly index: readonly IndexRow[];
  readonly sections: readonly RuleSection[];
  /** The Services and other objects every example is linted with. */
  readonly cluster: string;
  /** Every `` `field` (default `value`) `` of the text, in text order: policy field path and value as written. */
  readonly policyDefaults: readonly (readonly [field: string, value: string])[];
  readonly retired: readonly string[];
}

/** The text of a `## heading` section, up to the next `## ` heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`docs/rules.md has no "## ${heading}" section`);
  const rest = text.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

function parseIndex(text: string): IndexRow[] {
  return section(text, 'Index')
    .split('\n')
    .filter((line) => /^\| \[?MR\d{3}/.test(line))
    .map((line) => {
      const [id, mark, kinds, defaultAction, status, mutation] = cells(line);
      if (mutation === undefined) throw new Error(`docs/rules.md index: short row ${line}`);
      return {
        id: /MR\d{3}/.exec(id ?? '')?.[0] ?? '',
        referential: mark === 'R',
        kinds: (kinds ?? '').split(',').map((kind) => kind.trim()),
        defaultAction: defaultAction ?? '',
        status: status ?? '',
        mutation,
      };
    });
}

/** The fenced blocks of a text, with the words of their info string. */
function fences(text: string): { info: string[]; body: string }[] {
  return [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: (m[1] ?? '').split(' '), body: m[2] ?? '' }));
}

function parseExamples(id: string, text: string): RuleExample[] {
  const examples: { policy: string | undefined; manifests: string; findings: string[] }[] = [];
  let policy: string | undefined;
  for (const { info, body } of fences(text)) {
    const role = info[1];
    if (role === 'policy') policy = body;
    else if (role === 'route') {
      examples.push({ policy, manifests: body, findings: [] });
      policy = undefined;
    } else if (role === 'finding') {
      const last = examples.at(-1);
      if (last === undefined || last.findings.length > 0) throw new Error(`docs/rules.md ${id}: a finding block without its route block`);
      last.findings.push(...body.split('\n').filter((line) => line !== ''));
    }
  }
  return examples;
}

function parseSections(text: string): RuleSection[] {
  const headings = [...text.matchAll(/^### (MR\d{3})\n/gm)];
  return headings.map((heading) => {
    const id = heading[1] ?? '';
    const start = (heading.index ?? 0) + heading[0].length;
    const next = text.slice(start).search(/^##/m);
    const body = next === -1 ? text.slice(start) : text.slice(start, start + next);
    const summary = body.trim().split('\n\n')[0]?.replace(/\n/g, ' ') ?? '';
    if (!summary.endsWith('.')) throw new Error(`docs/rules.md ${id}: the first paragraph is the summary, one sentence ending in a period`);
    return { id, summary: summary.slice(0, -1), text: body, examples: parseExamples(id, body) };
  });
}

/** Reads and parses docs/rules.md. */
export function readRulesDoc(): RulesDoc {
  const text = readFileSync(rulesDocPath, 'utf8');
  const clusterBlock = fences(text).find(({ info }) => info[1] === 'cluster');
  if (clusterBlock === undefined) throw new Error('docs/rules.md has no ```yaml cluster block');
  const policyDefaults = [...text.matchAll(/`([a-zA-Z.]+)` \(default `([^`]*)`/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
  const retired = [...section(text, 'Retired ids').matchAll(/^\| (MR\d{3}) \|/gm)].map((m) => m[1] ?? '');
  return { text, index: parseIndex(text), sections: parseSections(text), cluster: clusterBlock.body, policyDefaults, retired };
}
