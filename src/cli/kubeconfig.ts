/**
 * The kubeconfig of the commands that read a cluster on the user's behalf (`lint --kubeconfig`,
 * `explain`): kubectl's lookup (a named file, else KUBECONFIG, else ~/.kube/config) and context,
 * with errors that name what to fix. The server (`serve`) finds its configuration in
 * `kube/config.ts` instead, in-cluster first.
 */
import { ApiException, KubeConfig } from '@kubernetes/client-node';
import { GammaError } from '../errors.ts';

/** A kubeconfig file (undefined: KUBECONFIG or ~/.kube/config) and a context (undefined: the current one). */
export interface ClusterAccess {
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
}

/**
 * Loads the kubeconfig and selects the context. Throws GAMMA_ERR_LINT_CLUSTER naming the cause:
 * an unreadable or invalid file, an unknown context (with the known ones), or a context without
 * a cluster.
 */
export function loadKubeConfig(access: ClusterAccess): KubeConfig {
  const config = new KubeConfig();
  try {
    if (access.kubeconfig !== undefined) config.loadFromFile(access.kubeconfig);
    else config.loadFromDefault();
  } catch (cause) {
    throw new GammaError('GAMMA_ERR_LINT_CLUSTER', `kubeconfig ${access.kubeconfig ?? '(default)'}: ${describeClusterError(cause)}`, { cause });
  }
  if (access.context !== undefined) {
    if (!config.getContextObject(access.context)) {
      const known = config.getContexts().map((c) => c.name);
      throw new GammaError('GAMMA_ERR_LINT_CLUSTER', `no context ${JSON.stringify(access.context)} in the kubeconfig (known: ${known.join(', ') || 'none'})`);
    }
    config.setCurrentContext(access.context);
  }
  if (!config.getCurrentCluster()) {
    throw new GammaError('GAMMA_ERR_LINT_CLUSTER', `the kubeconfig names no cluster for context ${JSON.stringify(config.getCurrentContext())}`);
  }
  return config;
}

/** One line for a failed API call: the HTTP status and the server's message, or the network error and its cause. */
export function describeClusterError(error: unknown): string {
  if (error instanceof ApiException) {
    const body = error.body as { message?: unknown } | string | undefined;
    const detail = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : '';
    return `HTTP ${error.code}${detail ? `: ${detail}` : ''}`;
  }
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
