import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A running `gamma-webhook serve` process, started as users start it. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly ca: string;
  readonly dir: string;
  /** Everything the process printed so far (JSON log lines and stderr). */
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed AdmissionReview: each test reads the fields it asserts on
  post(pathname: string, body: unknown): Promise<{ status: number; json: () => any }>;
  get(pathname: string): Promise<{ status: number; text: string }>;
  /** SIGKILL if still running; closes the client. */
  kill(): Promise<void>;
}

/**
 * Spawns `node src/cli/main.ts serve --port 0` in a temporary directory (development
 * certificates are generated there) and resolves once it listens.
 */
export async function startServeProcess(args: readonly string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gamma-serve-'));
  const lines: string[] = [];
  const child = spawn(process.execPath, [path.join(root, 'src/cli/main.ts'), 'serve', '--port', '0', '--certs-dir', path.join(dir, 'certs'), ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      lines.push(...complete);
      const match = /Server listening at https:\/\/127\.0\.0\.1:(\d+)/.exec(complete.join('\n'));
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)));
  });
  const ca = readFileSync(path.join(dir, 'certs/ca.crt'), 'utf8');
  const dispatcher = new Agent({ connect: { ca } });
  const origin = `https://127.0.0.1:${port}`;
  return {
    child, port, ca, dir, lines, exited,
    post: async (pathname, body) => {
      const response = await request(`${origin}${pathname}`, {
        method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, dispatcher,
      });
      const text = await response.body.text();
      return { status: response.statusCode, json: () => JSON.parse(text) };
    },
    get: async (pathname) => {
      const response = await request(`${origin}${pathname}`, { dispatcher });
      return { status: response.statusCode, text: await response.body.text() };
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await dispatcher.close();
    },
  };
}

/** Polls `check` until it returns true or the deadline passes (then throws with `what`). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
