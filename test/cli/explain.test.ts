import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/cli/explain/explanation.ts';
import { explainRun } from './lint-io.ts';

/** explain on manifest files: what the table says, where entries come from, and the exit codes. */

const service = (name: string, ports: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {${extra}ports: ${ports}}\n---\n`;

function httpRoute(name: string, rules: string, options: { namespace?: string; parent?: string; created?: string } = {}): string {
  const namespace = options.namespace === undefined ? '' : `, namespace: ${options.namespace}`;
  const created = options.created === undefined ? '' : `, creationTimestamp: "${options.created}"`;
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}${namespace}${created}}
spec:
  parentRefs: [${options.parent ?? '{group: "", kind: Service, name: web, namespace: shop}'}]
  rules:
${rules}---
`;
}

const backends = `${service('web-v1', '[{port: 8080}]')}${service('web-v2', '[{port: 8080}]')}`;

describe('explain with manifest files', () => {
  let dir: string;
  const run = (argv: string[], stdin?: string) => explainRun(argv, { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
  const json = async (argv: string[], stdin?: string) => {
    const result = await run([...argv, '-o', 'json'], stdin);
    expect(result.stderr).toBe('');
    return { code: result.code, explanation: JSON.parse(result.stdout) as Explanation };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'explain-'));
    await writeFile(path.join(dir, 'services.yaml'), service('web', '[{name: http, port: 80}, {name: metrics, port: 9100}]') + backends);
    await writeFile(
      path.join(dir, 'routes.yaml'),
      httpRoute(
        'web',
        `  - backendRefs: [{name: web-v1, port: 8080, weight: 3}, {name: web-v2, port: 8080}]
  - matches: [{path: {type: Exact, value: /healthz}}]
    backendRefs: [{name: web-v1, port: 8080}]
`,
        { namespace: 'shop', parent: '{group: "", kind: Service, name: web, port: 80}', created: '2026-01-01T00:00:00Z' },
      ) +
        httpRoute(
          'web-late',
          `  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: web-v2, port: 8080}]
`,
          { namespace: 'shop', parent: '{group: "", kind: Service, name: web, port: 80}', created: '2026-02-01T00:00:00Z' },
        ) +
        httpRoute('web-checkout', `  - backendRefs: [{name: web-v2, namespace: shop, port: 8080}]\n`, { namespace: 'checkout' }),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints each port with its targets and the ordered table, with file and line, and exits 1 on a problem', async () => {
    const result = await run(['service/web', '-n', 'shop', '-f', '.']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Service shop/web

Port 80 (http): HTTPRoutes of namespace shop, for every client
  targets  web.shop.svc.cluster.local:80
           xds:///web.shop.svc.cluster.local:80 (proxyless gRPC)
  routes   web (routes.yaml:1)
           web-late (routes.yaml:11)
  note     consumer routes for namespace checkout: clients there get their own table (--from NAMESPACE)

  #  MATCH           ROUTE                         SOURCE          BACKENDS           NOTES
  1  Exact /healthz  web rules[1].matches[0]       routes.yaml:8   web-v1:8080  100%
  2  PathPrefix /    web rules[0]                  routes.yaml:7   web-v1:8080   75%
                                                                   web-v2:8080   25%
  3  PathPrefix /    web-late rules[0].matches[0]  routes.yaml:17  web-v2:8080  100%  shadowed by #2 (web rules[0]): never reached

Port 9100 (metrics): HTTPRoutes of namespace shop, for every client
  targets  web.shop.svc.cluster.local:9100
           xds:///web.shop.svc.cluster.local:9100 (proxyless gRPC)
  note     consumer routes for namespace checkout: clients there get their own table (--from NAMESPACE)

shop/web: 2 ports, 3 entries, 1 problem
`);
    expect(result.code).toBe(1);
  });

  it('gives the JSON shape with shares, positions, sources and the shadow', async () => {
    const { code, explanation } = await json(['service/web', '-n', 'shop', '-f', 'routes.yaml', '-f', 'services.yaml', '--port', '80']);
    expect(code).toBe(1);
    expect(explanation.ports.map((p) => p.port)).toEqual([80]);
    const [port] = explanation.ports;
    expect(port?.entries.map((e) => [e.position, e.route.name, e.rule.index, e.matchIndex, e.file, e.line])).toEqual([
      [1, 'web', 1, 0, 'routes.yaml', 8],
      [2, 'web', 0, null, 'routes.yaml', 7],
      [3, 'web-late', 0, 0, 'routes.yaml', 17],
    ]);
    expect(port?.entries[1]?.backends.map((b) => [b.name, b.weight, b.percent, b.resolved])).toEqual([
      ['web-v1', 3, 75, true],
      ['web-v2', 1, 25, true],
    ]);
    expect(port?.entries[2]?.shadowedBy).toEqual({ position: 2, route: { kind: 'HTTPRoute', namespace: 'shop', name: 'web' }, rule: { index: 0, name: null }, matchIndex: null });
    expect(port?.entries[0]?.shadowedBy).toBeNull();
    expect(explanation.problems).toBe(1);
  });

  it('shows the consumer table to clients of a namespace with consumer routes (--from), and says so', async () => {
    const { code, explanation } = await json(['service/web', '-n', 'shop', '-f', '.', '--port', '80', '--from', 'checkout']);
    expect(code).toBe(0);
    const [port] = explanation.ports;
    expect(explanation.from).toBe('checkout');
    expect(port).toMatchObject({ table: 'consumer', routesNamespace: 'checkout', consumerNamespaces: ['checkout'] });
    expect(port?.entries.map((e) => `${e.route.namespace}/${e.route.name}`)).toEqual(['checkout/web-checkout']);
    expect(port?.notes.map((n) => n.text)).toEqual([
      'consumer routes of namespace checkout: only its clients get this table; other clients get the producer routes',
    ]);
  });

  it('shows the producer table to clients of a namespace without consumer routes, and says so', async () => {
    const { explanation } = await json(['service/web', '-n', 'shop', '-f', '.', '--port', '80', '--from', 'billing']);
    const [port] = explanation.ports;
    expect(port).toMatchObject({ table: 'producer', routesNamespace: 'shop' });
    expect(port?.entries).toHaveLength(3);
    expect(port?.notes.map((n) => n.text)).toContain('namespace billing has no consumer routes on this port: its clients get the producer routes');
  });

  it('exits 2 naming a Service that is not there, and a port the Service does not have', async () => {
    const missing = await run(['service/nope', '-n', 'shop', '-f', '.']);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'gamma-webhook explain: the Service or port to explain does not exist: no Service shop/nope in the manifests read; name its namespace with -n [GAMMA_ERR_EXPLAIN_NOT_FOUND]\n',
    });
    const wrongNamespace = await run(['service/web', '-f', '.']);
    expect(wrongNamespace.stderr).toContain('no Service default/web in the manifests read');
    const port = await run(['service/web', '-n', 'shop', '-f', '.', '--port', '81']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('Service shop/web has no port 81 (its ports: 80, 9100) [GAMMA_ERR_EXPLAIN_NOT_FOUND]');
  });

  it('exits 2 on an unreadable path or invalid YAML, naming the file', async () => {
    const absent = await run(['service/web', '-n', 'shop', '-f', 'absent.yaml']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('absent.yaml: no such file or directory [GAMMA_ERR_LINT_INPUT]');
    const broken = await run(['service/web', '-n', 'shop', '-f', '.', '-f', '-'], 'kind: [\n');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('<stdin>:2:1');
    expect(broken.stderr).toContain('[GAMMA_ERR_LINT_YAML]');
  });

  it('reads standard input, and puts objects without a namespace in -n', async () => {
    const manifests = `${service('web', '[{port: 80}]').replace('namespace: shop', 'namespace: team')}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: plain}
spec:
  parentRefs: [{group: "", kind: Service, name: web}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;
    const { code, explanation } = await json(['service/web', '-n', 'team', '-f', '-'], manifests);
    expect(code).toBe(0);
    expect(explanation.ports[0]?.routes).toEqual([{ kind: 'HTTPRoute', namespace: 'team', name: 'plain', file: '<stdin>', line: 6 }]);
    expect(explanation.ports[0]?.entries[0]?.backends[0]).toMatchObject({ namespace: 'team', name: 'web', percent: 100, resolved: true });
  });

  describe('problems a request would hit', () => {
    const explainOne = async (manifests: string) => {
      const result = await run(['service/web', '-n', 'shop', '-f', '-', '-o', 'json'], manifests);
      const explanation = JSON.parse(result.stdout) as Explanation;
      const notes = explanation.ports.flatMap((p) => [...p.notes, ...p.entries.flatMap((e) => e.notes)]);
      return { code: result.code, problems: notes.filter((n) => n.problem).map((n) => n.text), notes: notes.map((n) => n.text), explanation };
    };
    const web = service('web', '[{name: http, port: 80}, {name: grpc, port: 9090}]');

    it('flags a backend Service that is not there, and not one that is', async () => {
      const missing = await explainOne(web + httpRoute('r', '  - backendRefs: [{name: web-v9, port: 8080}]\n'));
      expect(missing.problems).toEqual(['unresolved backend: Service shop/web-v9 not found', 'unresolved backend: Service shop/web-v9 not found']);
      expect(missing.explanation.ports[0]?.entries[0]?.backends[0]?.resolved).toBe(false);
      expect(missing.code).toBe(1);
      const present = await explainOne(web + backends + httpRoute('r', '  - backendRefs: [{name: web-v1, port: 8080}]\n'));
      expect(present.problems).toEqual([]);
      expect(present.code).toBe(0);
    });

    it('does not look up backends of other kinds', async () => {
      const other = await explainOne(web + httpRoute('r', '  - backendRefs: [{group: example.com, kind: Bucket, name: b}]\n'));
      expect(other.explanation.ports[0]?.entries[0]?.backends[0]).toMatchObject({ kind: 'Bucket', resolved: null, percent: 100 });
      expect(other.code).toBe(0);
    });

    it('flags a rule whose weights are all 0, not one with a single backend of weight 0', async () => {
      const allZero = await explainOne(web + backends + httpRoute('r', '  - backendRefs: [{name: web-v1, port: 8080, weight: 0}, {name: web-v2, port: 8080, weight: 0}]\n', { parent: '{group: "", kind: Service, name: web, port: 80}' }));
      expect(allZero.problems).toEqual(['every backend has weight 0: requests get a 500']);
      expect(allZero.explanation.ports[0]?.entries[0]).toMatchObject({ traffic: 'all-weights-zero' });
      const oneZero = await explainOne(web + backends + httpRoute('r', '  - backendRefs: [{name: web-v1, port: 8080, weight: 0}, {name: web-v2, port: 8080}]\n', { parent: '{group: "", kind: Service, name: web, port: 80}' }));
      expect(oneZero.problems).toEqual([]);
      expect(oneZero.explanation.ports[0]?.entries[0]?.backends.map((b) => b.percent)).toEqual([0, 100]);
    });

    it('flags an HTTPRoute that loses a port to a GRPCRoute, not one on another port', async () => {
      const grpc = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: web, port: 9090}]
  rules: [{matches: [{method: {service: shop.Web, method: Get}}], backendRefs: [{name: web-v1, port: 8080}]}]
---
`;
      const everyPort = await explainOne(web + backends + grpc + httpRoute('h', '  - backendRefs: [{name: web-v1, port: 8080}]\n'));
      expect(everyPort.explanation.ports.map((p) => p.protocol)).toEqual(['http', 'grpc']);
      expect(everyPort.problems).toEqual(['conflicted port: HTTPRoute shop/h is not served here, a GRPCRoute takes the port (MR109)']);
      expect(everyPort.explanation.ports[1]?.conflicted.map((r) => r.name)).toEqual(['h']);
      expect(everyPort.explanation.ports[1]?.entries[0]?.match).toEqual({
        protocol: 'grpc',
        method: { type: 'Exact', service: 'shop.Web', method: 'Get' },
        headers: [],
      });
      const otherPort = await explainOne(web + backends + grpc + httpRoute('h', '  - backendRefs: [{name: web-v1, port: 8080}]\n', { parent: '{group: "", kind: Service, name: web, port: 80}' }));
      expect(otherPort.problems).toEqual([]);
      expect(otherPort.code).toBe(0);
    });

    it('says when no route attaches to a port, and when the Service is headless or ExternalName', async () => {
      const none = await explainOne(service('web', '[{port: 80}]', 'clusterIP: None, '));
      expect(none.notes).toEqual([
        'headless Service: clients reach pod addresses directly, so no route applies (MR104)',
        'no route attaches to this port: requests go to the Service as without the mesh',
      ]);
      expect(none.explanation.service.headless).toBe(true);
      expect(none.explanation.ports[0]).toMatchObject({ protocol: 'none', entries: [], routes: [] });
      expect(none.code).toBe(0);
      const external = await explainOne(service('web', '[{port: 80}]', 'type: ExternalName, externalName: example.com, '));
      expect(external.notes[0]).toBe('ExternalName Service: it has no cluster IP to capture traffic on, so no route applies (MR103)');
      expect(external.explanation.service.headless).toBe(false);
      const clusterIp = await explainOne(service('web', '[{port: 80}]'));
      expect(clusterIp.notes).toEqual(['no route attaches to this port: requests go to the Service as without the mesh']);
    });

    it('lists filters and timeouts as notes, and an entry without backends', async () => {
      const rules = `  - matches: [{path: {type: Exact, value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new}}}]
  - timeouts: {request: 5s, backendRequest: 1s}
    backendRefs: [{name: web-v1, port: 8080}]
`;
      const result = await explainOne(backends + httpRoute('r', rules) + service('web', '[{port: 80}]'));
      expect(result.notes).toEqual([
        'no backendRefs: answered by its filters (a redirect), else a 500',
        'filters: RequestRedirect',
        'timeouts: request 5s, backendRequest 1s',
      ]);
      expect(result.explanation.ports[0]?.entries[1]?.timeouts).toEqual({ request: '5s', backendRequest: '1s' });
      expect(result.code).toBe(0);
    });
  });

  it('prints a port without routes, and a Service without ports, in text', async () => {
    const bare = await run(['service/web', '-n', 'shop', '-f', '-'], service('web', '[{port: 80}]'));
    expect(bare.stdout).toBe(`Service shop/web

Port 80: no routes
  targets  web.shop.svc.cluster.local:80
           xds:///web.shop.svc.cluster.local:80 (proxyless gRPC)
  note     no route attaches to this port: requests go to the Service as without the mesh

shop/web: 1 port, 0 entries, no problems
`);
    expect(bare.code).toBe(0);
    const portless = await run(['service/web', '-n', 'shop', '-f', '-'], service('web', '[]', 'type: ExternalName, externalName: example.com, '));
    expect(portless.stdout).toBe('Service shop/web\n\nThe Service has no ports: no route can attach to it.\n\nshop/web: 0 ports, 0 entries, no problems\n');
    expect(portless.code).toBe(0);
  });

  it('colours problems on a terminal unless NO_COLOR is set', async () => {
    const argv = ['service/web', '-n', 'shop', '-f', '.', '--port', '80'];
    const terminal = await explainRun(argv, { cwd: dir, isTTY: true });
    expect(terminal.stdout).toContain('\u001b[33mshadowed by #2');
    const noColor = await explainRun(argv, { cwd: dir, isTTY: true, noColor: true });
    expect(noColor.stdout).not.toContain('\u001b[');
    // Colour codes do not count towards the column widths.
    // eslint-disable-next-line no-control-regex
    expect(terminal.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(noColor.stdout);
  });
});
