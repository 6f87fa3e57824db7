import { LineCounter, isMap, isSeq, parseAllDocuments, type Document } from 'yaml';
import { GammaError } from '../../errors.ts';
import type { Source } from './sources.ts';

/** One YAML document of a source, kept with its nodes so that findings can name lines and fixes keep comments. */
export interface ManifestDocument {
  readonly source: Source;
  /** 0-based index of the document in its source. */
  readonly index: number;
  readonly document: Document.Parsed;
  /** Offsets of the whole source to 1-based lines and columns (shared by the source's documents). */
  readonly lineCounter: LineCounter;
}

/** A node path inside a document: map keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** One Kubernetes object found in a document: the document itself, or an item of a `kind: List`. */
export interface ManifestObject {
  readonly document: ManifestDocument;
  /** Where the object sits in the document: `[]`, or `['items', i]` inside a List. */
  readonly base: NodePath;
  /** The object as plain data (aliases resolved); a fresh copy that callers may change. */
  readonly object: Record<string, unknown>;
}

/** The parsed form of a source. */
export interface ParsedSource {
  readonly source: Source;
  readonly documents: readonly ManifestDocument[];
  readonly objects: readonly ManifestObject[];
}

/** Options for the `yaml` parser; the same for the first read and for the re-read after `--fix`. */
const parseOptions = { prettyErrors: true, uniqueKeys: true, keepSourceTokens: false } as const;

/**
 * Parses every document of a source (YAML 1.2, so JSON too) and picks out the Kubernetes objects:
 * mappings with a string `kind`, and the mapping items of a `kind: List` (as `kubectl get -o yaml`
 * prints). Empty documents and anything else (a values file, a scalar) are skipped, not errors.
 *
 * Throws GAMMA_ERR_LINT_YAML naming the source, line and column of the first syntax error of the
 * first broken document (duplicate keys and excessive aliases included).
 */
export function parseSource(source: Source): ParsedSource {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source.text, { ...parseOptions, lineCounter });
  const all = Array.isArray(parsed) ? parsed : [];
  const documents: ManifestDocument[] = [];
  const objects: ManifestObject[] = [];
  all.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
      const what = (error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '');
      throw new GammaError('GAMMA_ERR_LINT_YAML', `${source.name}:${line}:${column}: ${what}`, {
        cause: error,
      });
    }
    const manifest: ManifestDocument = { source, index, document, lineCounter };
    documents.push(manifest);
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      const start = document.contents?.range?.[0] ?? 0;
      const { line, col } = lineCounter.linePos(start);
      throw new GammaError('GAMMA_ERR_LINT_YAML', `${source.name}:${line}:${col}: ${(cause as Error).message}`, { cause });
    }
    if (!isObjectRecord(data) || !isMap(document.contents)) return;
    if (data.kind === 'List' && Array.isArray(data.items) && isSeq(document.get('items'))) {
      data.items.forEach((item: unknown, i: number) => {
        if (isObjectRecord(item) && typeof item.kind === 'string') objects.push({ document: manifest, base: ['items', i], object: item });
      });
    } else if (typeof data.kind === 'string') {
      objects.push({ document: manifest, base: [], object: data });
    }
  });
  return { source, documents, objects };
}

/** True for a plain mapping (not null, not an array). */
export function isObjectRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object's `metadata.namespace`, or undefined when it names none. */
export function namespaceOf(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  return isObjectRecord(metadata) && typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
}

/** Namespaced objects without a namespace land in the default one, as `kubectl apply` would put them. */
export function defaultNamespace(object: Record<string, unknown>, namespace: string): Record<string, unknown> {
  if (object.kind === 'Namespace' || namespaceOf(object) !== undefined) return object;
  const metadata = isObjectRecord(object.metadata) ? object.metadata : {};
  object.metadata = { ...metadata, namespace };
  return object;
}
