import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const chartDir = path.join(root, 'charts', 'gamma-webhook');
export const namespace = 'gamma-system';
export const release = 'gw';
export const fullname = 'gw-gamma-webhook';

/** The chart's example values files (charts/gamma-webhook/ci/), by name. */
export const ciValues = {
  certManager: path.join(chartDir, 'ci', 'cert-manager-values.yaml'),
  certManagerIssuer: path.join(chartDir, 'ci', 'cert-manager-issuer-values.yaml'),
  existingSecret: path.join(chartDir, 'ci', 'existing-secret-values.yaml'),
  strictPolicy: path.join(chartDir, 'ci', 'strict-policy-values.yaml'),
  monitoring: path.join(chartDir, 'ci', 'monitoring-values.yaml'),
} as const;

/**
 * The Helm binary from scripts/helm.sh, or undefined when it cannot be obtained: the tests then
 * skip, naming the reason. Under CI (`CI=true`) that is an error instead, so CI never passes by
 * skipping.
 */
function findHelm(): string | undefined {
  const run = spawnSync(path.join(root, 'scripts', 'helm.sh'), ['--path'], { encoding: 'utf8' });
  if (run.status === 0) return run.stdout.trim();
  const reason = `scripts/helm.sh could not provide Helm (exit ${run.status ?? run.signal}): ${run.stderr.trim() || run.error?.message}`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI needs the real Helm`);
  console.warn(`skipping the chart tests: ${reason}`);
  return undefined;
}

export const helmBin = findHelm();

/** Helm with its own empty home and no cluster, so nothing on the machine changes a result. */
const helmHome = mkdtempSync(path.join(tmpdir(), 'gamma-helm-'));
export function helmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: helmHome,
    HELM_CACHE_HOME: path.join(helmHome, 'cache'),
    HELM_CONFIG_HOME: path.join(helmHome, 'config'),
    HELM_DATA_HOME: path.join(helmHome, 'data'),
    KUBECONFIG: path.join(helmHome, 'no-kubeconfig'),
    ...extra,
  };
}

export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function helm(args: string[], env: NodeJS.ProcessEnv = helmEnv()): HelmResult {
  if (!helmBin) throw new Error('helm is not available');
  const run = spawnSync(helmBin, args, { encoding: 'utf8', env, cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Values as `-f FILE` for files and `--set-json path=JSON` for the rest. */
export interface ValuesInput {
  files?: string[];
  json?: Record<string, unknown>;
}

function valuesArgs(values: ValuesInput = {}): string[] {
  return [
    ...(values.files ?? []).flatMap((f) => ['-f', f]),
    ...Object.entries(values.json ?? {}).flatMap(([k, v]) => ['--set-json', `${k}=${JSON.stringify(v)}`]),
  ];
}

export function templateArgs(values: ValuesInput = {}, extra: string[] = []): string[] {
  return ['template', release, chartDir, '--namespace', namespace, ...valuesArgs(values), ...extra];
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** Parses a multi-document YAML stream; empty documents are dropped, YAML errors thrown. */
export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc) => {
    const [error] = doc.errors;
    if (error !== undefined) throw error;
    const value = doc.toJS() as K8sObject | null;
    return value === null ? [] : [value];
  });
}

/** `helm template` of the chart; throws with Helm's stderr when rendering fails. */
export function render(values: ValuesInput = {}, extra: string[] = []): K8sObject[] {
  const run = helm(templateArgs(values, extra));
  if (run.status !== 0) throw new Error(`helm template failed (${run.status}):\n${run.stderr}`);
  return parseObjects(run.stdout);
}

/** `helm template` that is expected to fail; returns Helm's stderr (empty string when it succeeded). */
export function renderError(values: ValuesInput = {}, extra: string[] = []): string {
  const run = helm(templateArgs(values, extra));
  return run.status === 0 ? '' : run.stderr;
}

export function lint(values: ValuesInput = {}): HelmResult {
  return helm(['lint', '--strict', chartDir, '--namespace', namespace, ...valuesArgs(values)]);
}

/** The NOTES that `helm install` prints, rendered client-side (nothing is installed). */
export function notes(values: ValuesInput = {}): string {
  const run = helm(['install', release, chartDir, '--namespace', namespace, '--dry-run=client', ...valuesArgs(values)]);
  if (run.status !== 0) throw new Error(`helm install --dry-run failed:\n${run.stderr}`);
  const at = run.stdout.indexOf('\nNOTES:\n');
  if (at < 0) throw new Error('no NOTES in the output');
  return run.stdout.slice(at + '\nNOTES:\n'.length);
}

export function find(objects: K8sObject[], kind: string, name?: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0] as K8sObject;
}

export function kinds(objects: K8sObject[]): string[] {
  return objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
}
