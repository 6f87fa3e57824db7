import { CoreV1Api, type CoreV1Event } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { dig, record, text } from '../gateway/index.ts';
import type { KubeClient } from '../kube/client.ts';
import { Reflector, type Backoff } from '../kube/reflector.ts';
import type { Metrics } from '../metrics.ts';
import { PolicyError, formatProblem } from './parse.ts';
import type { PolicyLoadResult, PolicyOrigin, PolicyStore } from './store.ts';

/** The ConfigMap key that holds the policy document. */
const policyConfigMapKey = 'policy.yaml';

/** The Event reason for a refused policy, on the ConfigMap (`kubectl describe configmap`). */
export const invalidPolicyReason = 'InvalidPolicy';

export interface PolicyConfigMapOptions {
  readonly store: PolicyStore;
  readonly kube: KubeClient;
  /** The watch's restart counter (`gamma_watch_restarts_total{kind="ConfigMap"}`). */
  readonly metrics: Pick<Metrics, 'watchRestarts'>;
  /** The webhook's own namespace. */
  readonly namespace: string;
  /** The ConfigMap's name (the chart's `<release>-policy`). */
  readonly name: string;
  readonly logger: Logger;
  /** The Event's `source.component` and `reportingComponent`; default `gamma-webhook`. */
  readonly component?: string;
  /** The Event's `source.host` and `reportingInstance`, e.g. the pod name; optional. */
  readonly instance?: string;
  /** Time for Event timestamps; default the system clock. */
  readonly now?: () => Date;
  /** Wait before re-listing after a failed list or watch; default 1 s doubling to 30 s. */
  readonly backoff?: Backoff;
}

const defaultBackoff: Backoff = { initialMs: 1000, maxMs: 30_000 };

/** What the source keeps of the ConfigMap: its identity and its data. */
interface CachedConfigMap {
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly uid?: string; readonly resourceVersion?: string };
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly binaryData: Readonly<Record<string, unknown>> | undefined;
}

function trimConfigMap(object: unknown): CachedConfigMap {
  const metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string } = { name: text(dig(object, 'metadata', 'name')) ?? '' };
  for (const field of ['namespace', 'uid', 'resourceVersion'] as const) {
    const value = text(dig(object, 'metadata', field));
    if (value !== undefined) metadata[field] = value;
  }
  return { metadata, data: record(dig(object, 'data')), binaryData: record(dig(object, 'binaryData')) };
}

/**
 * Watches one ConfigMap (`namespace/name`, key `policy.yaml`) and feeds the store.
 *
 * - Created or changed: the key's text is loaded; a valid policy applies at once (a watch event
 *   arrives within about a second of the write).
 * - Invalid, or no `policy.yaml` key: the store reports it (log, metric) and keeps the last good
 *   policy, and a Warning Event with reason `InvalidPolicy` is created on the ConfigMap naming
 *   every problem. The same content is not reported twice.
 * - Deleted: the store returns to the built-in defaults.
 * - List or watch failure (API server down, RBAC): logged with `GAMMA_ERR_POLICY_WATCH`, the
 *   policy in force stays, and the watch restarts after the backoff.
 *
 * Uses the kube module's reflector with `fieldSelector=metadata.name=<name>`, so only this
 * ConfigMap is listed and watched (RBAC: list and watch configmaps, create events, in the namespace).
 */
export class PolicyConfigMapSource {
  readonly #options: PolicyConfigMapOptions;
  readonly #origin: PolicyOrigin;
  readonly #core: CoreV1Api;
  readonly #reflector: Reflector<CachedConfigMap>;
  #eventSerial = 0;
  /** Events still being sent, so that `stop()` and tests can wait for them. */
  readonly #pending = new Set<Promise<void>>();

  constructor(options: PolicyConfigMapOptions) {
    this.#options = options;
    this.#origin = { kind: 'configmap', name: `${options.namespace}/${options.name}` };
    this.#core = options.kube.api(CoreV1Api);
    this.#reflector = new Reflector<CachedConfigMap>({
      kube: options.kube,
      kind: 'ConfigMap',
      path: `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/configmaps`,
      fieldSelector: `metadata.name=${options.name}`,
      trim: trimConfigMap,
      metrics: options.metrics,
      logger: options.logger,
      backoff: options.backoff ?? defaultBackoff,
      onFailure: (error, delayMs) => {
        options.logger.error(
          { code: 'GAMMA_ERR_POLICY_WATCH', origin: this.#origin.name, err: error, retryInMs: delayMs },
          'policy ConfigMap watch failed; keeping the policy in force',
        );
      },
    });
    this.#reflector.on({
      add: (configMap) => this.#apply(configMap),
      update: (configMap) => this.#apply(configMap),
      delete: () => this.#options.store.useDefaults(this.#origin, 'the policy ConfigMap was deleted'),
    });
  }

  /**
   * Starts watching. Resolves after the first list attempt: on success the ConfigMap's policy (if
   * any) is already loaded; on failure the built-in defaults stay and retries go on in the
   * background. Never rejects.
   */
  async start(): Promise<void> {
    await this.#reflector.start();
  }

  /** Stops the watch and retries for good, and waits for Events being sent. Idempotent. */
  async stop(): Promise<void> {
    await this.#reflector.stop();
    await this.settled();
  }

  /** Resolves when every Event started so far has been sent (or failed and been logged). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  #apply(configMap: CachedConfigMap): void {
    const { store } = this.#options;
    const policy = configMap.data?.[policyConfigMapKey];
    let result: PolicyLoadResult;
    if (typeof policy !== 'string') {
      const keys = Object.keys({ ...configMap.data, ...configMap.binaryData });
      const message = `missing; the ConfigMap must hold the policy under data["${policyConfigMapKey}"]${keys.length > 0 ? ` (it has: ${keys.join(', ')})` : ''}`;
      result = store.refuse(
        this.#origin,
        new PolicyError('GAMMA_ERR_POLICY_UNREADABLE', `configmap ${this.#origin.name}`, [{ path: `data["${policyConfigMapKey}"]`, message }]),
      );
    } else {
      result = store.load(policy, this.#origin);
    }
    if (result.outcome === 'invalid') this.#track(this.#recordEvent(configMap, result.error, result.snapshot.origin));
  }

  #track(promise: Promise<void>): void {
    this.#pending.add(promise);
    void promise.finally(() => this.#pending.delete(promise));
  }

  /** Creates a core v1 Warning Event on the ConfigMap; a failure is logged, never thrown. */
  async #recordEvent(configMap: CachedConfigMap, error: PolicyError, keptOrigin: string): Promise<void> {
    const { namespace, name, logger } = this.#options;
    const component = this.#options.component ?? 'gamma-webhook';
    const now = (this.#options.now ?? (() => new Date()))();
    this.#eventSerial += 1;
    const detail = error.problems.map(formatProblem).join('; ');
    const message = `${error.code}: policy refused, keeping the policy from ${keptOrigin}: ${detail}`;
    const event: CoreV1Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        // The API server's own convention: <object>.<hex timestamp>; the serial keeps two in one millisecond apart.
        name: `${name}.${(now.getTime() * 1000 + (this.#eventSerial % 1000)).toString(16)}`,
        namespace,
      },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace,
        name,
        ...(configMap.metadata.uid ? { uid: configMap.metadata.uid } : {}),
        ...(configMap.metadata.resourceVersion ? { resourceVersion: configMap.metadata.resourceVersion } : {}),
      },
      reason: invalidPolicyReason,
      message: message.length > 1024 ? `${message.slice(0, 1021)}...` : message,
      type: 'Warning',
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component, ...(this.#options.instance ? { host: this.#options.instance } : {}) },
      reportingComponent: component,
      ...(this.#options.instance ? { reportingInstance: this.#options.instance } : {}),
      action: 'LoadPolicy',
    };
    try {
      await this.#core.createNamespacedEvent({ namespace, body: event });
    } catch (err) {
      logger.warn({ err, origin: this.#origin.name, reason: invalidPolicyReason }, 'could not create the Event for a refused policy');
    }
  }
}
