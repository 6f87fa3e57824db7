/**
 * The bench's inputs: a cluster of Services, routes, Namespaces and ReferenceGrants shaped like a
 * mid-sized mesh, and the AdmissionReviews sent to the doors (a 1-rule route and a 16-rule route
 * with matches, filters, mirrors and weighted splits). Deterministic: the same sizes give the
 * same objects, so runs compare.
 */

const GATEWAY = 'gateway.networking.k8s.io';

/** How many objects of each kind the cluster holds. */
export interface ClusterSize {
  readonly services: number;
  readonly routes: number;
  /** Namespaces the Services and routes are spread over. */
  readonly namespaces: number;
}

/** A Kubernetes object as the loopback API server takes it. */
export interface ClusterObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
}

/** `ns-3`: the i-th namespace. */
function namespaceName(i: number): string {
  return `ns-${i}`;
}

/** `svc-17`: the i-th Service of a namespace. */
function serviceName(i: number): string {
  return `svc-${i}`;
}

/**
 * The cluster: `size.namespaces` Namespaces, `size.services` Services (ClusterIP, ports http 80
 * and grpc 9090) spread evenly over them (at least 20 per namespace), `size.routes` routes (one in ten a GRPCRoute) each with
 * a mesh parent and two weighted backends in its namespace, and one ReferenceGrant per namespace
 * letting routes of the next namespace reach its Services.
 */
export function clusterObjects(size: ClusterSize): ClusterObject[] {
  if (size.services < 20 * size.namespaces) throw new RangeError('the review routes need at least 20 Services per namespace');
  const objects: ClusterObject[] = [];
  for (let n = 0; n < size.namespaces; n++) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespaceName(n), labels: { team: `team-${n % 7}` } } });
    objects.push({
      apiVersion: `${GATEWAY}/v1beta1`,
      kind: 'ReferenceGrant',
      metadata: { name: 'from-next', namespace: namespaceName(n) },
      spec: {
        from: [{ group: GATEWAY, kind: 'HTTPRoute', namespace: namespaceName((n + 1) % size.namespaces) }],
        to: [{ group: '', kind: 'Service' }],
      },
    });
  }
  for (let s = 0; s < size.services; s++) {
    const ns = namespaceName(s % size.namespaces);
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: serviceName(Math.floor(s / size.namespaces)), namespace: ns, labels: { app: `app-${s % 50}` } },
      spec: {
        selector: { app: `app-${s % 50}` },
        ports: [
          { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
          { name: 'grpc', port: 9090, targetPort: 9090, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
        ],
      },
    });
  }
  const servicesHere = Math.max(1, Math.floor(size.services / size.namespaces));
  for (let r = 0; r < size.routes; r++) {
    const ns = namespaceName(r % size.namespaces);
    const base = Math.floor(r / size.namespaces);
    const grpc = r % 10 === 9;
    const parent = serviceName(base % servicesHere);
    const backends = [serviceName((base + 1) % servicesHere), serviceName((base + 2) % servicesHere)];
    objects.push({
      apiVersion: `${GATEWAY}/v1`,
      kind: grpc ? 'GRPCRoute' : 'HTTPRoute',
      metadata: { name: `route-${base}`, namespace: ns },
      spec: {
        parentRefs: [{ group: '', kind: 'Service', name: parent, port: grpc ? 9090 : 80 }],
        rules: [
          {
            ...(grpc
              ? { matches: [{ method: { service: `bench.v1.Service${base}` } }] }
              : { matches: [{ path: { type: 'PathPrefix', value: `/api/${base}` } }] }),
            backendRefs: backends.map((name, i) => ({ name, port: grpc ? 9090 : 80, weight: i === 0 ? 90 : 10 })),
          },
        ],
      },
    });
  }
  return objects;
}

/** The namespace the review routes live in; its Services exist whatever the size. */
const reviewNamespace = namespaceName(0);

/** An HTTPRoute with one rule: one path match, one backend. */
function smallRoute(): Record<string, unknown> {
  return {
    apiVersion: `${GATEWAY}/v1`,
    kind: 'HTTPRoute',
    metadata: { name: 'bench-small', namespace: reviewNamespace, labels: { app: 'bench' } },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: serviceName(0), port: 80 }],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: serviceName(1), port: 80 }] }],
    },
  };
}

/**
 * An HTTPRoute with 16 rules: path, header, query and method matches (some RegularExpression),
 * header modifier, URL rewrite and mirror filters, weighted splits over three backends, timeouts.
 * `misgrouped` writes the parentRef with the Gateway API group (MR101's common mistake), so
 * /mutate has a fix to patch.
 */
function largeRoute(options: { misgrouped?: boolean } = {}): Record<string, unknown> {
  const rules = Array.from({ length: 16 }, (_, i) => {
    const backend = (k: number, weight: number) => ({
      name: serviceName(2 + ((i + k) % 16)),
      port: 80,
      weight,
    });
    return {
      matches: [
        {
          path: i % 4 === 0 ? { type: 'RegularExpression', value: `/v${i}/items/[0-9]+(/details)?` } : { type: 'PathPrefix', value: `/v${i}/api` },
          headers: [
            { name: 'x-tenant', value: `tenant-${i}` },
            ...(i % 3 === 0 ? [{ type: 'RegularExpression', name: 'x-canary', value: '^(true|yes|1)$' }] : []),
          ],
          ...(i % 2 === 0 ? { queryParams: [{ name: 'version', value: `${i}` }] } : {}),
          method: i % 2 === 0 ? 'GET' : 'POST',
        },
        { path: { type: 'Exact', value: `/v${i}/health` } },
      ],
      filters: [
        {
          type: 'RequestHeaderModifier',
          requestHeaderModifier: { set: [{ name: 'x-route', value: `rule-${i}` }], add: [{ name: 'x-mesh', value: 'gamma' }], remove: ['x-debug'] },
        },
        ...(i % 4 === 1 ? [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: `/internal/v${i}` } } }] : []),
        ...(i % 5 === 2 ? [{ type: 'RequestMirror', requestMirror: { backendRef: { name: serviceName(19), port: 80 } } }] : []),
        ...(i % 4 === 3 ? [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'cache-control', value: 'no-store' }] } }] : []),
      ],
      backendRefs: [backend(0, 80), backend(1, 15), backend(2, 5)],
      timeouts: { request: '10s', backendRequest: '2s' },
    };
  });
  return {
    apiVersion: `${GATEWAY}/v1`,
    kind: 'HTTPRoute',
    metadata: { name: 'bench-large', namespace: reviewNamespace, labels: { app: 'bench' } },
    spec: { parentRefs: [{ group: options.misgrouped ? GATEWAY : '', kind: 'Service', name: serviceName(0), port: 80 }], rules },
  };
}

/** An admission.k8s.io/v1 AdmissionReview of a CREATE of `object`, as the API server sends it. */
function createReview(object: Record<string, unknown>, uid: string): Record<string, unknown> {
  const metadata = object.metadata as { name: string; namespace: string };
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid,
      kind: { group: GATEWAY, version: 'v1', kind: 'HTTPRoute' },
      resource: { group: GATEWAY, version: 'v1', resource: 'httproutes' },
      requestKind: { group: GATEWAY, version: 'v1', kind: 'HTTPRoute' },
      requestResource: { group: GATEWAY, version: 'v1', resource: 'httproutes' },
      name: metadata.name,
      namespace: metadata.namespace,
      operation: 'CREATE',
      userInfo: { username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
      object,
      oldObject: null,
      dryRun: false,
      options: { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1', fieldManager: 'kubectl-client-side-apply' },
    },
  };
}

/** The request bodies of the bench, by route and door, as sent on the wire. */
export interface ReviewBodies {
  readonly small: { readonly validate: string; readonly mutate: string };
  readonly large: { readonly validate: string; readonly mutate: string };
}

/** The bodies: /validate gets the route as /mutate left it, /mutate gets it as written. */
export function reviewBodies(): ReviewBodies {
  return {
    small: {
      validate: JSON.stringify(createReview(smallRoute(), '7f1c2e4a-0000-4000-8000-000000000001')),
      mutate: JSON.stringify(createReview(smallRoute(), '7f1c2e4a-0000-4000-8000-000000000002')),
    },
    large: {
      validate: JSON.stringify(createReview(largeRoute(), '7f1c2e4a-0000-4000-8000-000000000003')),
      mutate: JSON.stringify(createReview(largeRoute({ misgrouped: true }), '7f1c2e4a-0000-4000-8000-000000000004')),
    },
  };
}
