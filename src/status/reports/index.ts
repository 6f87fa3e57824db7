/**
 * PolicyReports, wired: `main.ts` calls `startPolicyReports` when `--policy-reports` is true, after
 * the status controller exists (the reports follow its Lease), and stops the result before it.
 * The CRD is optional: when the API server does not serve `wgpolicyk8s.io/v1alpha2`
 * policyreports, or discovery fails, one log line says so and nothing else happens.
 */
import type { Logger } from 'pino';
import { isServed } from '../../cluster/discovery.ts';
import type { KubeClient } from '../../kube/client.ts';
import type { Metrics } from '../../metrics.ts';
import type { Leadership } from '../leader.ts';
import type { PolicySource, StatusSource } from '../reconciler.ts';
import { REPORT_GROUP, REPORT_PLURAL, REPORT_VERSION, kubePolicyReportApi } from './api.ts';
import { ReportReconciler } from './reconciler.ts';

export interface PolicyReportsOptions {
  readonly kube: KubeClient;
  readonly view: StatusSource;
  readonly policy: PolicySource;
  /** The status Lease: only its holder writes reports. */
  readonly leadership: Leadership;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** The report's name in every namespace (config: policy-report-name). */
  readonly name: string;
  /** Results per report (config: policy-report-max-results). */
  readonly maxResults: number;
  /** The watched namespaces (config: watch-namespaces); empty: all. */
  readonly namespaces: readonly string[];
}

/**
 * Starts the report reconciler when the PolicyReport CRD is served, and resolves to it (to stop on
 * shutdown); resolves to undefined, after one log line, when it is not or discovery fails. Never rejects.
 */
export async function startPolicyReports(options: PolicyReportsOptions): Promise<ReportReconciler | undefined> {
  const logger = options.logger.child({ component: 'policy-reports' });
  const crd = { group: REPORT_GROUP, version: REPORT_VERSION, resource: REPORT_PLURAL };
  try {
    if (!(await isServed(options.kube, REPORT_GROUP, REPORT_VERSION, REPORT_PLURAL))) {
      logger.info(crd, 'PolicyReport CRD not served; PolicyReports are not written (install the wgpolicyk8s.io CRD and restart to write them)');
      return undefined;
    }
  } catch (error) {
    logger.warn({ ...crd, err: error }, 'PolicyReport CRD discovery failed; PolicyReports are not written until the next restart');
    return undefined;
  }
  const reconciler = new ReportReconciler({
    source: options.view,
    api: kubePolicyReportApi(options.kube, options.name),
    leadership: options.leadership,
    policy: options.policy,
    metrics: options.metrics,
    logger,
    name: options.name,
    maxResults: options.maxResults,
    namespaces: options.namespaces,
  });
  reconciler.start();
  logger.info({ ...crd, name: options.name, maxResults: options.maxResults }, 'PolicyReports are kept by the status Lease holder');
  return reconciler;
}
