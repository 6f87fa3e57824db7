import { PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { describe, expect, it } from 'vitest';
import { MutatingWebhookConfiguration, ValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { ciValues, helmBin, render, type K8sObject, type ValuesInput } from './helm.ts';

/** The Kubernetes model (with its OpenAPI schema) for each kind the chart renders. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration': MutatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration': ValidatingWebhookConfiguration,
  'apps/v1 Deployment': Deployment,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/v1 ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': ClusterRoleBinding,
  'rbac.authorization.k8s.io/v1 Role': Role,
  'rbac.authorization.k8s.io/v1 RoleBinding': RoleBinding,
  'v1 ConfigMap': ConfigMap,
  'v1 Secret': Secret,
  'v1 Service': Service,
  'v1 ServiceAccount': ServiceAccount,
  // prometheus-operator's CRDs, as its models package carries them.
  'monitoring.coreos.com/v1 PrometheusRule': PrometheusRule,
  'monitoring.coreos.com/v1 ServiceMonitor': ServiceMonitor,
};
/** cert-manager's kinds are not Kubernetes core; render.test.ts asserts their fields. */
const foreign = new Set(['cert-manager.io/v1 Issuer', 'cert-manager.io/v1 Certificate']);

const modes: [string, ValuesInput][] = [
  ['defaults', {}],
  ...Object.entries(ciValues).map(([name, file]): [string, ValuesInput] => [name, { files: [file] }]),
];

function validate(o: K8sObject): void {
  const model = models[`${o.apiVersion} ${o.kind}`];
  if (!model) throw new Error(`no Kubernetes schema for ${o.apiVersion} ${o.kind}`);
  new model(o as never).validate();
}

describe.skipIf(!helmBin)('rendered objects against the Kubernetes OpenAPI schemas (kubernetes-models)', () => {
  it.each(modes)('%s', (_, values) => {
    const objects = render(values);
    const checked = objects.filter((o) => !foreign.has(`${o.apiVersion} ${o.kind}`));
    expect(checked.length).toBeGreaterThanOrEqual(11);
    for (const o of checked) expect(() => validate(o), `${o.kind}/${o.metadata.name}`).not.toThrow();
  });

  it('the check can fail: a broken Deployment and an unknown kind are refused', () => {
    const deployment = render().find((o) => o.kind === 'Deployment') as K8sObject & { spec: { replicas: unknown } };
    expect(() => validate({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } })).toThrow(/replicas/);
    expect(() => validate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toThrow(/no Kubernetes schema/);
  });
});
