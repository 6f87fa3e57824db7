/**
 * Which Gateway API versions the API server serves, found once at start so the live view watches
 * the newest served version of each kind (ROUTE_KINDS' order; ReferenceGrant v1, else v1beta1).
 * Also whether the multi-cluster ServiceImport CRD (`multicluster.x-k8s.io`) is served: it is
 * optional, so its absence is said once at info level and nothing else happens.
 */
import type { Logger } from 'pino';
import { GammaError } from '../errors.ts';
import { GATEWAY_GROUP, SERVICE_IMPORT_GROUP, SERVICE_IMPORT_KIND } from '../gateway/index.ts';
import { REFERENCE_GRANT, ROUTE_KINDS } from '../gateway/route-kinds.ts';
import { apiStatus, type KubeClient } from '../kube/client.ts';

/** The Gateway API versions the view found served and watches (undefined: not served). */
export interface ServedVersions {
  readonly httpRoute: string | undefined;
  readonly grpcRoute: string | undefined;
  readonly referenceGrant: string | undefined;
  /** The served ServiceImport version (`multicluster.x-k8s.io`), undefined when the CRD is not served. */
  readonly serviceImport?: string | undefined;
}

/** ServiceImport versions, newest first, and its resource name. */
const SERVICE_IMPORT = { versions: ['v1beta1', 'v1alpha1'], plural: 'serviceimports' } as const;

/**
 * Reads the resource lists of every Gateway API version we know. A version the server does not
 * serve (404) has no resources; a kind served in none is logged and left undefined. The same for
 * ServiceImport's versions. Rejects with
 * GammaError `GAMMA_ERR_CLUSTER_API` when a discovery request fails otherwise.
 */
export async function discoverServedVersions(kube: KubeClient, logger: Logger): Promise<ServedVersions> {
  const versions = [...new Set<string>([...ROUTE_KINDS.HTTPRoute.versions, ...ROUTE_KINDS.GRPCRoute.versions, ...REFERENCE_GRANT.versions])];
  const [lists, importLists] = await Promise.all([
    Promise.all(versions.map(async (version) => [version, await resources(kube, GATEWAY_GROUP, version)] as const)),
    Promise.all(SERVICE_IMPORT.versions.map(async (version) => [version, await resources(kube, SERVICE_IMPORT_GROUP, version)] as const)),
  ]);
  const served = new Map(lists);
  const pick = (plural: string, candidates: readonly string[]): string | undefined => candidates.find((v) => served.get(v)?.has(plural));
  const gateway = {
    httpRoute: pick(ROUTE_KINDS.HTTPRoute.plural, ROUTE_KINDS.HTTPRoute.versions),
    grpcRoute: pick(ROUTE_KINDS.GRPCRoute.plural, ROUTE_KINDS.GRPCRoute.versions),
    referenceGrant: pick(REFERENCE_GRANT.plural, REFERENCE_GRANT.versions),
  };
  for (const [kind, version] of Object.entries(gateway)) {
    if (!version) logger.warn({ kind, group: GATEWAY_GROUP }, 'Gateway API kind not served; treated as empty');
  }
  const serviceImport = importLists.find(([, names]) => names.has(SERVICE_IMPORT.plural))?.[0];
  if (!serviceImport) {
    logger.info({ kind: SERVICE_IMPORT_KIND, group: SERVICE_IMPORT_GROUP }, 'ServiceImport CRD not served; ServiceImport backends are not resolved');
  }
  const result: ServedVersions = { ...gateway, serviceImport };
  logger.info({ served: result }, 'cluster view discovery');
  return result;
}

/**
 * True when the API server serves `plural` in `group/version` (an optional CRD, such as
 * PolicyReport). Rejects with GammaError `GAMMA_ERR_CLUSTER_API` when discovery fails otherwise.
 */
export async function isServed(kube: KubeClient, group: string, version: string, plural: string): Promise<boolean> {
  return (await resources(kube, group, version)).has(plural);
}

async function resources(kube: KubeClient, group: string, version: string): Promise<Set<string>> {
  try {
    const list = await kube.request({ method: 'GET', path: `/apis/${group}/${version}`, signal: AbortSignal.timeout(10_000) });
    const names = ((list as { resources?: unknown } | null)?.resources ?? []) as unknown[];
    return new Set(names.flatMap((r) => {
      const n = (r as { name?: unknown } | null)?.name;
      return typeof n === 'string' ? [n] : [];
    }));
  } catch (error) {
    if (apiStatus(error) === 404) return new Set();
    throw new GammaError('GAMMA_ERR_CLUSTER_API', `discovery of ${group}/${version} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
