/**
 * explain's input from a cluster: the webhook's own live view (the informer caches the admission
 * door and the status reconciler read), started, synced once, read, and stopped. So the table is
 * built from what the webhook itself would see.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { LiveClusterView } from '../../cluster/live-view.ts';
import { GammaError } from '../../errors.ts';
import { KubeClient } from '../../kube/client.ts';
import { createMetrics } from '../../metrics.ts';
import { loadKubeConfig, type ClusterAccess } from '../kubeconfig.ts';
import type { RoutingInput } from './input.ts';

export interface ClusterInputOptions extends ClusterAccess {
  /** How long the first list of every watched collection may take (default 30 s). */
  readonly syncTimeoutMs?: number;
}

/**
 * Opens the live view of the cluster and waits until every collection is listed. Throws
 * GAMMA_ERR_LINT_CLUSTER naming the cause: the kubeconfig or context (see `loadKubeConfig`), a
 * cluster that does not answer discovery, or collections still not listed when the time is up
 * (with the last error the watches met, e.g. `HTTP 403` for a missing permission). Nothing is
 * left running when it throws.
 */
export async function openClusterInput(options: ClusterInputOptions): Promise<RoutingInput> {
  const config = loadKubeConfig(options);
  const server = config.getCurrentCluster()?.server ?? '(unknown server)';
  const watchErrors = new WatchErrors();
  const kube = new KubeClient(config);
  const view = new LiveClusterView({
    kube,
    metrics: createMetrics(new Registry(), { processMetrics: false }),
    logger: pino({ level: 'warn' }, watchErrors),
  });
  const close = async () => {
    await view.stop();
    await kube.close();
  };
  try {
    await view.start();
  } catch (cause) {
    await close();
    throw new GammaError('GAMMA_ERR_LINT_CLUSTER', `${server}: ${(cause as Error).message}`, { cause });
  }
  const timeoutMs = options.syncTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const outcome = await Promise.race([view.whenSynced().then(() => 'synced' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    await close();
    const last = watchErrors.last === undefined ? '' : ` (last error: ${watchErrors.last})`;
    throw new GammaError('GAMMA_ERR_LINT_CLUSTER', `${server}: the routes, Services and grants were not all listed within ${timeoutMs / 1000} s${last}`);
  }
  return { view, routeSource: () => undefined, entrySource: () => undefined, close };
}

/** A log destination that keeps the last warning or error the view logged, to explain a failed sync. */
class WatchErrors {
  last: string | undefined;

  write(line: string): void {
    try {
      const record = JSON.parse(line) as { msg?: unknown; kind?: unknown; err?: LoggedError };
      const what = [record.kind, record.msg].filter((part) => typeof part === 'string').join(' ');
      this.last = record.err === undefined ? what : `${what}: ${loggedErrorText(record.err)}`;
    } catch {
      this.last = line.trim();
    }
  }
}

/** An error as pino serialises it; an API error keeps its HTTP `code` and response `body`. */
interface LoggedError {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly body?: unknown;
}

/** `HTTP 403: <the server's message>` for an API error, else the first line of the message. */
function loggedErrorText(err: LoggedError): string {
  if (typeof err.code === 'number') {
    let body = err.body;
    try {
      if (typeof body === 'string') body = JSON.parse(body) as unknown;
    } catch {
      // A body that is not JSON carries no message to add.
    }
    const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : undefined;
    return `HTTP ${err.code}${message === undefined ? '' : `: ${message}`}`;
  }
  return typeof err.message === 'string' ? (err.message.split('\n')[0] ?? '') : 'unknown error';
}
