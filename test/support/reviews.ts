import { randomUUID } from 'node:crypto';

/** An AdmissionReview request for a route, shaped like the API server's (fixtures ). */
export function admissionReview(options: {
  object?: unknown;
  oldObject?: unknown;
  operation?: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  kind?: string;
  group?: string;
  version?: string;
  apiVersion?: string;
  namespace?: string;
  subResource?: string;
  dryRun?: boolean;
  uid?: string;
}) {
  const kind = options.kind ?? 'HTTPRoute';
  const group = options.group ?? 'gateway.networking.k8s.io';
  const version = options.version ?? 'v1';
  const object = options.object as { metadata?: { name?: string } } | undefined;
  return {
    apiVersion: options.apiVersion ?? 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: options.uid ?? randomUUID(),
      kind: { group, version, kind },
      resource: { group, version, resource: `${kind.toLowerCase()}s` },
      ...(options.subResource ? { subResource: options.subResource } : {}),
      name: object?.metadata?.name ?? 'route',
      namespace: options.namespace ?? 'default',
      operation: options.operation ?? 'CREATE',
      userInfo: { username: 'tester', groups: ['system:authenticated'] },
      object: options.object ?? null,
      oldObject: options.oldObject ?? null,
      dryRun: options.dryRun ?? false,
      options: null,
    },
  };
}

/** A minimal mesh HTTPRoute. */
export function meshRoute(name = 'echo', extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'default', ...extra },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: 'echo-service' }],
      rules: [{ backendRefs: [{ name: 'echo-v1', port: 80 }] }],
    },
  };
}
