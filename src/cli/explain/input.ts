import type { EntryOrigin } from '../../core/index.ts';
import type { ClusterView } from '../../core/view.ts';

/** A place in a manifest file: the source's name as given (or `<stdin>`) and a 1-based line. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

/**
 * Where explain reads the routing of a Service from: the cluster (through the live view) or
 * manifest files (through the static view). Only files know positions.
 */
export interface RoutingInput {
  readonly view: ClusterView;
  /** The line of a route's document; undefined for the cluster, or a route not read from a file. */
  routeSource(kind: string, namespace: string, name: string): SourceLine | undefined;
  /** The line of an entry's match (of its rule, for a rule without matches). */
  entrySource(origin: EntryOrigin): SourceLine | undefined;
  /** Releases what the input holds open (the cluster's watches). */
  close(): Promise<void>;
}
