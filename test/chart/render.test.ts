import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  chartDir, ciValues, find, fullname, helmBin, kinds, lint, namespace, notes, render, renderError,
  type K8sObject, type ValuesInput,
} from './helm.ts';

type Webhook = Record<string, unknown> & {
  name: string;
  clientConfig: { service: Record<string, unknown>; caBundle?: string };
};
type Container = Record<string, unknown> & {
  env: { name: string; value?: string; valueFrom?: unknown }[];
  ports: { name: string; containerPort: number }[];
  volumeMounts: Record<string, unknown>[];
};
type PodSpec = Record<string, unknown> & {
  containers: Container[];
  volumes: (Record<string, unknown> & { name: string; secret?: { secretName: string } })[];
};

const webhooks = (o: K8sObject): Webhook[] => o.webhooks as Webhook[];
const podSpec = (objects: K8sObject[]): PodSpec =>
  ((find(objects, 'Deployment').spec as { template: { spec: PodSpec } }).template.spec);
const container = (objects: K8sObject[]): Container => podSpec(objects).containers[0] as Container;
const env = (objects: K8sObject[]): Record<string, unknown> =>
  Object.fromEntries(container(objects).env.map((e) => [e.name, e.value ?? e.valueFrom]));
const tlsSecretName = (objects: K8sObject[]): unknown =>
  podSpec(objects).volumes.find((v) => v.name === 'tls')?.secret?.secretName;

const modes: [string, ValuesInput][] = [
  ['default (generated certificates)', {}],
  ['cert-manager with the chart CA', { files: [ciValues.certManager] }],
  ['cert-manager with a ClusterIssuer', { files: [ciValues.certManagerIssuer] }],
  ['existing Secret', { files: [ciValues.existingSecret] }],
  ['strict policy example', { files: [ciValues.strictPolicy] }],
  ['monitoring: ServiceMonitor, PrometheusRule and dashboard', { files: [ciValues.monitoring] }],
];

const standardLabels = [
  'app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/version',
  'app.kubernetes.io/component', 'app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by', 'helm.sh/chart',
];
const clusterScoped = new Set(['ClusterRole', 'ClusterRoleBinding', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);

describe.skipIf(!helmBin)('chart: lint and render in every mode', () => {
  it.each(modes)('helm lint --strict is clean: %s', (_, values) => {
    const run = lint(values);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 chart(s) failed');
    expect(run.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
  });

  it.each(modes)('every object carries the standard labels and its namespace: %s', (_, values) => {
    const objects = render(values);
    expect(objects.length).toBeGreaterThan(8);
    for (const o of objects) {
      for (const label of standardLabels) expect(o.metadata.labels, `${o.kind} ${label}`).toHaveProperty([label]);
      expect(o.metadata.labels?.['app.kubernetes.io/instance']).toBe('gw');
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(clusterScoped.has(o.kind) ? undefined : namespace);
    }
  });

  it('renders exactly the expected objects for the defaults', () => {
    expect(kinds(render())).toEqual([
      `ClusterRole/${fullname}`, `ClusterRoleBinding/${fullname}`, `ConfigMap/${fullname}-policy`,
      `Deployment/${fullname}`, `MutatingWebhookConfiguration/${fullname}`, `PodDisruptionBudget/${fullname}`,
      `Role/${fullname}`, `RoleBinding/${fullname}`, `Secret/${fullname}-tls`, `Service/${fullname}`,
      `ServiceAccount/${fullname}`, `ValidatingWebhookConfiguration/${fullname}`,
    ]);
  });
});

describe.skipIf(!helmBin)('chart: webhook configurations', () => {
  const objects = helmBin ? render() : [];

  const common = {
    admissionReviewVersions: ['v1'],
    rules: [{
      apiGroups: ['gateway.networking.k8s.io'],
      apiVersions: ['v1'],
      operations: ['CREATE', 'UPDATE'],
      resources: ['httproutes', 'grpcroutes'],
      scope: 'Namespaced',
    }],
    matchPolicy: 'Equivalent',
    sideEffects: 'None',
    timeoutSeconds: 5,
    namespaceSelector: {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [namespace, 'kube-system'] }],
    },
    matchConditions: [{
      name: 'has-service-parent',
      expression: "has(object.spec) && has(object.spec.parentRefs) && object.spec.parentRefs.exists(p, has(p.kind) && p.kind == 'Service')",
    }],
  };

  it('mutating: /mutate, fail open, never reinvoked', () => {
    const [hook, ...rest] = webhooks(find(objects, 'MutatingWebhookConfiguration'));
    expect(rest).toEqual([]);
    const { clientConfig, ...fields } = hook as Webhook;
    expect(fields).toEqual({ ...common, name: 'mutate.routes.gamma-webhook.io', failurePolicy: 'Ignore', reinvocationPolicy: 'Never' });
    expect(clientConfig.service).toEqual({ name: fullname, namespace, path: '/mutate', port: 443 });
  });

  it('validating: /validate, fail closed by default', () => {
    const [hook, ...rest] = webhooks(find(objects, 'ValidatingWebhookConfiguration'));
    expect(rest).toEqual([]);
    const { clientConfig, ...fields } = hook as Webhook;
    expect(fields).toEqual({ ...common, name: 'validate.routes.gamma-webhook.io', failurePolicy: 'Fail' });
    expect(clientConfig.service).toEqual({ name: fullname, namespace, path: '/validate', port: 443 });
  });

  it('the match condition keys on kind only, so a defaulted group still reaches MR101', () => {
    const expression = common.matchConditions[0]?.expression ?? '';
    expect(expression).not.toMatch(/group/);
    // Every optional field is guarded before it is read.
    expect(expression.indexOf('has(object.spec)')).toBeLessThan(expression.indexOf('object.spec.parentRefs.exists'));
    expect(expression).toContain('has(p.kind) && p.kind');
  });

  it('failure policies, timeout and excluded namespaces come from values', () => {
    const custom = render({
      json: {
        'webhook.mutating.failurePolicy': 'Fail',
        'webhook.validating.failurePolicy': 'Ignore',
        'webhook.timeoutSeconds': 2,
        'webhook.excludedNamespaces': ['istio-system', 'kube-system'],
        'server.watchNamespaces': ['shop'],
      },
    });
    const mutating = webhooks(find(custom, 'MutatingWebhookConfiguration'))[0] as Webhook;
    const validating = webhooks(find(custom, 'ValidatingWebhookConfiguration'))[0] as Webhook;
    expect([mutating.failurePolicy, validating.failurePolicy]).toEqual(['Fail', 'Ignore']);
    expect([mutating.timeoutSeconds, validating.timeoutSeconds]).toEqual([2, 2]);
    for (const hook of [mutating, validating]) {
      expect(hook.namespaceSelector).toEqual({
        matchExpressions: [
          { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [namespace, 'kube-system', 'istio-system'] },
          { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop'] },
        ],
      });
    }
  });
});

describe.skipIf(!helmBin)('chart: certificates', () => {
  it('generate: a CA and a serving certificate for the Service, caBundle = the CA', () => {
    const objects = render();
    const secret = find(objects, 'Secret', `${fullname}-tls`) as K8sObject & { type: string; data: Record<string, string> };
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(Object.keys(secret.data).sort()).toEqual(['ca.crt', 'tls.crt', 'tls.key']);
    const pem = (key: string) => Buffer.from(secret.data[key] ?? '', 'base64').toString('utf8');
    const ca = new X509Certificate(pem('ca.crt'));
    const serving = new X509Certificate(pem('tls.crt'));
    expect(ca.ca).toBe(true);
    expect(serving.ca).toBe(false);
    expect(serving.verify(ca.publicKey)).toBe(true);
    expect(serving.checkPrivateKey(createPrivateKey(pem('tls.key')))).toBe(true);
    const names = [fullname, `${fullname}.${namespace}`, `${fullname}.${namespace}.svc`, `${fullname}.${namespace}.svc.cluster.local`];
    expect(serving.subjectAltName?.split(', ').sort()).toEqual(names.map((n) => `DNS:${n}`).sort());
    expect(serving.checkHost(`${fullname}.${namespace}.svc`)).toBe(`${fullname}.${namespace}.svc`);
    const days = (Date.parse(serving.validTo) - Date.parse(serving.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(3650);
    expect(secret.metadata.annotations?.['gamma-webhook.io/issued-for']).toBe(names.join(','));
    for (const kind of ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']) {
      expect(webhooks(find(objects, kind))[0]?.clientConfig.caBundle).toBe(secret.data['ca.crt']);
      expect(find(objects, kind).metadata.annotations).toBeUndefined();
    }
    expect(tlsSecretName(objects)).toBe(`${fullname}-tls`);
  });

  it('generate: without a previous Secret each render issues a new CA (the lookup finds nothing)', () => {
    const ca = (objects: K8sObject[]) => (find(objects, 'Secret') as K8sObject & { data: Record<string, string> }).data['ca.crt'];
    expect(ca(render())).not.toBe(ca(render()));
  });

  it('generate: validityDays sets the lifetime', () => {
    const secret = find(render({ json: { 'certificates.generate.validityDays': 30 } }), 'Secret') as K8sObject & { data: Record<string, string> };
    const cert = new X509Certificate(Buffer.from(secret.data['tls.crt'] ?? '', 'base64'));
    expect(Math.round((Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000)).toBe(30);
  });

  it('certManager: self-signed Issuer -> CA Certificate -> CA Issuer -> serving Certificate, CA injected', () => {
    const objects = render({ files: [ciValues.certManager] });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const selfSigned = find(objects, 'Issuer', `${fullname}-selfsigned`);
    expect(selfSigned.spec).toEqual({ selfSigned: {} });
    const caCert = find(objects, 'Certificate', `${fullname}-ca`).spec as Record<string, unknown>;
    expect(caCert).toMatchObject({ isCA: true, secretName: `${fullname}-ca`, issuerRef: { name: `${fullname}-selfsigned`, kind: 'Issuer', group: 'cert-manager.io' } });
    expect(find(objects, 'Issuer', `${fullname}-ca`).spec).toEqual({ ca: { secretName: `${fullname}-ca` } });
    const serving = find(objects, 'Certificate', `${fullname}-serving`).spec as Record<string, unknown>;
    expect(serving).toMatchObject({
      secretName: `${fullname}-tls`,
      dnsNames: [fullname, `${fullname}.${namespace}`, `${fullname}.${namespace}.svc`, `${fullname}.${namespace}.svc.cluster.local`],
      duration: '2160h',
      renewBefore: '360h',
      usages: ['server auth', 'digital signature'],
      issuerRef: { name: `${fullname}-ca`, kind: 'Issuer', group: 'cert-manager.io' },
    });
    expect(tlsSecretName(objects)).toBe(`${fullname}-tls`);
    for (const kind of ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']) {
      const config = find(objects, kind);
      expect(config.metadata.annotations).toEqual({ 'cert-manager.io/inject-ca-from': `${namespace}/${fullname}-serving` });
      expect(webhooks(config)[0]?.clientConfig).not.toHaveProperty('caBundle');
    }
  });

  it('certManager with an issuerRef: only the serving Certificate, from that issuer', () => {
    const objects = render({ files: [ciValues.certManagerIssuer] });
    expect(objects.filter((o) => o.kind === 'Issuer')).toEqual([]);
    const certificates = objects.filter((o) => o.kind === 'Certificate');
    expect(certificates.map((c) => c.metadata.name)).toEqual([`${fullname}-serving`]);
    expect(certificates[0]?.spec).toMatchObject({
      issuerRef: { name: 'internal-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      duration: '720h',
      renewBefore: '240h',
    });
  });

  it('existingSecret: no Secret rendered, the named Secret mounted, caBundle from values', () => {
    const objects = render({ files: [ciValues.existingSecret] });
    const values = parse(readFileSync(ciValues.existingSecret, 'utf8')) as { certificates: { existingSecret: { name: string; caBundle: string } } };
    expect(objects.filter((o) => o.kind === 'Secret' || o.kind === 'Certificate')).toEqual([]);
    expect(tlsSecretName(objects)).toBe(values.certificates.existingSecret.name);
    for (const kind of ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']) {
      expect(webhooks(find(objects, kind))[0]?.clientConfig.caBundle).toBe(values.certificates.existingSecret.caBundle);
    }
  });
});

describe.skipIf(!helmBin)('chart: RBAC, exactly', () => {
  const objects = helmBin ? render() : [];

  it('ClusterRole: reads for the caches, writes only to route status', () => {
    expect(find(objects, 'ClusterRole').rules).toEqual([
      { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['gateway.networking.k8s.io'], resources: ['httproutes', 'grpcroutes', 'referencegrants'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['multicluster.x-k8s.io'], resources: ['serviceimports'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['gateway.networking.k8s.io'], resources: ['httproutes/status', 'grpcroutes/status'], verbs: ['update', 'patch'] },
    ]);
  });

  it('ClusterRole with policy.reports.enabled: policyreports, and nothing else more; lint is clean', () => {
    const enabled = { json: { 'policy.reports.enabled': true } };
    const run = lint(enabled);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    const rules = find(render(enabled), 'ClusterRole').rules as unknown[];
    expect(rules.slice(0, -1)).toEqual(find(objects, 'ClusterRole').rules);
    expect(rules.at(-1)).toEqual({ apiGroups: ['wgpolicyk8s.io'], resources: ['policyreports'], verbs: ['get', 'list', 'create', 'update', 'delete'] });
  });

  it('Role: the Lease, the policy ConfigMap by name, Events; in the release namespace', () => {
    const role = find(objects, 'Role');
    expect(role.metadata.namespace).toBe(namespace);
    expect(role.rules).toEqual([
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: [`${fullname}-status`], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: [`${fullname}-policy`], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['create', 'patch'] },
    ]);
  });

  it('no wildcard and no Secret anywhere, in any mode', () => {
    for (const [, values] of modes) {
      for (const o of render(values).filter((r) => r.kind === 'Role' || r.kind === 'ClusterRole')) {
        const flat = JSON.stringify(o.rules);
        expect(flat).not.toContain('*');
        expect(flat).not.toMatch(/secrets/i);
      }
    }
  });

  it('the names in the Role are the ones the server is told to use', () => {
    const e = env(objects);
    const role = JSON.stringify(find(objects, 'Role').rules);
    expect(role).toContain(JSON.stringify([e.GAMMA_LEASE_NAME]));
    expect(role).toContain(JSON.stringify([e.GAMMA_POLICY_CONFIGMAP]));
    expect(find(objects, 'ConfigMap').metadata.name).toBe(e.GAMMA_POLICY_CONFIGMAP);
  });

  it('bindings tie the roles to the chart ServiceAccount', () => {
    const sa = find(objects, 'ServiceAccount').metadata.name;
    expect(podSpec(objects).serviceAccountName).toBe(sa);
    for (const [binding, role] of [['ClusterRoleBinding', 'ClusterRole'], ['RoleBinding', 'Role']] as const) {
      const b = find(objects, binding);
      expect(b.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: role, name: fullname });
      expect(b.subjects).toEqual([{ kind: 'ServiceAccount', name: sa, namespace }]);
    }
  });
});

describe.skipIf(!helmBin)('chart: the Deployment', () => {
  const objects = helmBin ? render() : [];
  const spec = helmBin ? podSpec(objects) : ({} as PodSpec);
  const c = helmBin ? container(objects) : ({} as Container);

  it('two replicas, surge-only rollouts', () => {
    const deployment = find(objects, 'Deployment').spec as Record<string, unknown>;
    expect(deployment.replicas).toBe(2);
    expect(deployment.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(deployment.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'gamma-webhook', 'app.kubernetes.io/instance': 'gw' } });
  });

  it('probes: /readyz and /healthz over HTTPS on the admission port', () => {
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 'https', scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
    expect(c.ports).toEqual([
      { name: 'https', containerPort: 8443, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
  });

  it('restricted security context', () => {
    expect(spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] },
    });
  });

  it('the server configuration contract, through environment variables', () => {
    expect(env(objects)).toEqual({
      GAMMA_HOST: '0.0.0.0',
      GAMMA_PORT: '8443',
      GAMMA_TLS_CERT: '/etc/gamma-webhook/tls/tls.crt',
      GAMMA_TLS_KEY: '/etc/gamma-webhook/tls/tls.key',
      GAMMA_SERVICE_NAME: fullname,
      GAMMA_NAMESPACE: { fieldRef: { fieldPath: 'metadata.namespace' } },
      GAMMA_POD_NAME: { fieldRef: { fieldPath: 'metadata.name' } },
      GAMMA_LOG_LEVEL: 'info',
      GAMMA_METRICS_PORT: '9090',
      GAMMA_DRAIN_DELAY_SECONDS: '5',
      GAMMA_SHUTDOWN_TIMEOUT_SECONDS: '20',
      GAMMA_BODY_LIMIT: '3145728',
      GAMMA_MAX_WARNINGS: '10',
      GAMMA_WATCH_NAMESPACES: '',
      GAMMA_POLICY_CONFIGMAP: `${fullname}-policy`,
      GAMMA_LEASE_NAME: `${fullname}-status`,
      GAMMA_POLICY_REPORTS: 'false',
    });
    expect(find(objects, 'Service').metadata.name).toBe(env(objects).GAMMA_SERVICE_NAME);
  });

  it('policy.reports reaches the server: on, the report is named after the release, with its bound', () => {
    const enabled = render({ json: { 'policy.reports.enabled': true, 'policy.reports.maxResults': 200 } });
    expect(env(enabled)).toMatchObject({
      GAMMA_POLICY_REPORTS: 'true',
      GAMMA_POLICY_REPORT_NAME: fullname,
      GAMMA_POLICY_REPORT_MAX_RESULTS: '200',
    });
  });

  it('the TLS Secret is mounted as a directory (never subPath) so renewals reach the server', () => {
    expect(c.volumeMounts).toEqual([
      { name: 'tls', mountPath: '/etc/gamma-webhook/tls', readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ]);
    expect(spec.volumes).toEqual([
      { name: 'tls', secret: { secretName: `${fullname}-tls`, defaultMode: 0o440 } },
      { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } },
    ]);
  });

  it('drain: preStop sleeps the drain delay; the grace period covers sleep + drain + shutdown', () => {
    expect(c.lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
    expect(spec.terminationGracePeriodSeconds).toBe(35);
    const longer = render({ json: { 'server.drainDelaySeconds': 10, 'server.shutdownTimeoutSeconds': 30 } });
    expect(container(longer).lifecycle).toEqual({ preStop: { sleep: { seconds: 10 } } });
    expect(podSpec(longer).terminationGracePeriodSeconds).toBe(55);
    expect(container(render({ json: { 'server.drainDelaySeconds': 0 } }))).not.toHaveProperty('lifecycle');
  });

  it('an explicit grace period that cannot cover the drain is refused', () => {
    expect(renderError({ json: { terminationGracePeriodSeconds: 30 } })).toMatch(/terminationGracePeriodSeconds \(30\) must exceed .*\(30\)/);
    expect(podSpec(render({ json: { terminationGracePeriodSeconds: 31 } })).terminationGracePeriodSeconds).toBe(31);
  });

  it('topology spread across nodes and zones, on this release\'s pods', () => {
    const selector = { matchLabels: { 'app.kubernetes.io/name': 'gamma-webhook', 'app.kubernetes.io/instance': 'gw' } };
    expect(spec.topologySpreadConstraints).toEqual([
      { labelSelector: selector, matchLabelKeys: ['pod-template-hash'], maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
      { labelSelector: selector, matchLabelKeys: ['pod-template-hash'], maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
    ]);
  });

  it('resources and image', () => {
    expect(c.resources).toEqual({ requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '384Mi' } });
    const chart = parse(readFileSync(`${chartDir}/Chart.yaml`, 'utf8')) as { appVersion: string };
    expect(c.image).toBe(`ghcr.io/gamma-webhook/gamma-webhook:${chart.appVersion}`);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
  });

  it('PodDisruptionBudget: one pod at a time, broken pods evictable', () => {
    expect(find(objects, 'PodDisruptionBudget').spec).toEqual({
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      selector: { matchLabels: { 'app.kubernetes.io/name': 'gamma-webhook', 'app.kubernetes.io/instance': 'gw' } },
    });
    expect(render({ json: { 'podDisruptionBudget.enabled': false } }).filter((o) => o.kind === 'PodDisruptionBudget')).toEqual([]);
  });

  it('Service: 443 to the https port, metrics beside it', () => {
    expect(find(objects, 'Service').spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'gamma-webhook', 'app.kubernetes.io/instance': 'gw' },
      ports: [
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
        { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
      ],
    });
  });

  it('metrics.port equal to server.port is refused', () => {
    expect(renderError({ json: { 'metrics.port': 8443 } })).toMatch(/metrics\.port must differ from server\.port/);
  });
});

describe.skipIf(!helmBin)('chart: the strict-policy example', () => {
  const objects = helmBin ? render({ files: [ciValues.strictPolicy] }) : [];
  const values = parse(readFileSync(ciValues.strictPolicy, 'utf8')) as {
    policy: unknown;
    image: { digest: string };
    nodeSelector: unknown;
    tolerations: unknown;
    affinity: unknown;
  };

  it('the policy ConfigMap holds exactly the example policy', () => {
    const data = find(objects, 'ConfigMap').data as Record<string, string>;
    expect(Object.keys(data)).toEqual(['policy.yaml']);
    expect(parse(data['policy.yaml'] ?? '')).toEqual(values.policy);
  });

  it('pod scheduling and identity settings reach the pod', () => {
    const spec = podSpec(objects);
    expect((find(objects, 'Deployment').spec as { replicas: number }).replicas).toBe(3);
    expect(container(objects).image).toBe(`ghcr.io/gamma-webhook/gamma-webhook@${values.image.digest}`);
    expect(container(objects).imagePullPolicy).toBe('Always');
    expect(spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(spec.priorityClassName).toBe('platform-critical');
    expect(spec.nodeSelector).toEqual(values.nodeSelector);
    expect(spec.tolerations).toEqual(values.tolerations);
    expect(spec.affinity).toEqual(values.affinity);
    expect(spec.terminationGracePeriodSeconds).toBe(60);
    const template = (find(objects, 'Deployment').spec as { template: { metadata: K8sObject['metadata'] } }).template.metadata;
    expect(template.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(template.labels).toMatchObject({ team: 'platform', 'cost-center': 'mesh' });
    for (const o of objects) expect(o.metadata.labels?.['cost-center']).toBe('mesh');
    expect(spec.topologySpreadConstraints).toEqual([expect.objectContaining({ topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' })]);
  });

  it('watched namespaces, metrics on the admission port, extra env last', () => {
    const e = container(objects).env;
    expect(env(objects)).toMatchObject({ GAMMA_WATCH_NAMESPACES: 'shop,payments', GAMMA_METRICS_PORT: '0', GAMMA_LOG_LEVEL: 'warn' });
    expect(e.at(-1)).toEqual({ name: 'NODE_OPTIONS', value: '--max-old-space-size=256' });
    expect(container(objects).ports).toEqual([{ name: 'https', containerPort: 8443, protocol: 'TCP' }]);
    expect((find(objects, 'Service').spec as { ports: unknown[] }).ports).toEqual([{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }]);
  });
});

describe.skipIf(!helmBin)('chart: NOTES', () => {
  it('tells how to check the installation with a warning and a denial', () => {
    const text = notes();
    expect(text).toContain(`kubectl -n ${namespace} rollout status deployment/${fullname}`);
    expect(text.match(/kubectl apply --dry-run=server -f -/g)).toHaveLength(2);
    expect(text).toContain('MR108');
    expect(text).toContain('denied the request: MR301');
    expect(text).toContain('High availability');
    expect(text).not.toContain('WARNING');
  });

  it('warns when one replica meets a validating failurePolicy of Fail', () => {
    expect(notes({ json: { replicaCount: 1 } })).toMatch(/WARNING: replicaCount is 1 and webhook\.validating\.failurePolicy is Fail/);
    expect(notes({ json: { replicaCount: 1, 'webhook.validating.failurePolicy': 'Ignore' } })).not.toContain('WARNING');
  });

  it('checks in a watched namespace when the server watches only some', () => {
    const text = notes({ files: [ciValues.strictPolicy] });
    expect(text).toContain('namespace: shop}');
    expect(text).not.toContain('kubectl create namespace');
  });
});
