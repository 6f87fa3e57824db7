import type { Logger } from 'pino';

export interface ShutdownOptions {
  /** Seconds /readyz reports not-ready while new connections are still accepted (endpoints converge). */
  readonly drainDelaySeconds: number;
  /** Seconds in-flight requests get once the listener is closed. */
  readonly timeoutSeconds: number;
  readonly logger: Logger;
  /** Stops listening and waits for in-flight requests (Fastify's close). */
  readonly close: () => Promise<void>;
}

/**
 * Graceful shutdown as Kubernetes expects it: on the signal, readiness turns false at once;
 * after the drain delay the listener closes (new connections are refused) and in-flight
 * requests complete; then the returned promise resolves with the exit code (1 if the timeout
 * cut requests short).
 */
export function createShutdown(options: ShutdownOptions) {
  let draining = false;
  let finished: Promise<number> | undefined;
  // Unref'ed: a pending timer must not keep the process alive once everything is closed.
  const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000).unref());
  return {
    /** For the readiness check. */
    draining: () => draining,
    /** Idempotent: a second signal waits for the first shutdown. */
    begin(signal: string): Promise<number> {
      finished ??= (async () => {
        draining = true;
        options.logger.info({ signal, drainDelaySeconds: options.drainDelaySeconds }, 'shutting down: not ready, draining');
        await sleep(options.drainDelaySeconds);
        const timedOut = Symbol('timeout');
        const timer = sleep(options.timeoutSeconds).then(() => timedOut);
        const result = await Promise.race([options.close().then(() => undefined), timer]);
        if (result === timedOut) {
          options.logger.warn({ timeoutSeconds: options.timeoutSeconds }, 'shutdown timed out with requests in flight');
          return 1;
        }
        options.logger.info('shut down cleanly');
        return 0;
      })();
      return finished;
    },
  };
}
