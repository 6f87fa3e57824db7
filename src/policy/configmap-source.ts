import { CoreV1Api, ListWatch, type CoreV1Event, type V1ConfigMap } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { KubeClient } from '../kube/client.ts';
import { PolicyError, formatProblem } from './parse.ts';
import type { PolicyLoadResult, PolicyOrigin, PolicyStore } from './store.ts';

/** The ConfigMap key that holds the policy document. */
export const policyConfigMapKey = 'policy.yaml';

/** The Event reason for a refused policy, on the ConfigMap (`kubectl describe configmap`). */
export const invalidPolicyReason = 'InvalidPolicy';

export interface PolicyConfigMapOptions {
  readonly store: PolicyStore;
  readonly kube: KubeClient;
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
  /** Wait before re-listing after a failed list or watch, by attempt (1, 2, ...); default 1s doubling to 30s. */
  readonly retryDelayMs?: (attempt: number) => number;
}

const defaultRetryDelayMs = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 30_000);

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
 *   policy in force stays, and the watch restarts after `retryDelayMs`.
 *
 * Uses `ListWatch` from @kubernetes/client-node with `fieldSelector=metadata.name=<name>`, so
 * only this ConfigMap is listed and watched (RBAC: list and watch configmaps, create events, in
 * the namespace).
 */
export class PolicyConfigMapSource {
  readonly #options: PolicyConfigMapOptions;
  readonly #origin: PolicyOrigin;
  readonly #core: CoreV1Api;
  readonly #informer: ListWatch<V1ConfigMap>;
  #stopped = true;
  #failures = 0;
  #retryTimer: NodeJS.Timeout | undefined;
  #eventSerial = 0;
  /** Events still being sent, so that `stop()` and tests can wait for them. */
  readonly #pending = new Set<Promise<void>>();

  constructor(options: PolicyConfigMapOptions) {
    this.#options = options;
    this.#origin = { kind: 'configmap', name: `${options.namespace}/${options.name}` };
    this.#core = options.kube.api(CoreV1Api);
    const fieldSelector = `metadata.name=${options.name}`;
    this.#informer = new ListWatch<V1ConfigMap>(
      `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/configmaps`,
      options.kube.watch(),
      async () => {
        const list = await this.#core.listNamespacedConfigMap({ namespace: options.namespace, fieldSelector });
        this.#failures = 0; // the backoff restarts only once the API server answers again
        return list;
      },
      false,
      undefined,
      fieldSelector,
    );
    this.#informer.on('add', (configMap) => this.#apply(configMap));
    this.#informer.on('update', (configMap) => this.#apply(configMap));
    this.#informer.on('delete', () => {
      this.#options.store.useDefaults(this.#origin, 'the policy ConfigMap was deleted');
    });
    this.#informer.on('error', (error) => this.#failed(error));
  }

  /**
   * Starts watching. Resolves after the first list attempt: on success the ConfigMap's policy (if
   * any) is already loaded; on failure the built-in defaults stay and retries go on in the
   * background. Never rejects.
   */
  async start(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    await this.#run();
  }

  /** Stops the watch and retries, and waits for Events being sent. Idempotent. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    await this.#informer.stop();
    await this.settled();
  }

  /** Resolves when every Event started so far has been sent (or failed and been logged). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #run(): Promise<void> {
    try {
      await this.#informer.start();
    } catch (error) {
      this.#failed(error);
    }
  }

  #failed(error: unknown): void {
    if (this.#stopped) return; // stop() aborts the watch, which reports an AbortError
    this.#failures += 1;
    const delayMs = (this.#options.retryDelayMs ?? defaultRetryDelayMs)(this.#failures);
    this.#options.logger.error(
      { code: 'GAMMA_ERR_POLICY_WATCH', origin: this.#origin.name, err: error, retryInMs: delayMs },
      'policy ConfigMap watch failed; keeping the policy in force',
    );
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (!this.#stopped) void this.#run();
    }, delayMs);
    this.#retryTimer.unref();
  }

  #apply(configMap: V1ConfigMap): void {
    const { store } = this.#options;
    const text = configMap.data?.[policyConfigMapKey];
    let result: PolicyLoadResult;
    if (text === undefined) {
      const keys = Object.keys({ ...configMap.data, ...configMap.binaryData });
      const message = `missing; the ConfigMap must hold the policy under data["${policyConfigMapKey}"]${keys.length > 0 ? ` (it has: ${keys.join(', ')})` : ''}`;
      result = store.refuse(
        this.#origin,
        new PolicyError('GAMMA_ERR_POLICY_UNREADABLE', `configmap ${this.#origin.name}`, [{ path: `data["${policyConfigMapKey}"]`, message }]),
      );
    } else {
      result = store.load(text, this.#origin);
    }
    if (result.outcome === 'invalid') this.#track(this.#recordEvent(configMap, result.error, result.snapshot.origin));
  }

  #track(promise: Promise<void>): void {
    this.#pending.add(promise);
    void promise.finally(() => this.#pending.delete(promise));
  }

  /** Creates a core v1 Warning Event on the ConfigMap; a failure is logged, never thrown. */
  async #recordEvent(configMap: V1ConfigMap, error: PolicyError, keptOrigin: string): Promise<void> {
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
        ...(configMap.metadata?.uid ? { uid: configMap.metadata.uid } : {}),
        ...(configMap.metadata?.resourceVersion ? { resourceVersion: configMap.metadata.resourceVersion } : {}),
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
