/**
 * The loopback API server's storage: one resourceVersion counter for the whole store (as etcd's
 * revision), objects in storage form, an event history for watches that start from an older
 * resourceVersion, and simulated compaction. Stored objects are never mutated after they are
 * stored (writes replace them), so lists and watch events can share them without copying.
 */
import { randomUUID } from 'node:crypto';
import { deepEqual } from './patch.ts';
import type { KubeObject, ObjectMeta, Storage } from './resources.ts';
import { ApiError, alreadyExists, badRequest, conflict, fieldsInvalid, invalid, notFound } from './status.ts';

/** One change, in storage form. `previous` is the object before the change (MODIFIED, DELETED). */
export interface StoreEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly storage: Storage;
  readonly object: KubeObject;
  readonly previous: KubeObject | undefined;
  readonly resourceVersion: number;
}

export interface WriteOptions {
  /** The field manager recorded in managedFields (the server derives it from the User-Agent). */
  readonly manager?: string;
  /** Validate and compute the result without storing it (`?dryRun=All`). */
  readonly dryRun?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  /** `status`: only `.status` changes; otherwise `.status` is kept when the kind has the subresource. */
  readonly subresource?: 'status';
}

/** The Go field order of ObjectMeta, so core objects read like the real ones. */
const metadataOrder = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
];

function orderMetadata(meta: ObjectMeta): ObjectMeta {
  const out: ObjectMeta = {};
  for (const key of metadataOrder) if (meta[key] !== undefined) out[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/** Seconds-precision RFC 3339, as metadata timestamps are. */
function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const nameChars = 'bcdfghjklmnpqrstvwxz2456789';

function randomSuffix(): string {
  let out = '';
  for (let i = 0; i < 5; i++) out += nameChars[Math.floor(Math.random() * nameChars.length)];
  return out;
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** The object without metadata and status: what `generation` tracks. */
function specPart(object: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}

/** The object without the fields a write always changes: a no-op write is not stored. */
function comparable(object: KubeObject): KubeObject {
  const { resourceVersion: _r, managedFields: _f, generation: _g, ...metadata } = object.metadata;
  return { ...object, metadata };
}

export class Store {
  /** The newest resourceVersion handed out. */
  private revision: number;
  /** Watches may start at or after this resourceVersion; older ones get 410 (simulated compaction). */
  private oldest: number;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  /** The resourceVersion of each storage's newest change, by storage id. */
  private readonly newest = new Map<string, number>();
  private nextIp = 1;

  constructor(firstResourceVersion = 100) {
    this.revision = firstResourceVersion;
    this.oldest = firstResourceVersion;
  }

  /** The store's current resourceVersion (the newest write). */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch may start from. */
  get oldestResourceVersion(): number {
    return this.oldest;
  }

  /**
   * Simulated etcd compaction: watches and continue tokens older than `resourceVersion` (default:
   * the current one) get 410 from now on. Never moves backwards.
   */
  compact(resourceVersion = this.revision): void {
    this.oldest = Math.max(this.oldest, Math.min(resourceVersion, this.revision));
    this.history = this.history.filter((e) => e.resourceVersion > this.oldest);
  }

  /** Events after `resourceVersion`, in order; undefined when that version is compacted away. */
  eventsSince(resourceVersion: number): readonly StoreEvent[] | undefined {
    if (resourceVersion < this.oldest) return undefined;
    let low = 0;
    let high = this.history.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.history[mid]?.resourceVersion ?? 0) <= resourceVersion) low = mid + 1;
      else high = mid;
    }
    return this.history.slice(low);
  }

  /** Calls `listener` synchronously after every stored change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bucket(storage: Storage): Map<string, KubeObject> {
    let bucket = this.objects.get(storage.id);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(storage.id, bucket);
    }
    return bucket;
  }

  get(storage: Storage, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(storage).get(key(storage.namespaced ? namespace : undefined, name));
  }

  /** Objects of a storage in etcd key order (namespace/name), optionally of one namespace. */
  list(storage: Storage, namespace?: string): KubeObject[] {
    const all = [...this.bucket(storage).entries()];
    all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const objects = all.map(([, o]) => o);
    return namespace === undefined ? objects : objects.filter((o) => o.metadata.namespace === namespace);
  }

  /**
   * The resourceVersion of the newest change to `storage` (the first resourceVersion when none):
   * what a watch cache of that resource knows, and so what its bookmarks carry.
   */
  newestResourceVersion(storage: Storage): number {
    return this.newest.get(storage.id) ?? this.oldest;
  }

  private emit(event: StoreEvent): void {
    this.newest.set(event.storage.id, event.resourceVersion);
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
  }

  private allocateIp = (): string => {
    const n = this.nextIp++;
    return `10.96.${(n >> 8) & 255}.${n & 255}`;
  };

  private managedEntry(object: KubeObject, manager: string, subresource: string | undefined): Record<string, unknown> {
    const entry: Record<string, unknown> = {
      manager, operation: 'Update', apiVersion: object.apiVersion, time: timestamp(), fieldsType: 'FieldsV1', fieldsV1: {},
    };
    if (subresource) entry.subresource = subresource;
    return entry;
  }

  /** Throws the 422 of `storage.validate`'s causes, if any. */
  private validate(storage: Storage, object: KubeObject, name: string): void {
    const causes = storage.validate?.(object) ?? [];
    if (causes.length > 0) throw new ApiError(fieldsInvalid(storage, name, causes));
  }

  /** Stores a new object (storage form). Throws ApiError 409 AlreadyExists, 400 on a missing name. */
  create(storage: Storage, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const object = structuredClone(input);
    const meta = object.metadata ?? {};
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    const name = meta.name;
    if (!name) throw new ApiError(invalid(storage, '', 'metadata.name: Required value: name or generateName is required'));
    if (!storage.namespaced) delete meta.namespace;
    else if (!meta.namespace) throw new ApiError(badRequest('the server could not find the requested resource'));
    const k = key(meta.namespace, name);
    if (this.bucket(storage).has(k)) throw new ApiError(alreadyExists(storage, name));
    // As the real strategies do on create: status is the server's (CRs with the subresource, Services, Namespaces).
    if (storage.statusSubresource) delete object.status;
    storage.defaults?.(object, this.allocateIp);
    this.validate(storage, object, name);
    const revision = options.dryRun ? this.revision : this.revision + 1;
    meta.uid = randomUUID();
    meta.resourceVersion = String(revision);
    if (storage.generation) meta.generation = 1;
    else delete meta.generation;
    meta.creationTimestamp = timestamp();
    meta.managedFields = [this.managedEntry(object, options.manager ?? 'unknown', undefined)];
    const stored: KubeObject = { ...object, metadata: orderMetadata(meta) };
    if (options.dryRun) return stored;
    this.revision = revision;
    this.bucket(storage).set(k, stored);
    this.emit({ type: 'ADDED', storage, object: stored, previous: undefined, resourceVersion: revision });
    return stored;
  }

  /**
   * Replaces an object (PUT semantics). A `metadata.resourceVersion` in `input` that is not the
   * stored one is a 409 Conflict; without one the write is unconditional. A write that changes
   * nothing keeps the resourceVersion and emits nothing (B-05: a repeated status PATCH).
   */
  update(storage: Storage, input: KubeObject, options: UpdateOptions = {}): KubeObject {
    const name = input.metadata?.name ?? '';
    const current = this.get(storage, input.metadata?.namespace, name);
    if (!current) throw new ApiError(notFound(storage, name));
    const wanted = input.metadata.resourceVersion;
    if (wanted !== undefined && wanted !== '' && wanted !== current.metadata.resourceVersion) {
      throw new ApiError(conflict(storage, name));
    }
    const incoming = structuredClone(input);
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = { ...structuredClone(current), status: incoming.status };
      if (incoming.status === undefined) delete next.status;
    } else {
      next = { ...incoming, metadata: { ...incoming.metadata } };
      if (storage.statusSubresource) {
        if (current.status === undefined) delete next.status;
        else next.status = current.status;
      }
      // Identity and bookkeeping belong to the server.
      const { uid, creationTimestamp, generation, managedFields } = current.metadata;
      Object.assign(next.metadata, { uid, creationTimestamp, generation, managedFields });
      next.metadata.namespace = current.metadata.namespace;
    }
    storage.defaults?.(next, this.allocateIp);
    this.validate(storage, next, name);
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (deepEqual(comparable(next), comparable(current))) return current;
    const revision = options.dryRun ? this.revision : this.revision + 1;
    const meta: ObjectMeta = { ...next.metadata, resourceVersion: String(revision) };
    if (storage.generation && !deepEqual(specPart(next), specPart(current))) meta.generation = (current.metadata.generation ?? 0) + 1;
    const manager = options.manager ?? 'unknown';
    const managed = [...((current.metadata.managedFields ?? []) as Record<string, unknown>[])];
    const index = managed.findIndex((e) => e.manager === manager && e.subresource === options.subresource);
    const entry = this.managedEntry(next, manager, options.subresource);
    if (index >= 0) managed[index] = entry;
    else managed.push(entry);
    meta.managedFields = managed;
    const stored: KubeObject = { ...next, metadata: orderMetadata(meta) };
    if (options.dryRun) return stored;
    this.revision = revision;
    this.bucket(storage).set(key(current.metadata.namespace, name), stored);
    this.emit({ type: 'MODIFIED', storage, object: stored, previous: current, resourceVersion: revision });
    return stored;
  }

  /**
   * Deletes an object at once (no finalizers, no grace period). `expectedResourceVersion` is the
   * DeleteOptions precondition: a mismatch is a 409 Conflict. Returns the object as deleted, with
   * the deletion's resourceVersion (as the DELETED watch event carries it).
   */
  delete(storage: Storage, namespace: string | undefined, name: string, options: { expectedResourceVersion?: string; dryRun?: boolean } = {}): KubeObject {
    const current = this.get(storage, namespace, name);
    if (!current) throw new ApiError(notFound(storage, name));
    if (options.expectedResourceVersion !== undefined && options.expectedResourceVersion !== current.metadata.resourceVersion) {
      throw new ApiError(conflict(storage, name));
    }
    if (options.dryRun) return current;
    this.revision += 1;
    const deleted: KubeObject = { ...current, metadata: { ...current.metadata, resourceVersion: String(this.revision) } };
    this.bucket(storage).delete(key(current.metadata.namespace, name));
    this.emit({ type: 'DELETED', storage, object: deleted, previous: current, resourceVersion: this.revision });
    return deleted;
  }
}
