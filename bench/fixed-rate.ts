/**
 * The fixed-rate (open loop) load generator, run as its own process: HTTP/1.1 written by hand on
 * kept-alive TLS sockets. A general client (undici) allocates several objects and promises per
 * request; on a 2-core machine shared with the server, its own garbage collection and event-loop
 * turns then show up in the latencies it measures (BENCHMARKS.md: p99.9 15 ms against 3 to 5). This one sends a
 * prebuilt request buffer and reads only the status line, Content-Length and the body's bytes.
 *
 * Requests are due on a fixed schedule (`rate` per second), whatever the answers do; a 1 ms timer
 * sends those that are due. A request goes out on an idle connection; when every connection is
 * busy it waits for one, and that wait counts in its latency (no coordinated omission). Latency
 * runs from the timer's turn that sent the request to the last byte of the answer, from
 * `process.hrtime.bigint()`, into an HDR histogram in nanoseconds. How late the timer itself
 * fired is the client's delay, not the server's: it is reported apart, as `maxLagUs`.
 * Answers other than HTTP 200 with `"allowed":true` in the body count as errors.
 */
import { connect, type TLSSocket } from 'node:tls';
import { latencyHistogram, loadResult, runAsChild, type LoadResult } from './load-result.ts';
import type { LoadConfig } from './load.ts';

/** One fixed-rate run against one door: a closed-loop config plus the rate. */
export interface FixedRateConfig extends LoadConfig {
  /** Requests per second. */
  readonly rate: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const ALLOWED = Buffer.from('"allowed":true');

/** A kept-alive connection and the request it is answering, if any. */
interface Connection {
  readonly socket: TLSSocket;
  busy: boolean;
  /** When the timer wanted the request in flight sent (ns, hrtime). */
  due: bigint;
  received: Buffer;
  /** Header length and body length once the header is complete; -1 before. */
  headerLength: number;
  bodyLength: number;
  status: number;
}

function open(config: FixedRateConfig): Promise<TLSSocket> {
  const url = new URL(config.origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), ca: config.ca, servername: 'localhost' }, () => resolve(socket));
    socket.setNoDelay(true);
    socket.once('error', reject);
  });
}

/** Parses the status line and Content-Length once the header is complete. */
function readHeader(c: Connection): void {
  const end = c.received.indexOf(HEADER_END);
  if (end < 0) return;
  const header = c.received.toString('latin1', 0, end);
  c.status = Number(header.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(header);
  c.headerLength = end + HEADER_END.length;
  c.bodyLength = length ? Number(length[1]) : 0;
}

/** Runs one fixed-rate load and returns what it measured. */
export async function runFixedRate(config: FixedRateConfig): Promise<LoadResult> {
  const url = new URL(config.origin);
  const request = Buffer.concat([
    Buffer.from(
      `POST ${config.path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(config.body)}\r\n\r\n`,
      'latin1',
    ),
    Buffer.from(config.body),
  ]);
  const recorded = latencyHistogram();
  const sockets = await Promise.all(Array.from({ length: config.connections }, () => open(config)));
  const connections: Connection[] = sockets.map((socket) => ({ socket, busy: false, due: 0n, received: Buffer.alloc(0), headerLength: -1, bodyLength: 0, status: 0 }));
  const idle: Connection[] = [...connections];
  /** Send times of requests waiting for a connection, oldest first. */
  const waiting: bigint[] = [];
  const started = process.hrtime.bigint();
  const measureFrom = started + BigInt(config.warmupMs) * 1_000_000n;
  const end = measureFrom + BigInt(config.durationMs) * 1_000_000n;
  let requests = 0;
  let errors = 0;
  let maxLagUs = 0;
  let socketError: Error | undefined;

  const send = (c: Connection, due: bigint): void => {
    c.busy = true;
    c.due = due;
    c.received = Buffer.alloc(0);
    c.headerLength = -1;
    c.socket.write(request);
  };
  const finish = (c: Connection): void => {
    const now = process.hrtime.bigint();
    if (c.due >= measureFrom) {
      requests += 1;
      const body = c.received.subarray(c.headerLength, c.headerLength + c.bodyLength);
      if (c.status === 200 && body.includes(ALLOWED)) recorded.recordValue(Number(now - c.due));
      else errors += 1;
    }
    c.busy = false;
    const next = waiting.shift();
    if (next === undefined) idle.push(c);
    else send(c, next);
  };
  for (const c of connections) {
    c.socket.on('data', (chunk: Buffer) => {
      c.received = c.received.length === 0 ? chunk : Buffer.concat([c.received, chunk]);
      if (c.headerLength < 0) readHeader(c);
      if (c.headerLength >= 0 && c.received.length >= c.headerLength + c.bodyLength) finish(c);
    });
    c.socket.on('error', (error: Error) => {
      socketError = error;
    });
  }

  const intervalNs = BigInt(Math.round(1e9 / config.rate));
  let sent = 0n;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = process.hrtime.bigint();
      if (now >= end || socketError) {
        clearInterval(timer);
        resolve();
        return;
      }
      for (let due = started + sent * intervalNs; due <= now; due = started + sent * intervalNs) {
        sent += 1n;
        maxLagUs = Math.max(maxLagUs, Number(now - due) / 1000);
        const c = idle.pop();
        if (c === undefined) waiting.push(now);
        else send(c, now);
      }
    }, 1);
  });
  // Answers still in flight are waited for (up to 5 s) so that they count.
  const deadline = Date.now() + 5000;
  while ((connections.some((c) => c.busy) || waiting.length > 0) && Date.now() < deadline && !socketError) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (const c of connections) c.socket.destroy();
  if (socketError) throw socketError;
  errors += waiting.length + connections.filter((c) => c.busy).length;
  return { ...loadResult('fixed-rate', recorded, { requests, errors, seconds: config.durationMs / 1000 }), maxLagUs: Math.round(maxLagUs) };
}

runAsChild(import.meta.url, 'fixed-rate load', runFixedRate);
