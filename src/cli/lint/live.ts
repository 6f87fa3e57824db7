import { ApiException, CoreV1Api, CustomObjectsApi, type ConfigurationOptions } from '@kubernetes/client-node';
import { GammaError } from '../../errors.ts';
import { GATEWAY_GROUP } from '../../gateway/mesh.ts';
import { REFERENCE_GRANT } from '../../gateway/route-kinds.ts';
import { KubeClient, withSignal } from '../../kube/client.ts';
import { describeClusterError, loadKubeConfig, type ClusterAccess } from '../kubeconfig.ts';

/** Where to find the live cluster: a kubeconfig file (undefined: KUBECONFIG or ~/.kube/config) and a context. */
export interface LiveClusterOptions extends ClusterAccess {
  /** Per-request time limit; default 30 s. */
  readonly timeoutMs?: number;
}

const pageSize = 500;

/**
 * Reads the live cluster's Services and ReferenceGrants (one paged list each, all namespaces)
 * through `@kubernetes/client-node`, as plain manifests with `apiVersion` and `kind` written out,
 * ready to join the manifests' own objects in the static view. ReferenceGrants are listed as
 * `v1`, then `v1beta1` on a 404; a cluster without the CRD has none.
 *
 * Throws GAMMA_ERR_LINT_CLUSTER naming the cause: no such kubeconfig or context, a cluster that
 * does not answer within the time limit, or an API error (403 names the missing permission).
 */
export async function readLiveCluster(options: LiveClusterOptions): Promise<Record<string, unknown>[]> {
  const config = loadKubeConfig(options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = () => withSignal(AbortSignal.timeout(timeoutMs));
  const kube = new KubeClient(config);
  try {
    return await readObjects(kube.api(CoreV1Api), kube.api(CustomObjectsApi), deadline);
  } finally {
    await kube.close();
  }
}

/** Services and ReferenceGrants, listed page by page, each request bounded by `deadline()`. */
async function readObjects(core: CoreV1Api, custom: CustomObjectsApi, deadline: () => ConfigurationOptions): Promise<Record<string, unknown>[]> {
  const services = await pages('Services', async (token) => {
    const list = await core.listServiceForAllNamespaces({ limit: pageSize, _continue: token }, deadline());
    return { items: list.items.map((item) => plain(item, 'v1', 'Service')), next: list.metadata?._continue };
  });
  const grants: Record<string, unknown>[] = [];
  for (const version of REFERENCE_GRANT.versions) {
    try {
      grants.push(
        ...(await pages('ReferenceGrants', async (token) => {
          const list: unknown = await custom.listClusterCustomObject(
            { group: GATEWAY_GROUP, version, plural: REFERENCE_GRANT.plural, limit: pageSize, _continue: token },
            deadline(),
          );
          const body = (list ?? {}) as { items?: unknown[]; metadata?: { continue?: string } };
          const items = Array.isArray(body.items) ? body.items : [];
          return { items: items.map((item) => plain(item, `${GATEWAY_GROUP}/${version}`, 'ReferenceGrant')), next: body.metadata?.continue };
        }, true)),
      );
      break;
    } catch (error) {
      if (!(error instanceof NotServed)) throw error;
    }
  }
  return [...services, ...grants];
}

/** A 404 on a list: the API (a CRD version) is not served. */
class NotServed extends Error {}

async function pages(
  what: string,
  fetchPage: (token: string | undefined) => Promise<{ items: Record<string, unknown>[]; next: string | undefined }>,
  notFoundIsNotServed = false,
): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await fetchPage(token);
    } catch (cause) {
      if (notFoundIsNotServed && cause instanceof ApiException && cause.code === 404) throw new NotServed(what);
      throw new GammaError('GAMMA_ERR_LINT_CLUSTER', `listing ${what}: ${describeClusterError(cause)}`, { cause });
    }
    all.push(...page.items);
    token = page.next || undefined;
  } while (token !== undefined);
  return all;
}

/** The object as plain JSON data (client-node returns class instances and Dates) with its type written out. */
function plain(item: unknown, apiVersion: string, kind: string): Record<string, unknown> {
  const data = JSON.parse(JSON.stringify(item ?? {})) as Record<string, unknown>;
  return { ...data, apiVersion, kind };
}
