// Copies the policy JSON Schema (src/core/policy-schema.ts) into the chart's values.schema.json under
// properties.policy, so that `helm install` refuses the same policy documents the server does. The
// chart-only `policy.reports` block (server flags, not part of the policy document: the ConfigMap
// template leaves it out) is kept as it is in values.schema.json.
//
//   node scripts/chart-schema.ts          rewrite charts/gamma-webhook/values.schema.json
//   node scripts/chart-schema.ts --check  exit 1, naming the file, when it is out of date
//
// test/chart/schema.test.ts fails while the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { policySchema } from '../src/core/policy-schema.ts';

const file = path.resolve(fileURLToPath(new URL('../charts/gamma-webhook/values.schema.json', import.meta.url)));
const current = readFileSync(file, 'utf8');
const schema = JSON.parse(current) as { properties: Record<string, { properties?: Record<string, unknown> } | undefined> };
const reports = schema.properties.policy?.properties?.reports;
// $id names the standalone document; inside the values schema it would start a new base URI.
const { $id: _id, ...policy } = policySchema;
schema.properties.policy = { ...policy, properties: { ...policy.properties, ...(reports === undefined ? {} : { reports }) } };
const next = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error(`${path.relative(process.cwd(), file)} is out of date: run node scripts/chart-schema.ts`);
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(file, next);
  console.log(`updated ${path.relative(process.cwd(), file)}`);
}
