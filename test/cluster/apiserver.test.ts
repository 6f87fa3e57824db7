/**
 * The loopback API server against the recorded kube-apiserver 1.32 responses: what a client can
 * see (status codes, Status bodies, list pages, watch events) must match the fixtures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer, type KubeObject } from '../support/apiserver/index.ts';
import { sharedPath } from '../support/shared.ts';

const fixtures = sharedPath('fixtures', 'kube-apiserver-1.32');

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(fixtures.path, name), 'utf8')) as Record<string, unknown>;
}

function fixtureLines(name: string): Record<string, unknown>[] {
  return readFileSync(path.join(fixtures.path, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

function service(namespace: string, name: string, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, ...(labels ? { labels } : {}) }, spec: { ports: [{ name: 'http', port: 80 }] } };
}

const seedRoute: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'echo-route', namespace: 'default' },
  spec: {
    parentRefs: [{ kind: 'Service', group: '', name: 'echo-service' }],
    rules: [{ backendRefs: [{ name: 'echo-v1', port: 80, weight: 9 }] }, { backendRefs: [{ name: 'echo-v2', port: 80, weight: 1 }] }],
  },
};

/** A small HTTPS client trusting the server's certificate. */
function client(server: ApiServer) {
  const dispatcher = new Agent({ connect: { ca: server.ca } });
  return {
    dispatcher,
    async call(method: string, pathAndQuery: string, options: { body?: unknown; contentType?: string; token?: string | null } = {}) {
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'gamma-webhook/0.1.0' };
      if (options.token !== null) headers.authorization = `Bearer ${options.token ?? server.token}`;
      if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
      const res = await request(`${server.url}${pathAndQuery}`, {
        method: method as 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        dispatcher,
      });
      const text = await res.body.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, headers: res.headers, text, json: json as Record<string, unknown> };
    },
  };
}

describe.skipIf(fixtures.missing !== undefined)('loopback API server, against the recorded responses', () => {
  let server: ApiServer;
  let http: ReturnType<typeof client>;
  const names = [
    ['default', 'echo-headless'], ['default', 'echo-service'], ['default', 'echo-v1'], ['default', 'echo-v2'],
    ['default', 'external-db'], ['default', 'grpc-infra-backend-v1'], ['default', 'kubernetes'],
    ['store', 'echo-service'], ['store', 'echo-v1'],
  ] as const;

  beforeAll(async () => {
    server = await startApiServer({ objects: [...names].reverse().map(([ns, name]) => service(ns, name)), bookmarkIntervalMs: 3_600_000 });
    http = client(server);
  });
  afterAll(async () => {
    await http.dispatcher.close();
    await server.close();
  });

  it('answers a missing Service with the 404 Status of B-01', async () => {
    const res = await http.call('GET', '/api/v1/namespaces/default/services/echo-missing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(JSON.stringify(fixture('B-01-get-service-404.json')));
  });

  it('answers a missing Lease with the 404 Status of B-08 (details.group)', async () => {
    const res = await http.call('GET', '/apis/coordination.k8s.io/v1/namespaces/default/leases/gamma-webhook-other');
    expect(res.json).toEqual(fixture('B-08-lease-get-404.json'));
  });

  it('answers an unserved version with text 404 page not found (B-07 v1alpha2)', async () => {
    const res = await http.call('GET', '/apis/gateway.networking.k8s.io/v1alpha2/referencegrants');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('404 page not found');
  });

  it('refuses a request without the bearer token with 401', async () => {
    const res = await http.call('GET', '/api/v1/services', { token: null });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    const wrong = await http.call('GET', '/api/v1/services', { token: 'nope' });
    expect(wrong.status).toBe(401);
  });

  it('pages a list like B-02: continue token, remainingItemCount, same resourceVersion', async () => {
    const page1 = await http.call('GET', '/api/v1/services?limit=2');
    const recorded = fixture('B-02-list-services-limit2-page1.json');
    const meta = page1.json.metadata as Record<string, unknown>;
    expect(Object.keys(page1.json)).toEqual(Object.keys(recorded));
    expect(Object.keys(meta)).toEqual(['resourceVersion', 'continue', 'remainingItemCount']);
    expect(meta.remainingItemCount).toBe(7);
    const token = JSON.parse(Buffer.from(String(meta.continue), 'base64url').toString()) as Record<string, unknown>;
    expect(token).toEqual({ v: 'meta.k8s.io/v1', rv: Number(meta.resourceVersion), start: 'default/echo-service\u0000' });
    const items = page1.json.items as KubeObject[];
    expect(items.map((i) => i.metadata.name)).toEqual((recorded.items as KubeObject[]).map((i) => i.metadata.name));
    expect(items[0]).not.toHaveProperty('kind');
    // A write between pages does not show up in the same list (pages come from one snapshot).
    server.create(service('default', 'echo-after'));
    const seen = [...items];
    let next = String(meta.continue);
    let last: Record<string, unknown> = {};
    while (next) {
      const page = await http.call('GET', `/api/v1/services?limit=2&continue=${encodeURIComponent(next)}`);
      expect((page.json.metadata as Record<string, unknown>).resourceVersion).toBe(meta.resourceVersion);
      seen.push(...(page.json.items as KubeObject[]));
      last = page.json.metadata as Record<string, unknown>;
      next = typeof last.continue === 'string' ? last.continue : '';
    }
    expect(Object.keys(last)).toEqual(Object.keys(fixture('B-02-list-services-limit2-page-last.json').metadata as object));
    expect(seen.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(names.map(([ns, n]) => `${ns}/${n}`));
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'echo-after' });
  });

  it('answers an expired continue token with the 410 of B-04 and a fresh rv -1 token', async () => {
    const page1 = await http.call('GET', '/api/v1/services?limit=2');
    const token = String((page1.json.metadata as Record<string, unknown>).continue);
    server.create(service('default', 'compaction-marker'));
    server.compact();
    const res = await http.call('GET', `/api/v1/services?limit=2&continue=${encodeURIComponent(token)}`);
    expect(res.status).toBe(410);
    const recorded = fixture('B-04-list-continue-expired-410.json');
    expect({ ...res.json, metadata: {} }).toEqual({ ...recorded, metadata: {} });
    const fresh = JSON.parse(Buffer.from(String((res.json.metadata as Record<string, unknown>).continue), 'base64url').toString()) as Record<string, unknown>;
    expect(fresh).toEqual({ v: 'meta.k8s.io/v1', rv: -1, start: 'default/echo-service\u0000' });
    const exact = await http.call('GET', '/api/v1/services?limit=2&resourceVersion=101&resourceVersionMatch=Exact');
    expect(exact.status).toBe(410);
    expect(exact.json).toEqual(fixture('B-04-list-rv-exact-compacted-410.json'));
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'compaction-marker' });
  });

  it('filters lists by labelSelector and fieldSelector metadata.name', async () => {
    server.create(service('store', 'labelled', { app: 'echo', tier: 'web' }));
    const byLabel = await http.call('GET', `/api/v1/services?labelSelector=${encodeURIComponent('app=echo,tier in (web,db)')}`);
    expect((byLabel.json.items as KubeObject[]).map((i) => i.metadata.name)).toEqual(['labelled']);
    const byName = await http.call('GET', '/api/v1/namespaces/store/services?fieldSelector=metadata.name%3Dlabelled');
    expect((byName.json.items as KubeObject[]).map((i) => i.metadata.name)).toEqual(['labelled']);
    const bad = await http.call('GET', '/api/v1/services?fieldSelector=spec.type%3DClusterIP');
    expect(bad.status).toBe(400);
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'store', name: 'labelled' });
  });

  it('answers a too-old watch with HTTP 200 and the single 410 ERROR event of B-04', async () => {
    const old = await startApiServer({ firstResourceVersion: 333 });
    const c = client(old);
    try {
      const res = await c.call('GET', '/api/v1/services?watch=1&allowWatchBookmarks=true&resourceVersion=1&timeoutSeconds=10');
      expect(res.status).toBe(200);
      expect(res.text).toBe(readFileSync(path.join(fixtures.path, 'B-04-watch-too-old-rv.ndjson'), 'utf8'));
      const cm = await c.call('GET', '/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1');
      expect(cm.text).toBe(readFileSync(path.join(fixtures.path, 'B-04-watch-configmaps-ns-too-old-rv.ndjson'), 'utf8'));
    } finally {
      await c.dispatcher.close();
      await old.close();
    }
  });

  it('streams ADDED, MODIFIED, DELETED and bookmarks shaped like B-03, and ends at timeoutSeconds', async () => {
    const from = server.resourceVersion;
    const pending = http.call('GET', `/api/v1/namespaces/default/services?watch=1&allowWatchBookmarks=true&resourceVersion=${from}&timeoutSeconds=1`);
    const created = server.create(service('default', 'echo-canary', { app: 'echo' }));
    server.replace({ ...created, metadata: { ...created.metadata, labels: { app: 'echo', version: 'canary' } } });
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'echo-canary' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Another kind's change moves no Service bookmark (as ../shared/envtest's real server showed);
    // a Service change outside the watched namespace does.
    server.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'moves-rv', namespace: 'default' }, data: {} });
    server.sendBookmarks();
    server.create(service('store', 'moves-rv'));
    server.sendBookmarks();
    const res = await pending;
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const events = res.text.trim().split('\n').map((l) => JSON.parse(l) as { type: string; object: KubeObject });
    const recorded = fixtureLines('B-03-watch-services.ndjson');
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);
    expect(Object.keys(events[0]?.object ?? {})).toEqual(Object.keys((recorded[0]?.object ?? {})));
    const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(rvs[3]).toBe(server.resourceVersion);
    const bookmark = recorded[3]?.object as KubeObject;
    expect(events[3]?.object).toEqual({ ...bookmark, metadata: { ...bookmark.metadata, resourceVersion: String(server.resourceVersion) } });
    server.remove({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'moves-rv' });
    server.remove({ apiVersion: 'v1', kind: 'Service', namespace: 'store', name: 'moves-rv' });
  });

  it('writes route status with merge PATCH, keeps generation, answers a stale resourceVersion with the 409 of B-05', async () => {
    const created = server.create(seedRoute);
    expect(created.metadata.generation).toBe(1);
    const statusPath = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/echo-route/status';
    const body = (fixture('B-05-patch-status.request.json').body ?? {}) as Record<string, unknown>;
    const ok = await http.call('PATCH', statusPath, { body, contentType: 'application/merge-patch+json' });
    expect(ok.status).toBe(200);
    expect(ok.json.status).toEqual(body.status);
    expect((ok.json.metadata as Record<string, unknown>).generation).toBe(1);
    const again = await http.call('PATCH', statusPath, { body, contentType: 'application/merge-patch+json' });
    expect((again.json.metadata as Record<string, unknown>).resourceVersion).toBe((ok.json.metadata as Record<string, unknown>).resourceVersion);
    const stale = (fixture('B-05-patch-status-stale-rv.request.json').body ?? {}) as Record<string, unknown>;
    const conflict = await http.call('PATCH', statusPath, { body: stale, contentType: 'application/merge-patch+json' });
    expect(conflict.status).toBe(409);
    expect(conflict.text).toBe(JSON.stringify(fixture('B-05-patch-status-stale-rv-409.response.json')));
    const put = await http.call('PUT', statusPath, { body: { ...created, metadata: { ...created.metadata, resourceVersion: '417' } } });
    expect(put.json).toEqual(fixture('B-05-put-status-stale-rv-409.response.json'));
    // Custom resources come back with sorted keys and the CRD defaults applied (README, B-05).
    expect(Object.keys(ok.json)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(((ok.json.spec as { rules: { matches: unknown }[] }).rules[0])?.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
  });

  it('refuses a route status condition without a required field with 422, as kube-apiserver 1.32 does (test/e2e/status.test.ts)', async () => {
    const statusPath = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/echo-route/status';
    const condition = { type: 'Accepted', status: 'True', reason: 'Accepted', lastTransitionTime: '2026-01-01T00:00:00Z' };
    const parentRef = { group: '', kind: 'Service', name: 'echo-service' };
    const body = { status: { parents: [{ parentRef, controllerName: 'example.com/mesh', conditions: [condition] }] } };
    const refused = await http.call('PATCH', statusPath, { body, contentType: 'application/merge-patch+json' });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      reason: 'Invalid',
      message: 'HTTPRoute.gateway.networking.k8s.io "echo-route" is invalid: status.parents[0].conditions[0].message: Required value',
    });
    const complete = { status: { parents: [{ parentRef, controllerName: 'example.com/mesh', conditions: [{ ...condition, message: 'ok' }] }] } };
    expect((await http.call('PATCH', statusPath, { body: complete, contentType: 'application/merge-patch+json' })).status).toBe(200);
    // Back to the B-05 status, which the next test builds on.
    const b05 = (fixture('B-05-patch-status.request.json').body ?? {}) as Record<string, unknown>;
    expect((await http.call('PATCH', statusPath, { body: b05, contentType: 'application/merge-patch+json' })).status).toBe(200);
  });

  it('bumps generation on a spec change by JSON patch, not on a label change (B-06)', async () => {
    const itemPath = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/echo-route';
    const label = await http.call('PATCH', itemPath, { body: { metadata: { labels: { team: 'checkout' } } }, contentType: 'application/merge-patch+json' });
    expect((label.json.metadata as Record<string, unknown>).generation).toBe(1);
    const spec = await http.call('PATCH', itemPath, {
      body: [{ op: 'replace', path: '/spec/rules/0/backendRefs/0/weight', value: 8 }],
      contentType: 'application/json-patch+json',
    });
    expect(spec.status).toBe(200);
    expect((spec.json.metadata as Record<string, unknown>).generation).toBe(2);
    const conditions = ((spec.json.status as { parents: { conditions: { observedGeneration: number }[] }[] }).parents[0]?.conditions ?? []);
    expect(conditions[0]?.observedGeneration).toBe(1);
    const v1beta1 = await http.call('GET', '/apis/gateway.networking.k8s.io/v1beta1/namespaces/default/httproutes/echo-route');
    expect(v1beta1.json.apiVersion).toBe('gateway.networking.k8s.io/v1beta1');
    const failing = await http.call('PATCH', itemPath, { body: [{ op: 'test', path: '/spec/rules/0/backendRefs/0/weight', value: 1 }], contentType: 'application/json-patch+json' });
    expect(failing.status).toBe(422);
    const apply = await http.call('PATCH', itemPath, { body: {}, contentType: 'application/apply-patch+yaml' });
    expect(apply.status).toBe(415);
  });

  it('creates, conflicts and renews Leases like B-08', async () => {
    const leases = '/apis/coordination.k8s.io/v1/namespaces/default/leases';
    const body = (fixture('B-08-lease-create.request.json').body ?? {}) as Record<string, unknown>;
    const created = await http.call('POST', leases, { body });
    expect(created.status).toBe(201);
    const recorded = fixture('B-08-lease-create.response.json');
    expect(Object.keys(created.json)).toEqual(Object.keys(recorded));
    expect(Object.keys(created.json.metadata as object)).toEqual(Object.keys(recorded.metadata as object));
    expect(created.json.spec).toEqual(recorded.spec);
    const exists = await http.call('POST', leases, { body });
    expect(exists.json).toEqual(fixture('B-08-lease-create-exists-409.response.json'));
    const renew = { ...created.json, spec: { ...(created.json.spec as object), renewTime: '2026-11-22T08:54:20.000000Z' } };
    const renewed = await http.call('PUT', `${leases}/gamma-webhook-status`, { body: renew });
    expect(renewed.status).toBe(200);
    const stale = await http.call('PUT', `${leases}/gamma-webhook-status`, { body: renew });
    expect(stale.json).toEqual(fixture('B-08-lease-update-stale-rv-409.response.json'));
  });

  it('serves one Event storage through core v1 and events.k8s.io/v1 (B-09)', async () => {
    const body = (fixture('B-09-event-events-v1-create.request.json').body ?? {}) as Record<string, unknown>;
    const created = await http.call('POST', '/apis/events.k8s.io/v1/namespaces/default/events', { body });
    expect(created.status).toBe(201);
    const name = (created.json.metadata as Record<string, unknown>).name as string;
    const asCore = await http.call('GET', `/api/v1/namespaces/default/events/${name}`);
    const recorded = fixture('B-09-event-events-v1-read-as-core-v1.json');
    const { metadata: _m1, ...ours } = asCore.json;
    const { metadata: _m2, ...theirs } = recorded;
    expect(ours).toEqual({ ...theirs, eventTime: body.eventTime });
  });

  it('serves discovery like B-11, without the versions it is told not to serve', async () => {
    const group = await http.call('GET', '/apis/gateway.networking.k8s.io');
    expect(group.json).toEqual(fixture('B-11-discovery-apis-gateway.networking.k8s.io.json'));
    const v1beta1 = await http.call('GET', '/apis/gateway.networking.k8s.io/v1beta1');
    const recorded = fixture('B-11-discovery-apis-gateway.networking.k8s.io-v1beta1.json').resources as { name: string }[];
    const served = (v1beta1.json.resources as { name: string }[]).map((r) => r.name);
    for (const name of ['httproutes', 'httproutes/status', 'referencegrants']) {
      expect(served).toContain(name);
      expect(recorded.map((r) => r.name)).toContain(name);
    }
    const narrow = await startApiServer({ disabled: ['referencegrants.gateway.networking.k8s.io/v1'] });
    const c = client(narrow);
    try {
      const v1 = await c.call('GET', '/apis/gateway.networking.k8s.io/v1');
      expect((v1.json.resources as { name: string }[]).map((r) => r.name)).not.toContain('referencegrants');
      expect((await c.call('GET', '/apis/gateway.networking.k8s.io/v1/referencegrants')).status).toBe(404);
      expect((await c.call('GET', '/apis/gateway.networking.k8s.io/v1beta1/referencegrants')).status).toBe(200);
    } finally {
      await c.dispatcher.close();
      await narrow.close();
    }
  });

  it('serves the ServiceImport CRD (multicluster.x-k8s.io) only when enabled', async () => {
    expect((await http.call('GET', '/apis/multicluster.x-k8s.io/v1alpha1')).status).toBe(404);
    const groups = (await http.call('GET', '/apis')).json.groups as { name: string }[];
    expect(groups.map((g) => g.name)).not.toContain('multicluster.x-k8s.io');
    const withImports = await startApiServer({ enabled: ['serviceimports.multicluster.x-k8s.io/v1alpha1'] });
    const c = client(withImports);
    try {
      const v1alpha1 = await c.call('GET', '/apis/multicluster.x-k8s.io/v1alpha1');
      expect((v1alpha1.json.resources as { name: string }[]).map((r) => r.name)).toEqual(['serviceimports', 'serviceimports/status']);
      withImports.create({ apiVersion: 'multicluster.x-k8s.io/v1alpha1', kind: 'ServiceImport', metadata: { name: 'a', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
      const list = await c.call('GET', '/apis/multicluster.x-k8s.io/v1alpha1/namespaces/default/serviceimports');
      expect((list.json.items as { metadata: { name: string } }[]).map((i) => i.metadata.name)).toEqual(['a']);
    } finally {
      await c.dispatcher.close();
      await withImports.close();
    }
  });

  it('injects faults for matching requests and counts requests by verb and resource', async () => {
    server.resetRequests();
    server.inject({ verb: 'get', resource: 'services', status: 503, times: 2 });
    const first = await http.call('GET', '/api/v1/namespaces/default/services/echo-v1');
    const second = await http.call('GET', '/api/v1/namespaces/default/services/echo-v1');
    const third = await http.call('GET', '/api/v1/namespaces/default/services/echo-v1');
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.json).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 });
    await http.call('GET', '/api/v1/services');
    expect(server.count({ verb: 'get', resource: 'services' })).toBe(3);
    expect(server.count({ verb: 'list', resource: 'services' })).toBe(1);
    expect(server.count()).toBe(4);
  });

  describe('what ../shared/envtest\'s real kube-apiserver showed, and the fake now does too', () => {
    const routes = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';
    const leases = '/apis/coordination.k8s.io/v1/namespaces/default/leases';

    it('refuses a PUT without resourceVersion of a custom resource or a Lease (422), not of a ConfigMap', async () => {
      await http.call('POST', routes, { body: { ...seedRoute, metadata: { name: 'put-route' } } });
      const route = await http.call('PUT', `${routes}/put-route`, { body: { ...seedRoute, metadata: { name: 'put-route' } } });
      expect(route.status).toBe(422);
      expect(route.json).toMatchObject({
        reason: 'Invalid',
        message: 'httproutes.gateway.networking.k8s.io "put-route" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
        details: { causes: [{ field: 'metadata.resourceVersion', reason: 'FieldValueInvalid' }] },
      });
      const status = await http.call('PUT', `${routes}/put-route/status`, { body: { ...seedRoute, metadata: { name: 'put-route' }, status: { parents: [] } } });
      expect(status.status).toBe(422);
      await http.call('POST', leases, { body: { metadata: { name: 'put-lease' }, spec: { holderIdentity: 'a' } } });
      const lease = await http.call('PUT', `${leases}/put-lease`, { body: { metadata: { name: 'put-lease' }, spec: { holderIdentity: 'b' } } });
      expect(lease.status).toBe(422);
      const current = await http.call('GET', `${leases}/put-lease`);
      const withVersion = await http.call('PUT', `${leases}/put-lease`, { body: { metadata: current.json.metadata, spec: { holderIdentity: 'b' } } });
      expect(withVersion.status).toBe(200);
      const configMaps = '/api/v1/namespaces/default/configmaps';
      await http.call('POST', configMaps, { body: { metadata: { name: 'put-cm' }, data: { a: '1' } } });
      expect((await http.call('PUT', `${configMaps}/put-cm`, { body: { metadata: { name: 'put-cm' }, data: { a: '2' } } })).status).toBe(200);
    });

    it('answers a POST that carries a resourceVersion with 500', async () => {
      const res = await http.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'with-rv', resourceVersion: '5' } } });
      expect(res.status).toBe(500);
      expect(res.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'resourceVersion should not be set on objects to be created', code: 500 });
    });

    it('refuses a strategic merge patch of a custom resource (415) and takes it for a core object', async () => {
      const route = await http.call('PATCH', `${routes}/echo-route`, { body: { metadata: { labels: { a: 'b' } } }, contentType: 'application/strategic-merge-patch+json' });
      expect(route.status).toBe(415);
      expect(route.json.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
      const core = await http.call('PATCH', '/api/v1/namespaces/default/services/echo-v1', { body: { metadata: { labels: { a: 'b' } } }, contentType: 'application/strategic-merge-patch+json' });
      expect(core.status).toBe(200);
      const unknown = await http.call('PATCH', '/api/v1/namespaces/default/services/echo-v1', { body: {}, contentType: 'text/plain' });
      expect(unknown.json).toMatchObject({ code: 415, message: '415: Unsupported Media Type', details: {} });
    });

    it('keeps status to itself on create, and refuses route conditions without their required fields', async () => {
      const created = await http.call('POST', '/api/v1/namespaces/default/services', {
        body: { metadata: { name: 'with-status' }, spec: { ports: [{ port: 80 }] }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } } },
      });
      expect(created.json.status).toEqual({ loadBalancer: {} });
      const patch = await http.call('PATCH', `${routes}/echo-route/status`, {
        body: { status: { parents: [{ parentRef: { name: 'x' }, controllerName: 'example.com/c', conditions: [{ type: 'Accepted', status: 'True' }] }] } },
        contentType: 'application/merge-patch+json',
      });
      expect(patch.status).toBe(422);
      expect(patch.json.message).toBe(
        'HTTPRoute.gateway.networking.k8s.io "echo-route" is invalid: [status.parents[0].conditions[0].lastTransitionTime: Required value, status.parents[0].conditions[0].message: Required value, status.parents[0].conditions[0].reason: Required value]',
      );
      const complete = { type: 'Accepted', status: 'True', reason: 'Accepted', message: '', lastTransitionTime: '2026-11-22T09:00:00Z' };
      const ok = await http.call('PATCH', `${routes}/echo-route/status`, {
        body: { status: { parents: [{ parentRef: { name: 'x' }, controllerName: 'example.com/c', conditions: [complete] }] } },
        contentType: 'application/merge-patch+json',
      });
      expect(ok.status).toBe(200);
      // The parentRef in status is defaulted like the one in spec.
      expect((ok.json.status as { parents: { parentRef: unknown }[] }).parents[0]?.parentRef).toEqual({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'x' });
    });

    it('refuses a clusterIP outside the service range 10.96.0.0/16', async () => {
      const res = await http.call('POST', '/api/v1/namespaces/default/services', { body: { metadata: { name: 'far-ip' }, spec: { clusterIP: '10.0.0.1', ports: [{ port: 80 }] } } });
      expect(res.status).toBe(422);
      expect(res.json.message).toBe('Service "far-ip" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16');
      const inRange = await http.call('POST', '/api/v1/namespaces/default/services', { body: { metadata: { name: 'near-ip' }, spec: { clusterIP: '10.96.7.7', ports: [{ port: 80 }] } } });
      expect(inRange.status).toBe(201);
    });
  });
});
