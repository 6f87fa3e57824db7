/** Builders for routes, Services and requests, shared by the core and rule tests. */
import { staticView } from '../src/cluster/static-view.ts';
import { compile, evaluate, fieldPath, readSubmission } from '../src/core/index.ts';
import type { ClusterView, CompiledPolicy, Evaluation, EvaluationRequest, RouteKind } from '../src/core/index.ts';
import type { Policy } from '../src/core/policy.ts';
import type { PolicyDocument } from '../src/core/policy-schema.ts';
import { resolvePolicy } from '../src/policy/defaults.ts';
import { ruleCatalog } from '../src/rules/index.ts';

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

/** A parentRef as Gateway API spells it. */
interface Parent {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

/** A route rule; its matches, filters and backendRefs are whatever a test spells out. */
interface RouteRule {
  matches?: Record<string, unknown>[];
  filters?: Record<string, unknown>[];
  backendRefs?: Record<string, unknown>[];
  [field: string]: unknown;
}

/**
 * A route spec as the builders write it: loose on purpose, since the core reads routes as
 * untrusted data and tests hand it malformed ones too.
 */
interface RouteSpec {
  parentRefs?: Parent[];
  hostnames?: string[];
  rules?: RouteRule[];
  [field: string]: unknown;
}

/** An HTTPRoute or GRPCRoute as the builders make it. */
export interface Route {
  apiVersion: string;
  kind: RouteKind;
  metadata: { name: string; namespace: string; [field: string]: unknown };
  spec: RouteSpec;
}

/** A mesh parentRef (`group: ""`, `kind: Service`). */
export function meshParent(name = 'echo', extra: Partial<Parent> = {}): Parent {
  return { group: '', kind: 'Service', name, ...extra };
}

/** A Service backendRef, port 80 unless given. */
export function backend(name = 'echo-v1', extra: Record<string, unknown> = {}): { name: string; port?: number } {
  return { name, port: 80, ...extra };
}

/** An HTTPRoute `web` in `default` with one mesh parent and one rule to echo-v1:80, unless given. */
export function httpRoute(spec: RouteSpec = {}, namespace = 'default', name = 'web'): Route {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace },
    spec: { parentRefs: [meshParent()], rules: [{ backendRefs: [backend()] }], ...spec },
  };
}

/** A GRPCRoute `grpc` in `default`, like `httpRoute`. */
export function grpcRoute(spec: RouteSpec = {}, namespace = 'default', name = 'grpc'): Route {
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
