/**
 * The kube client against the loopback API server, behind a TCP relay that counts connections:
 * every kind of call (raw JSON, generated APIs, watches) shares one pool; errors are client-node's
 * ApiException with the status and the Status body; deadlines abort.
 */
import { createServer, connect, type Socket } from 'node:net';
import { ApiException, CoordinationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiStatus, KubeClient, withSignal } from '../../src/kube/client.ts';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';

interface Relay {
  readonly url: string;
  /** TCP connections opened through the relay so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Forwards TCP to `target` (TLS passes through untouched) and counts the connections. */
async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((client) => {
    connections += 1;
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    get connections() {
      return connections;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The server's kubeconfig, pointed at `url`. */
function kubeConfigAt(server: ApiServer, url: string): KubeConfig {
  const original = server.kubeConfig();
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: original.getClusters().map((c) => ({ ...c, server: url })),
    users: original.getUsers(),
    contexts: original.getContexts(),
    currentContext: original.getCurrentContext(),
  });
  return kc;
}

let server: ApiServer;
let relay: Relay;
let clients: KubeClient[];

beforeEach(async () => {
  server = await startApiServer({
    objects: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace: 'default' }, spec: { ports: [{ port: 80 }] } }],
  });
  relay = await startRelay(new URL(server.url));
  clients = [];
});

afterEach(async () => {
  for (const client of clients) await client.close();
  await relay.close();
  await server.close();
});

function client(): KubeClient {
  const kube = new KubeClient(kubeConfigAt(server, relay.url));
  clients.push(kube);
  return kube;
}

describe('KubeClient', () => {
  it('sends raw requests, generated API calls and a watch over one pool', async () => {
    const kube = client();
    const core = kube.api(CoreV1Api);
    const calls = [
      () => kube.request({ method: 'GET', path: '/api/v1/namespaces/default/services' }),
      () => core.readNamespacedService({ namespace: 'default', name: 'echo' }),
      () => kube.api(CoordinationV1Api).listNamespacedLease({ namespace: 'default' }),
    ];
    // Warm-up: undici's pool may open a second connection for the second request.
    for (const call of calls.slice(0, 2)) await call();
    const warm = relay.connections;
    expect(warm).toBeLessThanOrEqual(2);
    for (let i = 0; i < 3; i++) for (const call of calls) await call();
    expect(relay.connections).toBe(warm);
    // A watch holds a connection while it streams; calls around it do not add more than that one.
    const controller = await kube.watch().watch('/api/v1/services', {}, () => {}, () => {});
    await vi.waitFor(() => expect(server.openWatches({ resource: 'services' })).toBe(1), { timeout: 5000, interval: 10 });
    for (const call of calls) await call();
    expect(relay.connections).toBeLessThanOrEqual(warm + 1);
    controller.abort();
  });

  it('the control case: client-node alone opens a connection per call', async () => {
    const core = kubeConfigAt(server, relay.url).makeApiClient(CoreV1Api);
    for (let i = 0; i < 5; i++) await core.readNamespacedService({ namespace: 'default', name: 'echo' });
    expect(relay.connections).toBe(5);
  });

  it('rejects a non-2xx answer with ApiException carrying the status and the Status body', async () => {
    const kube = client();
    const error: unknown = await kube.request({ method: 'GET', path: '/api/v1/namespaces/default/services/missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(apiStatus(error)).toBe(404);
    expect((error as ApiException<{ kind: string; reason: string }>).body).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    expect((error as Error).message).toContain('GET /api/v1/namespaces/default/services/missing');
    // Generated APIs reject the same way.
    const generated: unknown = await client().api(CoreV1Api).readNamespacedService({ namespace: 'default', name: 'missing' }).catch((e: unknown) => e);
    expect(apiStatus(generated)).toBe(404);
  });

  it('sends the body with its content type and returns the parsed answer', async () => {
    const kube = client();
    const patched = await kube.request({
      method: 'PATCH',
      path: '/api/v1/namespaces/default/services/echo',
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { team: 'a' } } },
    });
    expect(patched).toMatchObject({ metadata: { name: 'echo', labels: { team: 'a' } } });
  });

  it('aborts a request at its deadline, raw or generated', async () => {
    const kube = client();
    server.inject({ verb: 'get', resource: 'services', name: 'echo', delayMs: 2000, times: 2 });
    const raw: unknown = await kube.request({ method: 'GET', path: '/api/v1/namespaces/default/services/echo', signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((raw as Error).name).toBe('TimeoutError');
    const generated: unknown = await kube.api(CoreV1Api).readNamespacedService({ namespace: 'default', name: 'echo' }, withSignal(AbortSignal.timeout(50))).catch((e: unknown) => e);
    expect((generated as Error).name).toBe('TimeoutError');
  });
});
