/** Builders for routes, Services and requests, shared by the core and rule tests. */
import { staticView } from '../src/cluster/static-view.ts';
import { compile, evaluate, fieldPath, readSubmission } from '../src/core/index.ts';
import type { ClusterView, CompiledPolicy, Evaluation, EvaluationRequest, RouteKind } from '../src/core/index.ts';
import { ruleCatalog } from '../src/rules/index.ts';
import type { GRPCRoute, HTTPRoute } from '../src/gateway/types.ts';
import { resolvePolicy } from '../src/policy/defaults.ts';
import type { Policy } from '../src/core/policy.ts';
import type { PolicyDocument } from '../src/core/policy-schema.ts';

export interface ServiceOptions {
  readonly namespace?: string;
  readonly type?: string;
  readonly clusterIP?: string;
  readonly ports?: readonly { name?: string; port: number; appProtocol?: string }[];
}

/** A v1 Service manifest; ports default to `http` 80 and `http-alt` 8080. */
export function service(name: string, options: ServiceOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: options.namespace ?? 'default' },
    spec: {
      ...(options.type === undefined ? {} : { type: options.type }),
      ...(options.clusterIP === undefined ? {} : { clusterIP: options.clusterIP }),
      ports: options.ports ?? [
        { name: 'http', port: 80 },
        { name: 'http-alt', port: 8080 },
      ],
    },
  };
}

/** The Services most tests use, in namespace `default` unless said otherwise. */
export const services = [
  service('echo'),
  service('echo-v1'),
  service('echo-v2'),
  service('single', { ports: [{ name: 'http', port: 80 }] }),
  service('ext', { type: 'ExternalName', ports: [] }),
  service('headless', { clusterIP: 'None' }),
  service('echo', { namespace: 'other' }),
];

export const view = staticView(services);

type Parent = NonNullable<HTTPRoute['spec']['parentRefs']>[number];

/** A mesh parentRef (`group: ""`, `kind: Service`). */
export function meshParent(name = 'echo', extra: Partial<Parent> = {}): Parent {
  return { group: '', kind: 'Service', name, ...extra };
}

/** A Service backendRef, port 80 unless given. */
export function backend(name = 'echo-v1', extra: Record<string, unknown> = {}): { name: string; port?: number } {
  return { name, port: 80, ...extra };
}

/** An HTTPRoute `web` in `default` with one mesh parent and one rule to echo-v1:80, unless given. */
export function httpRoute(spec: Partial<HTTPRoute['spec']> = {}, namespace = 'default', name = 'web'): HTTPRoute {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace },
    spec: { parentRefs: [meshParent()], rules: [{ backendRefs: [backend()] }], ...spec },
  };
}

/** A GRPCRoute `grpc` in `default`, like `httpRoute`. */
export function grpcRoute(spec: Partial<GRPCRoute['spec']> = {}, namespace = 'default', name = 'grpc'): GRPCRoute {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name, namespace },
    spec: { parentRefs: [meshParent()], rules: [{ backendRefs: [backend()] }], ...spec },
  };
}

/** A CREATE request for the object (kind from `object.kind`, HTTPRoute when unknown). */
export function create(object: unknown, namespace = 'default'): EvaluationRequest {
  const kind: RouteKind = (object as { kind?: unknown } | null)?.kind === 'GRPCRoute' ? 'GRPCRoute' : 'HTTPRoute';
  return { kind, operation: 'CREATE', namespace, object };
}

/** An UPDATE request from `oldObject` to `object`. */
export function update(oldObject: unknown, object: unknown, namespace = 'default'): EvaluationRequest {
  return { ...create(object, namespace), operation: 'UPDATE', oldObject };
}

/** A resolved policy from a document. */
export function policy(document: PolicyDocument = {}): Policy {
  return resolvePolicy(document);
}

export const defaultPolicy = policy();

/** `policy` compiled against the rule catalog, as the policy store and lint do. */
export function compiled(policyInForce: Policy = defaultPolicy): CompiledPolicy {
  return compile(policyInForce, ruleCatalog);
}

/**
 * The whole evaluation of one route: the checks and status verdicts (the lint door) with the
 * mutating door's patch and mutations, under `policy` compiled against the rule catalog.
 */
export function judgeAll(request: EvaluationRequest, clusterView: ClusterView, policy: Policy): Evaluation {
  const compiledPolicy = compile(policy, ruleCatalog);
  const submission = readSubmission(request);
  const mutated = evaluate(submission, clusterView, compiledPolicy, 'mutate');
  return { ...evaluate(submission, clusterView, compiledPolicy, 'lint'), patch: mutated.patch, mutations: mutated.mutations };
}

/** `MR103 deny spec.parentRefs[0]`: one line per finding, the form rule tables compare. */
export function summarize(evaluation: Evaluation, ruleId?: string): string[] {
  return evaluation.findings
    .filter((f) => ruleId === undefined || f.ruleId === ruleId)
    .map((f) => `${f.ruleId} ${f.action} ${fieldPath(f.path)}`);
}

/** Applies add/replace JSON Patch operations to a deep copy (test-side, to check idempotence). */
export function applyPatch(object: unknown, patch: readonly { op: string; path: string; value: unknown }[]): unknown {
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const { path, value } of patch) {
    const keys = path.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = keys.pop();
    let target: Record<string, unknown> = copy;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (last !== undefined) target[last] = value;
  }
  return copy;
}
