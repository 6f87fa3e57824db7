/**
 * A 409 in the middle of a status write: another controller writes its entry between the
 * reconciler's read and its PATCH. The PATCH carries the stale resourceVersion, the server
 * answers 409 (fixtures B-05-patch-status-stale-rv-409), the writer reads the route again and
 * writes status that keeps the other controller's entry. And API errors (5xx) retried with backoff.
 *
 * Against the loopback fake API server, not ../shared/envtest's real one: both cases need a fault
 * at a chosen moment that a real server does not produce on demand (a PATCH held back long enough
 * for another writer to get in between; 500 answers). The real server's 409 on a stale
 * resourceVersion is checked in test/status/writer-api.test.ts.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { CONTROLLER, GW, httpRoute, meshRef, service, startReplica, storedParents, until, type Replica } from '../status/harness.ts';

const running: { replica: Replica; server: ApiServer }[] = [];

afterEach(async () => {
  for (const { replica, server } of running.splice(0)) {
    await replica.stop();
    await server.close();
  }
});

const T1 = '2026-11-22T09:00:00Z';
const ref = { apiVersion: `${GW}/v1`, kind: 'HTTPRoute', namespace: 'default', name: 'web' };
const gatewayEntry = {
  parentRef: { group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' },
  controllerName: 'example.com/gateway-controller',
  conditions: [{ type: 'Accepted', status: 'True', observedGeneration: 1, lastTransitionTime: '2025-06-01T00:00:00Z', reason: 'Accepted', message: 'Accepted by edge' }],
};
const oursEntry = {
  parentRef: { group: '', kind: 'Service', name: 'echo' },
  controllerName: CONTROLLER,
  conditions: [
    { type: 'Accepted', status: 'True', observedGeneration: 1, lastTransitionTime: T1, reason: 'Accepted', message: 'the parent Service accepts the route' },
    { type: 'ResolvedRefs', status: 'True', observedGeneration: 1, lastTransitionTime: T1, reason: 'ResolvedRefs', message: 'every backend reference resolves' },
  ],
};

it('retries a write that meets a real 409 with a fresh read, keeping what the other writer wrote', async () => {
  const server = await startApiServer({
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
      service('echo'),
      service('echo-v1'),
      httpRoute('web', [{ group: GW, kind: 'Gateway', name: 'edge', namespace: 'infra' }, meshRef('echo')], [{ name: 'echo-v1', port: 80 }]),
    ],
  });
  // Hold the first status PATCH long enough for the other controller to write in between.
  server.inject({ verb: 'patch', subresource: 'status', name: 'web', delayMs: 400, times: 1 });
  const replica = await startReplica(server.kubeConfig(), { now: () => new Date(T1) });
  running.push({ replica, server });

  await until('the first PATCH to be on its way', () => server.requests.some((r) => r.verb === 'patch' && r.subresource === 'status'));
  const stored = server.read(ref);
  if (!stored) throw new Error('route missing');
  server.replace({ ...stored, status: { parents: [gatewayEntry] } }, { subresource: 'status' });

  await until('both entries', () => isDeepStrictEqual(storedParents(server, 'HTTPRoute', 'web'), [gatewayEntry, oursEntry]));
  await until('the write to be counted', async () => (await replica.writes()).written === 1);
  await until('the reconciler to be idle', () => replica.reconciler.idle());
  const requests = [...server.requests];
  const answers = requests.filter((r) => r.verb === 'patch' && r.subresource === 'status').map((r) => r.status);
  // The held PATCH met the 409; the retry after a fresh GET wrote. (The other writer's own watch
  // event may re-queue the route later with a cache older than our write: that costs one more
  // 409 and GET, never a second write.)
  expect(answers.slice(0, 2)).toEqual([409, 200]);
  expect(answers.filter((status) => status === 200)).toHaveLength(1);
  const gets = requests.filter((r) => r.verb === 'get' && r.resource === 'httproutes' && r.name === 'web').length;
  expect(gets).toBeLessThanOrEqual(answers.filter((status) => status === 409).length);
  expect(gets).toBeGreaterThanOrEqual(1);
  expect(storedParents(server, 'HTTPRoute', 'web')).toEqual([gatewayEntry, oursEntry]);
});

it('retries with backoff after API errors and converges', async () => {
  const server = await startApiServer({
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
      service('echo'),
      service('echo-v1'),
      httpRoute('web', [meshRef('echo')], [{ name: 'echo-v1', port: 80 }]),
    ],
  });
  server.inject({ verb: 'patch', subresource: 'status', status: 500, times: 2 });
  const replica = await startReplica(server.kubeConfig(), { now: () => new Date(T1) });
  running.push({ replica, server });
  await until('the status', () => isDeepStrictEqual(storedParents(server, 'HTTPRoute', 'web'), [oursEntry]));
  // The server stores the write before the client has read the answer and counted it.
  await until('the write to be counted', async () => (await replica.writes()).written === 1);
  const writes = await replica.writes();
  expect(writes.error).toBe(2);
  expect(writes.written).toBe(1);
});
