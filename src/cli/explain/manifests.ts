/**
 * explain's input from manifest files: read, parsed and turned into a static cluster view exactly
 * as lint reads them (lint/sources.ts, lint/documents.ts), and every route kept with its document
 * so that table entries can name the file and line they come from.
 */
import { staticView } from '../../cluster/static-view.ts';
import type { EntryOrigin } from '../../core/index.ts';
import { defaultNamespace, parseSource, type ManifestObject } from '../lint/documents.ts';
import { locate } from '../lint/positions.ts';
import { readSources, type StdinLike } from '../lint/sources.ts';
import type { RoutingInput, SourceLine } from './input.ts';

/**
 * Reads the `-f` operands (files, directories, `-`) into a routing input. Objects that name no
 * namespace get `namespace`. A later object with the same kind, namespace and name replaces an
 * earlier one, in the view and in the positions alike.
 *
 * Throws GAMMA_ERR_LINT_INPUT for an operand that cannot be read and GAMMA_ERR_LINT_YAML for a
 * document that is not valid YAML (with its file, line and column): a table built from part of
 * the manifests would be wrong without saying so.
 */
export async function readManifestInput(operands: readonly string[], namespace: string, cwd: string, stdin: StdinLike): Promise<RoutingInput> {
  const sources = await readSources(operands, cwd, stdin);
  const objects = sources.flatMap((source) => parseSource(source).objects);
  const routes = new Map<string, ManifestObject>();
  for (const manifest of objects) {
    defaultNamespace(manifest.object, namespace);
    const { kind, metadata } = manifest.object as { kind: unknown; metadata: { namespace: string; name?: unknown } };
    if ((kind === 'HTTPRoute' || kind === 'GRPCRoute') && typeof metadata.name === 'string') routes.set(routeKey(kind, metadata.namespace, metadata.name), manifest);
  }
  const place = (manifest: ManifestObject, path: readonly (string | number)[]): SourceLine => ({
    file: manifest.document.source.name,
    line: locate(manifest.document, manifest.base, path).line,
  });
  return {
    view: staticView(objects.map((o) => o.object)),
    routeSource: (kind, ns, name) => {
      const manifest = routes.get(routeKey(kind, ns, name));
      return manifest && place(manifest, []);
    },
    entrySource: ({ route, ruleIndex, matchIndex }: EntryOrigin) => {
      const manifest = routes.get(routeKey(route.kind, route.namespace, route.name));
      const rule = ['spec', 'rules', ruleIndex];
      return manifest && place(manifest, matchIndex === undefined ? rule : [...rule, 'matches', matchIndex]);
    },
    close: () => Promise.resolve(),
  };
}

function routeKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}
