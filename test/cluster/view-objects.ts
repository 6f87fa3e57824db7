/**
 * The objects the live view's tests store: Namespaces, Services, mesh HTTPRoutes and
 * ReferenceGrants, in the shapes a user applies (the API server adds its defaults).
 */
import type { KubeObject } from '../support/apiserver/index.ts';

const gw = 'gateway.networking.k8s.io';

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function service(ns: string, name: string, ports: { name?: string; port: number; appProtocol?: string }[] = [{ name: 'http', port: 80 }], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { ports, ...extra } };
}

export function httpRoute(ns: string, name: string, parent: string, backends: string[], port?: number): KubeObject {
  return {
    apiVersion: `${gw}/v1`,
    kind: 'HTTPRoute',
    metadata: { name, namespace: ns },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: parent, ...(port === undefined ? {} : { port }) }],
      rules: [{ backendRefs: backends.map((b) => ({ name: b, port: 80 })) }],
    },
  };
}

export function grant(ns: string, fromNs: string): KubeObject {
  return {
    apiVersion: `${gw}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name: 'allow', namespace: ns },
    spec: { from: [{ group: gw, kind: 'HTTPRoute', namespace: fromNs }], to: [{ group: '', kind: 'Service' }] },
  };
}
