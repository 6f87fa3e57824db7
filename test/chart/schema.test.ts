import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument, type Node } from 'yaml';
import { defaultPolicy } from '../../src/policy/defaults.ts';
import { policySchema } from '../../src/core/policy-schema.ts';
import { chartDir, ciValues, find, fullname, helmBin, render, renderError, type ValuesInput } from './helm.ts';

type Schema = Record<string, unknown>;
const valuesSchema = JSON.parse(readFileSync(path.join(chartDir, 'values.schema.json'), 'utf8')) as Schema & { properties: Record<string, Schema> };
const valuesText = readFileSync(path.join(chartDir, 'values.yaml'), 'utf8');
const values = parse(valuesText) as Record<string, unknown>;

describe('values.schema.json and values.yaml', () => {
  it('the policy part is src/core/policy-schema.ts, word for word, besides the chart-only reports block', () => {
    const { $id: _id, ...expected } = policySchema;
    const { properties, ...rest } = valuesSchema.properties.policy as Schema & { properties: Record<string, Schema> };
    const { reports, ...documentProperties } = properties;
    // On a difference, `node scripts/chart-schema.ts` copies the schema into the chart.
    expect({ ...rest, properties: documentProperties }).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(reports?.properties).toEqual({
      enabled: expect.objectContaining({ type: 'boolean' }),
      maxResults: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 1000 }),
    });
  });

  it('the policy defaults in values.yaml are src/policy/defaults.ts, and reports are off', () => {
    const { reports, ...document } = values.policy as Record<string, unknown>;
    expect(document).toEqual(defaultPolicy);
    expect(reports).toEqual({ enabled: false, maxResults: 500 });
  });

  it('values.yaml is valid against values.schema.json (checked without Helm too)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(valuesSchema);
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    for (const file of Object.values(ciValues)) {
      const merged = { ...values, ...(parse(readFileSync(file, 'utf8')) as object) };
      expect(validate(merged), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('every object with named properties refuses unknown keys; maps type their values', () => {
    // Kubernetes types passed through to the pod spec as they are.
    const passThrough = new Set([
      '/properties/affinity/properties/nodeAffinity',
      '/properties/affinity/properties/podAffinity',
      '/properties/affinity/properties/podAntiAffinity',
      '/properties/extraEnv/items/properties/valueFrom',
    ]);
    const open: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Schema;
      const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
      if (isObject && !passThrough.has(at)) {
        if (schema.properties !== undefined && schema.additionalProperties !== false) open.push(at);
        if (schema.properties === undefined && typeof schema.additionalProperties !== 'object') open.push(at);
      }
      for (const [key, child] of Object.entries(schema)) walk(child, `${at}/${key}`);
    };
    walk(valuesSchema, '');
    expect(open).toEqual([]);
  });

  it('every value in values.yaml has a comment (its own, or its section\'s)', () => {
    const undocumented: string[] = [];
    const walk = (node: Node | null, at: string[], documented: boolean): void => {
      if (!isMap(node)) return;
      node.items.forEach((pair, i) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const own = Boolean((pair.key as Node).commentBefore) || (i === 0 && Boolean(node.commentBefore));
        const value = pair.value as Node | null;
        const leaf = !isMap(value) || value.items.length === 0;
        if (leaf && !own && !documented) undocumented.push([...at, key].join('.'));
        walk(value, [...at, key], documented || own);
      });
    };
    const doc = parseDocument(valuesText);
    walk(doc.contents, [], false);
    expect(undocumented).toEqual([]);
    expect(doc.errors).toEqual([]);
  });

  it('the chart\'s appVersion is the package version', () => {
    const chart = parse(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as { appVersion: string; kubeVersion: string };
    const pkg = JSON.parse(readFileSync(path.join(chartDir, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(chart.appVersion).toBe(pkg.version);
    expect(chart.kubeVersion).toBe('>=1.30.0-0');
  });
});

describe.skipIf(!helmBin)('values.schema.json rejects wrong values (helm template fails)', () => {
  const wrong: [string, ValuesInput['json'], string][] = [
    ['replicaCount as a string', { replicaCount: '2' }, '/replicaCount'],
    ['no replicas', { replicaCount: 0 }, '/replicaCount'],
    ['an unknown top-level key', { replicas: 2 }, 'replicas'],
    ['an unknown nested key', { 'image.tagg': 'v1' }, '/image'],
    ['a digest that is not sha256', { 'image.digest': 'latest' }, '/image/digest'],
    ['an unknown pull policy', { 'image.pullPolicy': 'Sometimes' }, '/image/pullPolicy'],
    ['a timeout over 30 s', { 'webhook.timeoutSeconds': 31 }, '/webhook/timeoutSeconds'],
    ['a failure policy in lower case', { 'webhook.mutating.failurePolicy': 'ignore' }, '/webhook/mutating/failurePolicy'],
    ['an unknown certificate mode', { 'certificates.mode': 'selfSigned' }, '/certificates/mode'],
    ['existingSecret without its name and CA', { 'certificates.mode': 'existingSecret' }, '/certificates/existingSecret'],
    ['a caBundle that is not base64', { 'certificates.existingSecret.caBundle': 'not base64!' }, '/certificates/existingSecret/caBundle'],
    ['a cert-manager issuerRef without a name', { 'certificates.mode': 'certManager', 'certificates.certManager.issuerRef': { kind: 'ClusterIssuer' } }, '/certificates/certManager/issuerRef'],
    ['a cert-manager duration in days', { 'certificates.certManager.duration': '90d' }, '/certificates/certManager/duration'],
    ['a port out of range', { 'server.port': 70000 }, '/server/port'],
    ['an unknown log level', { 'server.logLevel': 'verbose' }, '/server/logLevel'],
    ['watched namespaces as a comma string', { 'server.watchNamespaces': 'shop,payments' }, '/server/watchNamespaces'],
    ['a negative metrics port', { 'metrics.port': -1 }, '/metrics/port'],
    ['an unknown policy mode', { 'policy.mode': 'block' }, '/policy/mode'],
    ['a policy typo', { 'policy.stirct': true }, '/policy'],
    ['a rule id that does not exist', { 'policy.rules': { XY101: { action: 'deny' } } }, "invalid propertyName 'XY101'"],
    ['a rule action read as a YAML 1.1 boolean (bare off)', { 'policy.rules': { MR310: { action: false } } }, '/policy/rules/MR310/action'],
    ['a controllerName without a domain path', { 'policy.status.controllerName': 'mesh-route-status' }, '/policy/status/controllerName'],
    ['reports enabled as a string', { 'policy.reports.enabled': 'true' }, '/policy/reports/enabled'],
    ['a report bound over 1000', { 'policy.reports.maxResults': 5000 }, '/policy/reports/maxResults'],
    ['a reports typo', { 'policy.reports.enable': true }, '/policy/reports'],
    ['a zero maxUnavailable', { 'podDisruptionBudget.maxUnavailable': 0 }, '/podDisruptionBudget/maxUnavailable'],
    ['an unknown whenUnsatisfiable', { topologySpreadConstraints: [{ topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'Never' }] }, '/topologySpreadConstraints/0/whenUnsatisfiable'],
    ['an env value that is a number', { extraEnv: [{ name: 'X', value: 1 }] }, '/extraEnv/0/value'],
    ['privileged as a string', { 'securityContext.privileged': 'false' }, '/securityContext/privileged'],
    ['a memory limit that is no quantity', { 'resources.limits.memory': 'lots' }, '/resources/limits/memory'],
    ['a toleration with an unknown effect', { tolerations: [{ key: 'a', effect: 'Sometimes' }] }, '/tolerations/0/effect'],
    ['a grace period as a string', { terminationGracePeriodSeconds: '35' }, '/terminationGracePeriodSeconds'],
  ];

  it.each(wrong)('%s', (_, json, pointer) => {
    const stderr = renderError({ json });
    expect(stderr).toContain("values don't meet the specifications of the schema");
    expect(stderr).toContain(pointer);
  });

  it('each wrong value is wrong alone: the defaults render', () => {
    expect(renderError()).toBe('');
  });
});

describe.skipIf(!helmBin)('the rendered policy ConfigMap', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validatePolicy = ajv.compile(policySchema);
  const modes: [string, ValuesInput][] = [
    ['defaults', {}],
    ...Object.entries(ciValues).map(([name, file]): [string, ValuesInput] => [name, { files: [file] }]),
  ];

  it.each(modes)('policy.yaml is valid against policySchema: %s', (_, input) => {
    const data = find(render(input), 'ConfigMap', `${fullname}-policy`).data as Record<string, string>;
    const policy: unknown = parse(data['policy.yaml'] ?? '');
    expect(validatePolicy(policy), JSON.stringify(validatePolicy.errors)).toBe(true);
  });

  it('the default ConfigMap is exactly the built-in policy', () => {
    const data = find(render(), 'ConfigMap').data as Record<string, string>;
    expect(parse(data['policy.yaml'] ?? '')).toEqual(defaultPolicy);
  });

  it('policy.reports, a server setting, stays out of the document', () => {
    const data = find(render({ json: { 'policy.reports.enabled': true } }), 'ConfigMap').data as Record<string, string>;
    expect(parse(data['policy.yaml'] ?? '')).toEqual(defaultPolicy);
  });

  it('a partial override keeps the other defaults (Helm merges maps)', () => {
    const data = find(render({ json: { 'policy.rules': { MR108: { action: 'deny' } }, 'policy.mutations.defaultBackendPort': false } }), 'ConfigMap').data as Record<string, string>;
    expect(parse(data['policy.yaml'] ?? '')).toEqual({
      ...defaultPolicy,
      rules: { MR108: { action: 'deny' } },
      mutations: { ...defaultPolicy.mutations, defaultBackendPort: false },
    });
  });
});

describe('README: the values table', () => {
  const doc = readFileSync(path.join(chartDir, '..', '..', 'README.md'), 'utf8');
  const table = doc.slice(doc.indexOf('### Values'), doc.indexOf('\n### ', doc.indexOf('### Values') + 1));
  const rows = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? '');
  const leaves: string[] = [];
  const walk = (node: unknown, at: string[]): void => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0) {
      for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
    } else leaves.push(at.join('.'));
  };
  walk(values, []);

  it('documents every value in values.yaml', () => {
    const missing = leaves.filter((leaf) => !rows.some((row) => leaf === row || leaf.startsWith(`${row}.`)));
    expect(missing).toEqual([]);
  });

  it('documents no value that values.yaml lacks', () => {
    const has = (key: string) => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], values) !== undefined;
    expect(rows.filter((row) => !has(row))).toEqual([]);
    expect(rows.length).toBeGreaterThan(50);
  });
});
