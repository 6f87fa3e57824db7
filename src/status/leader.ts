/**
 * Leader election on a `coordination.k8s.io/v1` Lease, after client-go's leaderelection:
 * only the leader writes route status.
 *
 * Guarantees:
 * - A replica acquires a Lease that does not exist, has no holder, is its own, or has not been
 *   seen renewed for `leaseDurationMs` by this replica's clock (the record's timestamps are
 *   another machine's clock and are not trusted for expiry). Every write carries the
 *   resourceVersion read, so two replicas racing for an expired Lease cannot both win.
 * - Takeover after the leader dies happens at most `leaseDurationMs + retryPeriodMs` after this
 *   replica last saw the Lease renewed.
 * - `isLeader()` is true only while the last successful renewal is younger than
 *   `renewDeadlineMs` (< `leaseDurationMs`) by the clock, and becomes false at once when a
 *   renewal fails (error, conflict, or another holder): a replica that cannot renew stops
 *   writing before anyone else may take over, even if its renewal loop is stalled.
 * - `stop()` releases a held Lease (holder cleared) so that another replica takes over at once.
 */
import { CoordinationV1Api, V1MicroTime, type V1Lease } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { apiStatus, type KubeClient } from '../kube/client.ts';
import type { Metrics } from '../metrics.ts';

/** The Lease fields leader election reads and writes. */
export interface LeaseRecord {
  readonly holderIdentity?: string;
  readonly leaseDurationSeconds?: number;
  /** RFC 3339 (MicroTime) as read. */
  readonly acquireTime?: string;
  readonly renewTime?: string;
  readonly leaseTransitions?: number;
  /** metadata.resourceVersion as read; sent back on update as a precondition. */
  readonly resourceVersion?: string;
}

/**
 * The Lease as an API: one named Lease in one namespace. `create` and `update` resolve to
 * `conflict` on 409 (AlreadyExists, or a stale resourceVersion) and reject on other errors.
 */
export interface LeaseApi {
  get(): Promise<LeaseRecord | undefined>;
  create(record: LeaseRecord): Promise<LeaseRecord | 'conflict'>;
  update(record: LeaseRecord): Promise<LeaseRecord | 'conflict'>;
}

/** Milliseconds since the epoch; `Date.now` unless a test passes its own. */
export type Clock = () => number;

export interface LeaderElectorOptions {
  readonly api: LeaseApi;
  /** This replica's identity (pod name). MUST be unique among replicas. */
  readonly identity: string;
  readonly logger: Logger;
  readonly metrics?: Pick<Metrics, 'leader'> & Partial<Pick<Metrics, 'statusLeaseErrors'>>;
  /** Where the Lease is, for the messages that say what to fix (default: named nowhere). */
  readonly lease?: { readonly namespace: string; readonly name: string };
  /** How long a Lease holds without renewal (default 15 s). */
  readonly leaseDurationMs?: number;
  /** How long the leader keeps writing after its last successful renewal (default 10 s); MUST be < leaseDurationMs. */
  readonly renewDeadlineMs?: number;
  /** Time between attempts to acquire or renew (default 2 s); MUST be < renewDeadlineMs. */
  readonly retryPeriodMs?: number;
  readonly clock?: Clock;
}

/** Why the Lease could not be taken: a metric label, and the one-line cause with its fix. */
export interface LeaseFailure {
  readonly reason: 'namespace_not_found' | 'forbidden' | 'unauthorized' | 'api_error' | 'unreachable';
  readonly message: string;
}

type LeaseStep = 'get' | 'create' | 'update';

/**
 * Names the cause of a failed Lease call and what to do about it. A create answered 404 means
 * the namespace is missing (the Lease itself was just read as absent).
 */
export function classifyLeaseError(error: unknown, step: LeaseStep, lease: { namespace: string; name: string } | undefined): LeaseFailure {
  const status = apiStatus(error);
  const namespace = lease?.namespace ?? 'the Lease namespace';
  const what = lease ? `Lease ${lease.namespace}/${lease.name}` : 'the Lease';
  if (status === 404 && step === 'create') {
    return { reason: 'namespace_not_found', message: `namespace ${namespace} not found: create it or pass --namespace (GAMMA_NAMESPACE)` };
  }
  if (status === 403) {
    return {
      reason: 'forbidden',
      message: `forbidden to ${step} ${what}: grant the service account get, create and update on leases.coordination.k8s.io in namespace ${namespace} (the chart's Role does)`,
    };
  }
  if (status === 401) return { reason: 'unauthorized', message: `the API server refused the credentials (401) to ${step} ${what}: check the kubeconfig or the service account token` };
  if (status !== undefined) return { reason: 'api_error', message: `the API server answered ${status} to ${step} ${what}` };
  const detail = error instanceof Error ? error.message : String(error);
  return { reason: 'unreachable', message: `the API server could not be reached to ${step} ${what}: ${detail}` };
}

/** Called when this replica gains (true) or loses (false) the Lease. */
export type LeadershipListener = (leading: boolean) => void;

/** What the writer and the reconciler need from leader election. */
export interface Leadership {
  isLeader(): boolean;
  onChange(listener: LeadershipListener): () => void;
}

function parseTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** MicroTime as the API server writes it: `2026-11-22T08:52:00.123000Z`. */
export function formatMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

export class LeaderElector implements Leadership {
  readonly #api: LeaseApi;
  readonly #identity: string;
  readonly #logger: Logger;
  readonly #metrics: LeaderElectorOptions['metrics'];
  readonly #lease: LeaderElectorOptions['lease'];
  readonly #leaseDurationMs: number;
  readonly #renewDeadlineMs: number;
  readonly #retryPeriodMs: number;
  readonly #clock: Clock;
  readonly #listeners = new Set<LeadershipListener>();
  /** The last record seen, and when (our clock) it last changed. */
  #observed: LeaseRecord | undefined;
  #observedAt = 0;
  /** Our clock at the last successful acquire or renew; undefined when not holding. */
  #renewedAt: number | undefined;
  #reported = false;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #inFlight: Promise<boolean> | undefined;
  /** The API call under way, so that a failure can name it. */
  #step: LeaseStep = 'get';
  /** Why the last attempt did not hold the Lease; undefined while leading or before the first attempt. */
  #cause: string | undefined;
  /** The failure reasons already warned about since this replica last held the Lease: one warning per cause. */
  readonly #warned = new Set<string>();

  constructor(options: LeaderElectorOptions) {
    this.#api = options.api;
    this.#identity = options.identity;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.#lease = options.lease;
    this.#leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.#renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.#retryPeriodMs = options.retryPeriodMs ?? 2_000;
    this.#clock = options.clock ?? Date.now;
    if (!(this.#retryPeriodMs < this.#renewDeadlineMs && this.#renewDeadlineMs < this.#leaseDurationMs)) {
      throw new RangeError(`leader election needs retryPeriod < renewDeadline < leaseDuration; got ${this.#retryPeriodMs} ms, ${this.#renewDeadlineMs} ms, ${this.#leaseDurationMs} ms`);
    }
    this.#metrics?.leader.set(0);
  }

  get identity(): string {
    return this.#identity;
  }

  /** True while this replica holds the Lease and its last renewal is within the renew deadline. */
  isLeader(): boolean {
    return this.#renewedAt !== undefined && this.#clock() - this.#renewedAt < this.#renewDeadlineMs;
  }

  /**
   * Why this replica does not write route status, for /readyz and the start-up log: undefined
   * while it leads (and before its first attempt), else the cause with its fix, or the holder.
   */
  notLeaderCause(): string | undefined {
    if (this.isLeader()) return undefined;
    return this.#cause;
  }

  onChange(listener: LeadershipListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * One attempt to acquire or renew the Lease; resolves to `isLeader()` afterwards. Never
   * rejects: an API error counts as a failed renewal (logged) and leadership is dropped at once.
   * Concurrent calls share one attempt.
   */
  tryAcquireOrRenew(): Promise<boolean> {
    this.#inFlight ??= this.#attempt().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /** Starts the acquire/renew loop (first attempt at once). Idempotent. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const loop = (): void => {
      void this.tryAcquireOrRenew().then(() => {
        if (!this.#running) return;
        this.#timer = setTimeout(loop, this.#retryPeriodMs);
        this.#timer.unref();
      });
    };
    loop();
  }

  /** Stops the loop and, when holding the Lease, releases it. Never rejects. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    await this.#inFlight;
    const held = this.#observed;
    const holding = this.#renewedAt !== undefined;
    this.#renewedAt = undefined;
    this.#report();
    if (!holding || held === undefined || held.holderIdentity !== this.#identity) return;
    try {
      const now = this.#clock();
      const released = await this.#api.update({ ...held, holderIdentity: '', leaseDurationSeconds: 1, renewTime: formatMicroTime(now) });
      if (released !== 'conflict') this.#logger.info({ identity: this.#identity }, 'status Lease released');
    } catch (error) {
      this.#logger.warn({ err: error, identity: this.#identity }, 'status Lease could not be released; it expires on its own');
    }
  }

  async #attempt(): Promise<boolean> {
    try {
      await this.#acquireOrRenew();
      if (this.#renewedAt !== undefined) {
        this.#cause = undefined;
        this.#warned.clear();
      } else {
        const holder = this.#observed?.holderIdentity;
        this.#cause = holder ? `the Lease is held by ${holder}` : 'another replica took the Lease first';
      }
    } catch (error) {
      const failure = classifyLeaseError(error, this.#step, this.#lease);
      this.#metrics?.statusLeaseErrors?.inc({ reason: failure.reason });
      this.#cause = failure.message;
      const fields = { err: error, code: 'GAMMA_ERR_LEASE', reason: failure.reason, identity: this.#identity };
      if (this.#renewedAt !== undefined) {
        this.#logger.warn(fields, `status Lease renewal failed; stopped writing route status: ${failure.message}`);
        this.#warned.add(failure.message);
      } else if (!this.#warned.has(failure.message)) {
        this.#warned.add(failure.message);
        this.#logger.warn(fields, `status Lease could not be taken; not writing route status, retrying every ${this.#retryPeriodMs / 1000} s: ${failure.message}`);
      } else {
        this.#logger.debug(fields, 'status Lease could not be taken');
      }
      this.#renewedAt = undefined;
    }
    this.#report();
    return this.isLeader();
  }

  async #acquireOrRenew(): Promise<void> {
    const now = this.#clock();
    const durationSeconds = Math.ceil(this.#leaseDurationMs / 1000);
    this.#step = 'get';
    const current = await this.#api.get();
    if (current === undefined) {
      this.#step = 'create';
      const created = await this.#api.create({
        holderIdentity: this.#identity,
        leaseDurationSeconds: durationSeconds,
        acquireTime: formatMicroTime(now),
        renewTime: formatMicroTime(now),
        leaseTransitions: 0,
      });
      return this.#settle(created, now);
    }
    this.#observe(current, now);
    const holder = current.holderIdentity ?? '';
    const ours = holder === this.#identity;
    const recordDurationMs = (current.leaseDurationSeconds ?? durationSeconds) * 1000;
    const expired = this.#clock() - this.#observedAt >= recordDurationMs;
    if (!ours && holder !== '' && !expired) {
      this.#renewedAt = undefined;
      return;
    }
    this.#step = 'update';
    const updated = await this.#api.update({
      holderIdentity: this.#identity,
      leaseDurationSeconds: durationSeconds,
      acquireTime: ours ? current.acquireTime ?? formatMicroTime(now) : formatMicroTime(now),
      renewTime: formatMicroTime(now),
      leaseTransitions: ours ? current.leaseTransitions ?? 0 : (current.leaseTransitions ?? 0) + 1,
      ...(current.resourceVersion === undefined ? {} : { resourceVersion: current.resourceVersion }),
    });
    this.#settle(updated, now);
  }

  #settle(result: LeaseRecord | 'conflict', attemptedAt: number): void {
    if (result === 'conflict') {
      // Another replica wrote the Lease between our read and our write: it holds it now.
      this.#renewedAt = undefined;
      return;
    }
    const now = this.#clock();
    this.#observe(result, now);
    // A renewal that comes after the renew deadline (a stalled loop, a slow answer) ends a span
    // in which isLeader() was false by the clock and writes were skipped: report the loss, so
    // that listeners hear of leadership regained (the reconciler resyncs what it skipped).
    if (this.#renewedAt !== undefined && now - this.#renewedAt >= this.#renewDeadlineMs) {
      this.#renewedAt = undefined;
      this.#report();
    }
    this.#renewedAt = attemptedAt;
  }

  #observe(record: LeaseRecord, now: number): void {
    const previous = this.#observed;
    const changed =
      previous === undefined ||
      previous.holderIdentity !== record.holderIdentity ||
      previous.renewTime !== record.renewTime ||
      previous.resourceVersion !== record.resourceVersion;
    this.#observed = record;
    if (changed) this.#observedAt = now;
  }

  #report(): void {
    const leading = this.isLeader();
    if (leading === this.#reported) return;
    this.#reported = leading;
    this.#metrics?.leader.set(leading ? 1 : 0);
    this.#logger.info({ identity: this.#identity, holder: this.#observed?.holderIdentity }, leading ? 'acquired the status Lease; writing route status' : 'lost the status Lease; not writing route status');
    for (const listener of [...this.#listeners]) {
      try {
        listener(leading);
      } catch (error) {
        this.#logger.error({ err: error }, 'leadership listener failed');
      }
    }
  }
}

/** Plain data from a client-node Lease (MicroTime values may come back as Date or string). */
function toRecord(lease: V1Lease): LeaseRecord {
  const time = (value: unknown): string | undefined =>
    value instanceof Date ? formatMicroTime(value.getTime()) : typeof value === 'string' ? value : undefined;
  const spec = lease.spec;
  const record: { -readonly [K in keyof LeaseRecord]: LeaseRecord[K] } = {};
  if (spec?.holderIdentity !== undefined) record.holderIdentity = spec.holderIdentity;
  if (spec?.leaseDurationSeconds !== undefined) record.leaseDurationSeconds = spec.leaseDurationSeconds;
  const acquireTime = time(spec?.acquireTime);
  const renewTime = time(spec?.renewTime);
  if (acquireTime !== undefined) record.acquireTime = acquireTime;
  if (renewTime !== undefined) record.renewTime = renewTime;
  if (spec?.leaseTransitions !== undefined) record.leaseTransitions = spec.leaseTransitions;
  if (lease.metadata?.resourceVersion !== undefined) record.resourceVersion = lease.metadata.resourceVersion;
  return record;
}

function toLease(name: string, namespace: string, record: LeaseRecord): V1Lease {
  const micro = (value: string | undefined): V1MicroTime | undefined => {
    const ms = parseTime(value);
    return ms === undefined ? undefined : new V1MicroTime(ms);
  };
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace, ...(record.resourceVersion === undefined ? {} : { resourceVersion: record.resourceVersion }) },
    spec: {
      holderIdentity: record.holderIdentity,
      leaseDurationSeconds: record.leaseDurationSeconds,
      acquireTime: micro(record.acquireTime),
      renewTime: micro(record.renewTime),
      leaseTransitions: record.leaseTransitions,
    },
  };
}

function isStatus(error: unknown, code: number): boolean {
  return apiStatus(error) === code;
}

/** A LeaseApi on the Lease `namespace/name` through client-node's CoordinationV1Api on the kube module's shared pool. */
export function kubeLeaseApi(kube: KubeClient, namespace: string, name: string): LeaseApi {
  const api = kube.api(CoordinationV1Api);
  return {
    async get() {
      try {
        return toRecord(await api.readNamespacedLease({ name, namespace }));
      } catch (error) {
        if (isStatus(error, 404)) return undefined;
        throw error;
      }
    },
    async create(record) {
      try {
        return toRecord(await api.createNamespacedLease({ namespace, body: toLease(name, namespace, record) }));
      } catch (error) {
        if (isStatus(error, 409)) return 'conflict';
        throw error;
      }
    },
    async update(record) {
      try {
        return toRecord(await api.replaceNamespacedLease({ name, namespace, body: toLease(name, namespace, record) }));
      } catch (error) {
        if (isStatus(error, 409)) return 'conflict';
        throw error;
      }
    },
  };
}
