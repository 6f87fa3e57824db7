import type { Logger } from 'pino';
import { compile, type CompiledPolicy } from '../core/compile.ts';
import type { Policy } from '../core/policy.ts';
import type { Metrics } from '../metrics.ts';
import { ruleCatalog } from '../rules/index.ts';
import { defaultPolicy } from './defaults.ts';
import { formatProblem, parsePolicy, policyHash, type PolicyError } from './parse.ts';

/** Where the policy in force came from; the `source` label of `gamma_policy_info`. */
export type PolicySourceKind = 'default' | 'file' | 'configmap';

/** A place a policy is read from: a file path, or a ConfigMap as `namespace/name`. */
export interface PolicyOrigin {
  readonly kind: Exclude<PolicySourceKind, 'default'>;
  readonly name: string;
}

/** `file /etc/gamma/policy.yaml`, `configmap gamma-system/gamma-webhook-policy`. */
function describeOrigin(origin: PolicyOrigin): string {
  return `${origin.kind} ${origin.name}`;
}

/**
 * The policy in force with what identifies it. Immutable: a new load makes a new snapshot and
 * swaps it in whole, so a reader holding one snapshot always sees one consistent policy.
 */
export interface PolicySnapshot {
  /** Deeply frozen. */
  readonly policy: Policy;
  /** The policy compiled against the rule catalog, once per snapshot. */
  readonly compiled: CompiledPolicy;
  /** `policyHash(policy)`: equal hashes mean the same policy. */
  readonly hash: string;
  readonly source: PolicySourceKind;
  /** `built-in defaults`, or `describeOrigin(origin)`. */
  readonly origin: string;
  /** 0 for the snapshot the store starts with, then +1 for each swap. */
  readonly generation: number;
}

/** Called after the policy in force changed (its hash differs from the previous one). */
export type PolicyChangeListener = (next: PolicySnapshot, previous: PolicySnapshot) => void;

/**
 * What became of one load: `applied` (the text is the policy in force now; listeners were
 * called if the hash changed), `invalid` (refused: logged, counted, last good policy kept),
 * `unchanged` (the same text or the same failure as the last one seen from this origin:
 * nothing was done, nothing reported again).
 */
export type PolicyLoadResult =
  | { readonly outcome: 'applied'; readonly snapshot: PolicySnapshot; readonly changed: boolean }
  | { readonly outcome: 'invalid'; readonly snapshot: PolicySnapshot; readonly error: PolicyError }
  | { readonly outcome: 'unchanged'; readonly snapshot: PolicySnapshot };

export interface PolicyStoreOptions {
  readonly logger: Logger;
  /**
   * `policyReloads{result}` is counted, `policyInfo{source,hash}` follows the snapshot, and
   * `policyLastReloadSuccessful` is 0 from a refused policy until the next one is applied.
   */
  readonly metrics: Pick<Metrics, 'policyReloads' | 'policyInfo' | 'policyLastReloadSuccessful'>;
}

const defaultsOrigin = 'built-in defaults';

/**
 * Holds the policy in force and swaps it atomically.
 *
 * Readers MUST read `current` (or `snapshot`) once per evaluation and use that object
 * throughout: it is never modified, only replaced, so a request never sees half a policy even
 * while reloads happen between its awaits. The store starts with the built-in defaults. Sources
 * (`file-source.ts`, `configmap-source.ts`) feed it texts with `load`, failures with `refuse`,
 * and a deleted source with `useDefaults`; only one source should feed a store.
 *
 * Every refused policy is logged at error level with each problem's field, schema path and line,
 * and counted as `policyReloads{result="invalid"}`; the last good policy stays in force (the
 * built-in defaults when nothing valid was ever loaded, so a bad policy never blocks route
 * writes). Every applied policy is counted as `policyReloads{result="applied"}`.
 */
export class PolicyStore {
  readonly #logger: Logger;
  readonly #metrics: PolicyStoreOptions['metrics'];
  readonly #listeners = new Set<PolicyChangeListener>();
  /** Per origin, the last text (or failure) seen, so that a re-list of the same ConfigMap is quiet. */
  readonly #lastSeen = new Map<string, string>();
  #snapshot: PolicySnapshot;

  constructor(options: PolicyStoreOptions) {
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.#snapshot = Object.freeze({
      policy: defaultPolicy,
      compiled: compile(defaultPolicy, ruleCatalog),
      hash: policyHash(defaultPolicy),
      source: 'default',
      origin: defaultsOrigin,
      generation: 0,
    });
    this.#publishInfo();
    this.#metrics.policyLastReloadSuccessful.set(1);
  }

  /** The policy in force. Read it once per evaluation. */
  get current(): Policy {
    return this.#snapshot.policy;
  }

  /** The policy in force, compiled. Read it once per evaluation. */
  get compiled(): CompiledPolicy {
    return this.#snapshot.compiled;
  }

  /** The policy in force with its hash, source and generation, as one immutable object. */
  get snapshot(): PolicySnapshot {
    return this.#snapshot;
  }

  /**
   * Calls `listener` after each change of the policy in force (not for a reload that yields the
   * same policy). Listeners run synchronously after the swap; one that throws is logged and does
   * not affect the swap or the other listeners. Returns a function that removes the listener.
   */
  onChange(listener: PolicyChangeListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Parses, validates and applies a policy text read from `origin`. An invalid text is reported
   * (log, metric) and leaves the policy in force as it was. Never throws.
   */
  load(text: string, origin: PolicyOrigin): PolicyLoadResult {
    const where = describeOrigin(origin);
    if (this.#lastSeen.get(where) === `text:${text}`) return { outcome: 'unchanged', snapshot: this.#snapshot };
    this.#lastSeen.set(where, `text:${text}`);
    const parsed = parsePolicy(text, where);
    if (!parsed.ok) return this.#report(parsed.error);
    this.#metrics.policyReloads.inc({ result: 'applied' });
    this.#metrics.policyLastReloadSuccessful.set(1);
    const changed = this.#swap(parsed.policy, parsed.hash, origin.kind, where);
    return { outcome: 'applied', snapshot: this.#snapshot, changed };
  }

  /**
   * Reports a policy from `origin` that could not even be read (a missing file, a ConfigMap
   * without the key), the same way as an invalid one; the policy in force stays. Reporting the
   * same failure twice in a row from one origin is quiet the second time.
   */
  refuse(origin: PolicyOrigin, error: PolicyError): PolicyLoadResult {
    const where = describeOrigin(origin);
    const signature = `error:${error.code}:${error.problems.map(formatProblem).join(';')}`;
    if (this.#lastSeen.get(where) === signature) return { outcome: 'unchanged', snapshot: this.#snapshot };
    this.#lastSeen.set(where, signature);
    return this.#report(error);
  }

  /**
   * Returns to the built-in defaults because `origin` no longer exists (the ConfigMap was
   * deleted). Logged at warn level; listeners are called if the policy changes.
   */
  useDefaults(origin: PolicyOrigin, reason: string): PolicySnapshot {
    const where = describeOrigin(origin);
    this.#lastSeen.delete(where);
    // A deleted source is no refused policy: the defaults are what is meant to be in force now.
    this.#metrics.policyLastReloadSuccessful.set(1);
    this.#logger.warn({ origin: where, reason, previousHash: this.#snapshot.hash }, 'policy source gone; using the built-in defaults');
    this.#swap(defaultPolicy, policyHash(defaultPolicy), 'default', defaultsOrigin);
    return this.#snapshot;
  }

  #report(error: PolicyError): PolicyLoadResult {
    this.#metrics.policyReloads.inc({ result: 'invalid' });
    this.#metrics.policyLastReloadSuccessful.set(0);
    this.#logger.error(
      {
        code: error.code,
        origin: error.source,
        problems: error.problems.map((p) => ({ path: p.path, message: p.message, schemaPath: p.schemaPath, line: p.line })),
        keptHash: this.#snapshot.hash,
        keptOrigin: this.#snapshot.origin,
      },
      `policy refused (${error.problems.map(formatProblem).join('; ')}); keeping the policy from ${this.#snapshot.origin}`,
    );
    return { outcome: 'invalid', snapshot: this.#snapshot, error };
  }

  /** Installs a policy; returns true when it differs from the one in force (listeners called). */
  #swap(policy: Policy, hash: string, source: PolicySourceKind, origin: string): boolean {
    const previous = this.#snapshot;
    const changed = hash !== previous.hash;
    if (!changed && source === previous.source && origin === previous.origin) {
      this.#logger.info({ origin, hash }, 'policy reloaded; unchanged');
      return false;
    }
    this.#snapshot = Object.freeze({
      policy: changed ? policy : previous.policy,
      compiled: changed ? compile(policy, ruleCatalog) : previous.compiled,
      hash,
      source,
      origin,
      generation: previous.generation + 1,
    });
    this.#publishInfo();
    this.#logger.info({ origin, hash, previousHash: previous.hash, generation: this.#snapshot.generation }, changed ? 'policy applied' : 'policy reloaded; unchanged');
    if (changed) {
      for (const listener of [...this.#listeners]) {
        try {
          listener(this.#snapshot, previous);
        } catch (error) {
          this.#logger.error({ err: error }, 'policy change listener failed');
        }
      }
    }
    return changed;
  }

  #publishInfo(): void {
    this.#metrics.policyInfo.reset();
    this.#metrics.policyInfo.set({ source: this.#snapshot.source, hash: this.#snapshot.hash }, 1);
  }
}
