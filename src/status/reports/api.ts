/**
 * PolicyReport reads and writes (`wgpolicyk8s.io/v1alpha2`, namespaced `policyreports`), the only
 * code that sends them to the API server. Every write is conditional: an update carries the
 * resourceVersion read, a delete has it as a precondition, so a write based on an old read gets
 * 409 Conflict (reported as `conflict`) instead of overwriting a newer report.
 */
import { CustomObjectsApi } from '@kubernetes/client-node';
import { dig, list, text } from '../../gateway/index.ts';
import { apiStatus, withSignal, type KubeClient } from '../../kube/client.ts';
import { MANAGED_BY_LABEL, REPORT_SOURCE } from './desired.ts';

export const REPORT_GROUP = 'wgpolicyk8s.io';
export const REPORT_VERSION = 'v1alpha2';
export const REPORT_PLURAL = 'policyreports';

/** The result of one write. */
export type ReportWriteResult = 'written' | 'conflict' | 'gone';

/**
 * One report name in every namespace. `get` resolves to undefined on 404. `create` maps 409
 * (AlreadyExists) to `conflict`; `replace` and `delete` map 409 to `conflict` and 404 to `gone`.
 * Other failures reject.
 */
export interface PolicyReportApi {
  get(namespace: string): Promise<unknown>;
  create(namespace: string, report: unknown): Promise<ReportWriteResult>;
  replace(namespace: string, report: unknown): Promise<ReportWriteResult>;
  delete(namespace: string, resourceVersion: string | undefined): Promise<ReportWriteResult>;
  /** The namespaces holding a report of this name with our managed-by label (one LIST). */
  namespacesWithReport(): Promise<string[]>;
}

/** Deadline of one request: a request that hangs is retried by the caller, not waited on. */
const REQUEST_TIMEOUT_MS = 30_000;

/** A PolicyReportApi through client-node's CustomObjectsApi on the kube module's shared pool. */
export function kubePolicyReportApi(kube: KubeClient, name: string, fieldManager = 'gamma-webhook'): PolicyReportApi {
  const api = kube.api(CustomObjectsApi);
  const target = (namespace: string) => ({ group: REPORT_GROUP, version: REPORT_VERSION, plural: REPORT_PLURAL, namespace });
  const options = () => withSignal(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
  const write = async (send: () => Promise<unknown>): Promise<ReportWriteResult> => {
    try {
      await send();
      return 'written';
    } catch (error) {
      const status = apiStatus(error);
      if (status === 409) return 'conflict';
      if (status === 404) return 'gone';
      throw error;
    }
  };
  return {
    async get(namespace) {
      try {
        const report: unknown = await api.getNamespacedCustomObject({ ...target(namespace), name }, options());
        return report;
      } catch (error) {
        if (apiStatus(error) === 404) return undefined;
        throw error;
      }
    },
    create: (namespace, report) => write(() => api.createNamespacedCustomObject({ ...target(namespace), body: report as object, fieldManager }, options())),
    replace: (namespace, report) => write(() => api.replaceNamespacedCustomObject({ ...target(namespace), name, body: report as object, fieldManager }, options())),
    delete: (namespace, resourceVersion) =>
      write(() =>
        api.deleteNamespacedCustomObject(
          { ...target(namespace), name, body: resourceVersion === undefined ? {} : { preconditions: { resourceVersion } } },
          options(),
        ),
      ),
    async namespacesWithReport() {
      const found: unknown = await api.listClusterCustomObject(
        {
          group: REPORT_GROUP,
          version: REPORT_VERSION,
          plural: REPORT_PLURAL,
          labelSelector: `${MANAGED_BY_LABEL}=${REPORT_SOURCE}`,
          fieldSelector: `metadata.name=${name}`,
        },
        options(),
      );
      return list(dig(found, 'items')).flatMap((item) => {
        const namespace = text(dig(item, 'metadata', 'namespace'));
        return namespace === undefined ? [] : [namespace];
      });
    },
  };
}
