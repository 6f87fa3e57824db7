/**
 * Generates TypeScript types for the Gateway API route kinds the core judges, from the
 * experimental-channel CRDs in ../shared (experimental is a superset of standard, so one set of
 * types covers both channels). Run with `npm run generate:types`; the output is committed.
 *
 * The CRD's openAPIV3Schema is handed to json-schema-to-typescript as is: Kubernetes extensions
 * (`x-kubernetes-*`) are ignored by the generator, and `additionalProperties: false` is set on
 * every object so the types list exactly the fields the CRD declares. `--check` compares instead
 * of writing (the test suite runs it).
 */
import { readFile, writeFile as writeOut, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { parse } from 'yaml';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const crdDir = path.resolve(root, '../shared/gateway-api/v1.6.1/crds/experimental');
const outDir = path.join(root, 'src/gateway/generated');

interface Target {
  readonly crd: string;
  readonly version: string;
  readonly typeName: string;
  readonly file: string;
}

const targets: readonly Target[] = [
  { crd: 'gateway.networking.k8s.io_httproutes.yaml', version: 'v1', typeName: 'HTTPRoute', file: 'httproute-v1.ts' },
  { crd: 'gateway.networking.k8s.io_httproutes.yaml', version: 'v1beta1', typeName: 'HTTPRoute', file: 'httproute-v1beta1.ts' },
  { crd: 'gateway.networking.k8s.io_grpcroutes.yaml', version: 'v1', typeName: 'GRPCRoute', file: 'grpcroute-v1.ts' },
];

/** Closes every object schema and drops the long descriptions' trailing whitespace. */
function close(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(close);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' ? closeProperties(value) : close(value);
  if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

function closeProperties(properties: unknown): unknown {
  if (properties === null || typeof properties !== 'object') return properties;
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, close(value)]));
}

/** The CRD leaves metadata untyped; these are the ObjectMeta fields the webhook reads. */
const objectMeta: JSONSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    namespace: { type: 'string' },
    generation: { type: 'integer' },
    resourceVersion: { type: 'string' },
    creationTimestamp: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  additionalProperties: true,
};

/** `--check`: write nothing; exit 1 naming every committed file that differs from what would be generated. */
const check = process.argv.includes('--check');
const stale: string[] = [];

async function writeFile(file: string, text: string): Promise<void> {
  if (!check) return writeOut(file, text);
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== text) stale.push(path.relative(root, file));
}

/** Schemas already generated, by CRD file and schema text: a served version that repeats one is an alias. */
const generated = new Map<string, Target>();

function banner(target: Target, note: string): string {
  return [
    '/**',
    ` * ${target.typeName} ${target.version}, generated from the Gateway API v1.6.1 experimental CRD`,
    ` * (${target.crd}). Do not edit: run \`npm run generate:types\`.`,
    ` * ${note}`,
    ' */',
  ].join('\n');
}

async function generate(target: Target): Promise<void> {
  const crd = parse(await readFile(path.join(crdDir, target.crd), 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: JSONSchema } }[] };
  };
  const version = crd.spec.versions.find((v) => v.name === target.version);
  if (!version) throw new Error(`${target.crd} has no version ${target.version}`);
  const key = `${target.crd}\n${JSON.stringify(version.schema.openAPIV3Schema)}`;
  const same = generated.get(key);
  if (same) {
    const note = `Its schema is identical to ${same.version}'s, so the type is ${same.version}'s.`;
    await writeFile(path.join(outDir, target.file), `${banner(target, note)}\nexport type { ${target.typeName} } from './${same.file}';\n`);
    return;
  }
  generated.set(key, target);
  const closed = close(version.schema.openAPIV3Schema) as JSONSchema;
  const schema: JSONSchema = {
    ...closed,
    title: target.typeName,
    properties: { ...closed.properties, metadata: objectMeta },
  };
  const body = await compile(schema, target.typeName, {
    bannerComment: banner(target, 'Describes what the API server accepts; objects reaching the core are untrusted all the same.'),
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
    // maxItems would expand bounded arrays into tuples of every length (16 rules x 64 matches).
    maxItems: -1,
  });
  await writeFile(path.join(outDir, target.file), body);
}

await mkdir(outDir, { recursive: true });
for (const target of targets) await generate(target);
if (stale.length > 0) {
  console.error(`stale generated types (run npm run generate:types): ${stale.join(', ')}`);
  process.exitCode = 1;
}
