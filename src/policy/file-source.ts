import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { PolicyError } from './parse.ts';
import type { PolicyLoadResult, PolicyOrigin, PolicyStore } from './store.ts';

export interface PolicyFileOptions {
  readonly store: PolicyStore;
  /** The policy file (`--policy FILE`). */
  readonly path: string;
  readonly logger: Logger;
  /**
   * How often the file is read again, in milliseconds (default 1000); 0 reads it once and never
   * again. Polling, not `fs.watch`: it sees editors' rename-and-replace and the symlink swap of a
   * mounted ConfigMap volume alike, and the file is small.
   */
  readonly intervalMs?: number;
}

/** A running file source. */
export interface PolicyFileSource {
  /** The outcome of the first read, done synchronously by `startPolicyFile`. */
  readonly initial: PolicyLoadResult;
  /** Stops polling. Idempotent. */
  close(): void;
}

/** The store's result for one read of the file: its text, or why it could not be read. */
function loadText(store: PolicyStore, origin: PolicyOrigin, read: () => string): PolicyLoadResult {
  let text: string;
  try {
    text = read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return store.refuse(origin, new PolicyError('GAMMA_ERR_POLICY_UNREADABLE', `file ${origin.name}`, [{ path: '(document)', message: reason }]));
  }
  return store.load(text, origin);
}

/**
 * Reads the policy file into the store now (synchronously, so that serving starts with it),
 * then again every `intervalMs`. A change applies at the next read; an invalid or unreadable
 * file (missing, a directory, over `maxPolicyBytes`, not a valid document) is reported by the store once per distinct
 * failure and the last good policy (at first, the built-in defaults) stays. The timer is
 * unref'd: it never keeps the process alive.
 */
export function startPolicyFile(options: PolicyFileOptions): PolicyFileSource {
  const { store, path, logger } = options;
  const origin: PolicyOrigin = { kind: 'file', name: path };
  const initial = loadText(store, origin, () => readFileSync(path, 'utf8'));
  const intervalMs = options.intervalMs ?? 1000;
  let reading = false;
  let timer: NodeJS.Timeout | undefined;
  if (intervalMs > 0) {
    timer = setInterval(() => {
      if (reading) return;
      reading = true;
      readFile(path, 'utf8').then(
        (text) => loadText(store, origin, () => text),
        (error: unknown) => loadText(store, origin, () => { throw error; }),
      ).catch((error: unknown) => {
        logger.error({ err: error, origin: path }, 'policy file read failed');
      }).finally(() => {
        reading = false;
      });
    }, intervalMs);
    timer.unref();
  }
  return {
    initial,
    close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
