/** The process logger: pino JSON lines on standard output. */
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

/**
 * A logger writing to fd 1 asynchronously: lines written while a write is in flight go out
 * together, and a lone line still leaves at once (no minimum buffer size). pino flushes what is
 * pending when the process exits, process.exit included.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({ level }, pino.destination({ dest: 1, sync: false }));
}
