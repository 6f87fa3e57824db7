/**
 * A ServiceImport backend created after its route flips ResolvedRefs. Against the loopback fake
 * API server, not the real one: ../shared holds no ServiceImport CRD (multicluster.x-k8s.io) to
 * apply to ../shared/envtest's server; the fake serves it when enabled. The other convergence
 * cases run against the real server in status-convergence.test.ts.
 */
import { afterEach, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/apiserver/index.ts';
import { httpRoute, meshRef, service, startReplica, storedParents, until, type Replica } from '../status/harness.ts';

const mc = 'multicluster.x-k8s.io';
const running: { replica: Replica; server: ApiServer }[] = [];

afterEach(async () => {
  for (const { replica, server } of running.splice(0)) {
    await replica.stop();
    await server.close();
  }
});

it('flips ResolvedRefs when a ServiceImport backend is created after its route', async () => {
  const route = httpRoute('imported', [meshRef('echo')], [{ group: mc, kind: 'ServiceImport', name: 'echo-east', port: 80 } as { name: string; port: number }]);
  const server = await startApiServer({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, service('echo'), route], enabled: [`serviceimports.${mc}/v1alpha1`] });
  const replica = await startReplica(server.kubeConfig(), { now: () => new Date('2026-11-22T09:00:00Z') });
  running.push({ replica, server });
  await until('the replica to lead', () => replica.elector.isLeader());
  expect(replica.policy.load('features: [ServiceImport]\n', { kind: 'file', name: 'test-policy.yaml' }).outcome).toBe('applied');
  const text = () => JSON.stringify(storedParents(server, 'HTTPRoute', 'imported')) ?? '';
  await until('ResolvedRefs=False', () => text().includes('BackendNotFound'));
  server.create({ apiVersion: `${mc}/v1alpha1`, kind: 'ServiceImport', metadata: { name: 'echo-east', namespace: 'default' }, spec: { type: 'ClusterSetIP', ports: [{ port: 80 }] } });
  await until('ResolvedRefs=True', () => text().includes('"reason":"ResolvedRefs"'));
});
