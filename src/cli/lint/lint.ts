import { staticView } from '../../cluster/static-view.ts';
import { compile, evaluate, fieldPath, readSubmission } from '../../core/index.ts';
import type { Policy, PolicyMode } from '../../core/policy.ts';
import type { Finding, JsonPatchOperation } from '../../core/types.ts';
import { GammaError } from '../../errors.ts';
import { GATEWAY_GROUP } from '../../gateway/mesh.ts';
import { isRouteKind, type RouteKind } from '../../gateway/route-kinds.ts';
import { ruleCatalog } from '../../rules/index.ts';
import { defaultNamespace, isObjectRecord, namespaceOf, type ManifestObject, type ParsedSource } from './documents.ts';
import { patchValue } from './fix.ts';
import { locate } from './positions.ts';
import { sortFindings, type LintFinding, type LintReport, type RouteRef, type RouteStatus, type Severity } from './report.ts';
import { parentStatuses } from './status.ts';

/** What one lint pass reads. */
export interface LintInput {
  readonly sources: readonly ParsedSource[];
  /** Objects from the live cluster (`--kubeconfig`/`--context`); the manifests' own objects win over them. */
  readonly clusterObjects: readonly Record<string, unknown>[];
  readonly policy: Policy;
  /** The namespace of objects that name none. */
  readonly namespace: string;
}

/** The mutating door's patch for one route, kept with where the route sits in its file. */
export interface RoutePatch {
  readonly route: ManifestObject;
  readonly operations: readonly JsonPatchOperation[];
}

/** One lint pass: the report, the patches `--fix` would write, and the routes it could not judge. */
export interface LintOutcome {
  readonly report: LintReport;
  readonly patches: readonly RoutePatch[];
  /**
   * GAMMA_ERR_LINT_API_VERSION for each HTTPRoute or GRPCRoute whose apiVersion is not of the
   * Gateway API group (`gateway.networking.k8s.io` without a version, another group): the API
   * server would not take it as a route, so it is not judged, and lint must not pass it silently.
   */
  readonly errors: readonly GammaError[];
}

/**
 * Judges every HTTPRoute and GRPCRoute of the sources as a CREATE would be judged in a cluster
 * where the webhook runs, with the Services, ReferenceGrants, Namespaces and routes of all sources
 * (and the live cluster's Services and ReferenceGrants) as the cluster view:
 *
 * 1. the mutating door: its patch (MR101 group fix, MR204 port, policy defaults) is applied, and
 *    each change is reported as the warning kubectl would print (`fixable`);
 * 2. the validating door: the patched route is judged again, and its findings are reported,
 *    with the status the reconciler would write for it (`status.ts`).
 *
 * So a mistake the webhook repairs on the way in warns instead of denying, exactly as at
 * admission, and once `--fix` has written the patch its warnings are gone. The policy's mode maps
 * actions to severities (`severityOf`). Never throws for a malformed route: the core is lenient.
 */
export function lintSources(input: LintInput): LintOutcome {
  const objects = input.sources.flatMap((source) => source.objects);
  for (const { object } of objects) defaultNamespace(object, input.namespace);
  const cluster = input.clusterObjects.map((object) => defaultNamespace(structuredClone(object), input.namespace));
  const view = staticView([...cluster, ...objects.map((o) => o.object)]);

  const compiled = compile(input.policy, ruleCatalog);
  const findings: LintFinding[] = [];
  const patches: RoutePatch[] = [];
  const statuses: RouteStatus[] = [];
  const errors: GammaError[] = [];
  let routes = 0;
  for (const manifest of objects) {
    const { object } = manifest;
    const kind = routeKindOf(object);
    if (kind === undefined) {
      if (isRouteKind(object.kind)) errors.push(wrongApiVersion(manifest, object.kind));
      continue;
    }
    routes += 1;
    const namespace = namespaceOf(object) ?? input.namespace;
    const route: RouteRef = { kind, namespace, name: nameOf(object) };
    const mutated = evaluate(readSubmission({ kind, operation: 'CREATE', namespace, object }), view, compiled, 'mutate');
    const patched = mutated.patch.length > 0 ? patchValue(object, mutated.patch) : object;
    if (mutated.patch.length > 0) patches.push({ route: manifest, operations: mutated.patch });
    const validated = evaluate(readSubmission({ kind, operation: 'CREATE', namespace, object: patched }), view, compiled, 'lint');
    for (const finding of mutated.mutations) findings.push(place(manifest, route, finding, input.policy.mode, true));
    for (const finding of validated.findings) findings.push(place(manifest, route, finding, input.policy.mode, false));
    const parents = parentStatuses(patched, validated.parents, input.policy);
    if (parents.length > 0) {
      statuses.push({ file: manifest.document.source.name, line: locate(manifest.document, manifest.base, []).line, route, parents });
    }
  }
  const order = input.sources.map((source) => source.source.name);
  return {
    report: { files: input.sources.length, routes, findings: sortFindings(findings, order), statuses, fixed: { operations: 0, files: [] } },
    patches,
    errors,
  };
}

/** The error for a route-kind object whose apiVersion is not a Gateway API one, at its apiVersion line. */
function wrongApiVersion(manifest: ManifestObject, kind: RouteKind): GammaError {
  const { line, column } = locate(manifest.document, manifest.base, ['apiVersion']);
  const { apiVersion } = manifest.object;
  const given = apiVersion === undefined ? 'no apiVersion' : `apiVersion ${JSON.stringify(apiVersion)}`;
  const name = nameOf(manifest.object);
  return new GammaError(
    'GAMMA_ERR_LINT_API_VERSION',
    `${manifest.document.source.name}:${line}:${column}: ${kind} ${name} has ${given}, which is not a Gateway API version, so it was not checked; ` +
      `use apiVersion: ${GATEWAY_GROUP}/v1`,
  );
}

/**
 * A finding's weight in lint under the policy's mode: `enforce` keeps the action, `warn` turns
 * denials into warnings, `audit` makes every finding a note (reported, never failing).
 */
export function severityOf(action: Finding['action'], mode: PolicyMode): Severity {
  if (mode === 'audit') return 'note';
  if (mode === 'warn') return 'warning';
  return action === 'deny' ? 'error' : 'warning';
}

function place(manifest: ManifestObject, route: RouteRef, finding: Finding, mode: PolicyMode, fixable: boolean): LintFinding {
  const position = locate(manifest.document, manifest.base, finding.path);
  return {
    file: manifest.document.source.name,
    absolutePath: manifest.document.source.file,
    line: position.line,
    column: position.column,
    endLine: position.endLine,
    endColumn: position.endColumn,
    exact: position.exact,
    ruleId: finding.ruleId,
    action: finding.action,
    severity: severityOf(finding.action, mode),
    path: fieldPath(finding.path),
    message: finding.message,
    fixable,
    route,
  };
}

/** The kind of an HTTPRoute or GRPCRoute manifest of the Gateway API group, else undefined. */
function routeKindOf(object: Record<string, unknown>): RouteKind | undefined {
  const { kind, apiVersion } = object;
  return isRouteKind(kind) && typeof apiVersion === 'string' && apiVersion.startsWith(`${GATEWAY_GROUP}/`) ? kind : undefined;
}

function nameOf(object: Record<string, unknown>): string {
  const metadata = object.metadata;
  return isObjectRecord(metadata) && typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : '(unnamed)';
}
