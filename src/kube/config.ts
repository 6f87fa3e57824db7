/**
 * Where the webhook's Kubernetes client configuration comes from, in the order controllers use
 * (controller-runtime's GetConfig): an explicit `--kubeconfig` path, then `KUBECONFIG`, then the
 * in-cluster service account, then `~/.kube/config`. When none of them is present the cluster is
 * "not configured" and the caller keeps the static view (`npm run dev`); when one is present but
 * unusable, loading fails with `GAMMA_ERR_KUBECONFIG` naming the source and what is wrong.
 * Nothing here reads `process.env`: the environment is passed in by `config.ts`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { GammaError } from '../errors.ts';

/** The service account mount of every pod. */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface KubeConfigLookup {
  /** `--kubeconfig`: wins over everything else; a missing file is an error, never a fallback. */
  readonly kubeconfigPath?: string | undefined;
  /** `--context`: the kubeconfig context to use instead of its current-context. */
  readonly context?: string | undefined;
  /** The process environment (only KUBECONFIG, KUBERNETES_SERVICE_HOST/PORT and HOME are read). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Service account directory (default `SERVICE_ACCOUNT_DIR`); tests point it elsewhere. */
  readonly serviceAccountDir?: string | undefined;
}

/** Where the configuration was found. */
export type KubeConfigSource =
  | { readonly kind: 'flag'; readonly paths: readonly string[] }
  | { readonly kind: 'env'; readonly paths: readonly string[] }
  | { readonly kind: 'in-cluster'; readonly host: string; readonly port: string; readonly dir: string }
  | { readonly kind: 'home'; readonly paths: readonly string[] };

/** A loaded configuration and where it came from (for the startup log line). */
export interface LoadedKubeConfig {
  readonly kubeConfig: KubeConfig;
  readonly source: KubeConfigSource;
  /** The API server URL in use. */
  readonly server: string;
}

/**
 * Finds the configuration source without reading it. Returns undefined when no cluster is
 * configured at all: no flag, no KUBECONFIG, not in a pod, no ~/.kube/config.
 */
export function findKubeConfigSource(lookup: KubeConfigLookup): KubeConfigSource | undefined {
  if (lookup.kubeconfigPath) return { kind: 'flag', paths: [lookup.kubeconfigPath] };
  const fromEnv = (lookup.env.KUBECONFIG ?? '').split(path.delimiter).filter((p) => p !== '');
  if (fromEnv.length > 0) return { kind: 'env', paths: fromEnv };
  const host = lookup.env.KUBERNETES_SERVICE_HOST;
  if (host) {
    return { kind: 'in-cluster', host, port: lookup.env.KUBERNETES_SERVICE_PORT ?? '443', dir: lookup.serviceAccountDir ?? SERVICE_ACCOUNT_DIR };
  }
  const home = lookup.env.HOME;
  if (home) {
    const file = path.join(home, '.kube', 'config');
    if (existsSync(file)) return { kind: 'home', paths: [file] };
  }
  return undefined;
}

/** True when some cluster configuration is present (it may still fail to load). */
export function isClusterConfigured(lookup: KubeConfigLookup): boolean {
  return findKubeConfigSource(lookup) !== undefined;
}

function describe(source: KubeConfigSource): string {
  switch (source.kind) {
    case 'flag':
      return `--kubeconfig ${source.paths.join(path.delimiter)}`;
    case 'env':
      return `KUBECONFIG=${source.paths.join(path.delimiter)}`;
    case 'in-cluster':
      return `in-cluster service account (${source.dir})`;
    case 'home':
      return source.paths[0] ?? '~/.kube/config';
  }
}

function fail(source: KubeConfigSource, problem: string, cause?: unknown): never {
  throw new GammaError('GAMMA_ERR_KUBECONFIG', `${describe(source)}: ${problem}`, cause === undefined ? undefined : { cause });
}

function inCluster(source: Extract<KubeConfigSource, { kind: 'in-cluster' }>): KubeConfig {
  const ca = path.join(source.dir, 'ca.crt');
  const token = path.join(source.dir, 'token');
  for (const file of [token, ca]) {
    if (!existsSync(file)) fail(source, `KUBERNETES_SERVICE_HOST is set but ${file} is missing (is automountServiceAccountToken off?)`);
  }
  const host = source.host.includes(':') ? `[${source.host}]` : source.host;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'in-cluster', server: `https://${host}:${source.port}`, caFile: ca, skipTLSVerify: false }],
    users: [{ name: 'in-cluster', authProvider: { name: 'tokenFile', config: { tokenFile: token } } }],
    contexts: [{ name: 'in-cluster', cluster: 'in-cluster', user: 'in-cluster' }],
    currentContext: 'in-cluster',
  });
  return kc;
}

function fromFiles(source: Extract<KubeConfigSource, { kind: 'flag' | 'env' | 'home' }>): KubeConfig {
  const kc = new KubeConfig();
  source.paths.forEach((file, index) => {
    if (!existsSync(file)) fail(source, `${file} does not exist`);
    try {
      if (index === 0) kc.loadFromFile(file);
      else {
        const more = new KubeConfig();
        more.loadFromFile(file);
        // kubectl's merge: the first file to set a value wins.
        more.clusters.filter((c) => !kc.getCluster(c.name)).forEach((c) => kc.addCluster(c));
        more.users.filter((u) => !kc.getUser(u.name)).forEach((u) => kc.addUser(u));
        more.contexts.filter((c) => !kc.getContextObject(c.name)).forEach((c) => kc.addContext(c));
        if (!kc.getCurrentContext()) kc.setCurrentContext(more.getCurrentContext());
      }
    } catch (error) {
      fail(source, `${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, error);
    }
  });
  return kc;
}

/**
 * Loads the configuration from `source` (default: `findKubeConfigSource(lookup)`). Throws
 * GammaError `GAMMA_ERR_KUBECONFIG` when no source exists, a file is missing or unreadable, the
 * context does not exist, or the context names no cluster with a server URL.
 */
export function loadKubeConfig(lookup: KubeConfigLookup, source = findKubeConfigSource(lookup)): LoadedKubeConfig {
  if (!source) {
    throw new GammaError('GAMMA_ERR_KUBECONFIG', 'no --kubeconfig, no KUBECONFIG, not running in a pod, and no ~/.kube/config');
  }
  const kc = source.kind === 'in-cluster' ? inCluster(source) : fromFiles(source);
  if (lookup.context) {
    if (!kc.getContextObject(lookup.context)) fail(source, `context ${JSON.stringify(lookup.context)} does not exist`);
    kc.setCurrentContext(lookup.context);
  }
  if (!kc.getCurrentContext() || !kc.getContextObject(kc.getCurrentContext())) fail(source, 'no current context');
  const cluster = kc.getCurrentCluster();
  if (!cluster || !cluster.server) fail(source, `context ${JSON.stringify(kc.getCurrentContext())} names no cluster with a server URL`);
  if (!kc.getCurrentUser()) fail(source, `context ${JSON.stringify(kc.getCurrentContext())} names no user`);
  return { kubeConfig: kc, source, server: cluster.server };
}
