/**
 * The webhook as users run it, against the real API server of test/support/envtest.ts:
 * `gamma-webhook serve --cluster live` as a child process (live view, status reconciler, policy
 * ConfigMap), registered with the chart's own webhook configurations, pointed at
 * `https://127.0.0.1:PORT` with the development CA, and scoped to the namespaces this webhook
 * makes (a label only they carry).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { parsePolicy } from '../../../src/policy/parse.ts';
import { helm, templateArgs } from '../../chart/helm.ts';
import type { Envtest } from '../../support/envtest.ts';
import { eventually, startServeProcess, type ServeProcess } from '../../support/serve-process.ts';
import { recordingClient, type RecordingClient } from './client.ts';

/** The label that puts a namespace in one webhook registration's scope. */
export const scopeLabel = 'e2e.gamma-webhook.io/scope';

export type FailurePolicy = 'Fail' | 'Ignore';

export interface Registration {
  /** The scope label's value: namespaces labelled with it are sent to these webhooks. */
  readonly scope: string;
  /** Creates a namespace in this registration's scope. */
  namespace(prefix?: string): Promise<string>;
  /** Creates the namespace named `name` in this registration's scope (for manifests that name theirs). */
  namedNamespace(name: string): Promise<void>;
  /** Puts an existing namespace in this registration's scope. */
  adopt(namespace: string): Promise<void>;
  /** Deletes both webhook configurations. */
  remove(): Promise<void>;
}

/**
 * Registers the chart's MutatingWebhookConfiguration and ValidatingWebhookConfiguration (rules,
 * matchPolicy, sideEffects, matchConditions as `helm template` renders them) with
 * `clientConfig.url` at `origin` and `ca` as caBundle, for the namespaces labelled with a fresh scope.
 */
export async function registerWebhooks(
  cluster: Envtest,
  options: { origin: string; ca: string; mutating?: FailurePolicy; validating?: FailurePolicy },
): Promise<Registration> {
  const scope = `s${randomBytes(6).toString('hex')}`;
  const rendered = helm(templateArgs({
    json: {
      'certificates.mode': 'existingSecret',
      'certificates.existingSecret.name': 'unused',
      'certificates.existingSecret.caBundle': Buffer.from(options.ca).toString('base64'),
      'webhook.mutating.failurePolicy': options.mutating ?? 'Fail',
      'webhook.validating.failurePolicy': options.validating ?? 'Fail',
      // A loaded machine answers slower than a pod; the API server's limit is 30 s.
      'webhook.timeoutSeconds': 15,
    },
  }, ['--show-only', 'templates/webhooks.yaml']));
  if (rendered.status !== 0) throw new Error(`helm template failed: ${rendered.stderr}`);
  const configurations = parseAllDocuments(rendered.stdout)
    .map((d) => d.toJS() as (KubernetesObject & { webhooks: Record<string, unknown>[] }) | null)
    .filter((o) => o !== null);
  for (const configuration of configurations) {
    configuration.metadata = { name: `gamma-e2e-${scope}` };
    for (const webhook of configuration.webhooks) {
      const { service, caBundle } = webhook.clientConfig as { service: { path: string }; caBundle: string };
      webhook.clientConfig = { url: `${options.origin}${service.path}`, caBundle };
      const selector = webhook.namespaceSelector as Record<string, unknown>;
      webhook.namespaceSelector = { ...selector, matchLabels: { [scopeLabel]: scope } };
    }
  }
  const objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
  for (const configuration of configurations) await objects.create(configuration);
  const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
  return {
    scope,
    namespace: (prefix = 'e2e-') => cluster.namespace(prefix, { [scopeLabel]: scope }),
    namedNamespace: async (name) => {
      await core.createNamespace({ body: { metadata: { name, labels: { [scopeLabel]: scope } } } });
    },
    adopt: async (name) => {
      await objects.patch({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [scopeLabel]: scope } } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    },
    remove: async () => {
      for (const configuration of configurations) await objects.delete(configuration);
    },
  };
}

/** The running webhook and what a test drives it with. */
export interface E2eWebhook extends Registration {
  readonly serve: ServeProcess;
  /** The webhook's own namespace: its policy ConfigMap, its Lease, its Events. */
  readonly systemNamespace: string;
  /** client-node as a user holds it, recording the Warning headers of each call. */
  readonly client: RecordingClient;
  /** Writes `text` as the policy ConfigMap's policy.yaml and waits until the webhook serves it. */
  setPolicy(text: string): Promise<void>;
  /** Removes the configurations and stops the process. */
  close(): Promise<void>;
}

/** The policy ConfigMap the serve command reads by default (config.ts `policy-configmap`). */
export const policyConfigMapName = 'gamma-webhook-policy';

/** Starts `gamma-webhook serve` against `cluster` and registers it. */
export async function startE2eWebhook(cluster: Envtest, failure: { mutating?: FailurePolicy; validating?: FailurePolicy } = {}): Promise<E2eWebhook> {
  const systemNamespace = await cluster.namespace('gamma-system-');
  const serve = await startServeProcess([
    '--cluster', 'live', '--kubeconfig', cluster.kubeconfigPath, '--namespace', systemNamespace, '--pod-name', 'gamma-e2e',
    // A Service created just before a route may not be in the cache yet; the live GET then needs
    // more than the default 300 ms on a loaded machine.
    '--lookup-timeout', '5000',
  ]);
  const registration = await registerWebhooks(cluster, { origin: `https://127.0.0.1:${serve.port}`, ca: serve.ca, ...failure });
  const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
  return {
    ...registration,
    serve,
    systemNamespace,
    client: recordingClient(cluster.kubeConfig),
    setPolicy: async (text) => {
      const parsed = parsePolicy(text, 'e2e');
      if (!parsed.ok) throw parsed.error;
      const body = { metadata: { name: policyConfigMapName, namespace: systemNamespace }, data: { 'policy.yaml': text } };
      try {
        await core.replaceNamespacedConfigMap({ name: policyConfigMapName, namespace: systemNamespace, body });
      } catch (error) {
        if ((error as { code?: number }).code !== 404) throw error;
        await core.createNamespacedConfigMap({ namespace: systemNamespace, body });
      }
      await eventually(`policy ${parsed.hash} in force`, async () => servesPolicy(serve, parsed.hash), 30_000);
    },
    close: async () => {
      await registration.remove();
      await serve.kill();
    },
  };
}

/** True when the webhook's /metrics says the policy with `hash` is in force. */
async function servesPolicy(serve: ServeProcess, hash: string): Promise<boolean> {
  const metrics = await serve.get('/metrics');
  return new RegExp(`^gamma_policy_info\\{[^}]*hash="${hash}"[^}]*\\} 1$`, 'm').test(metrics.text);
}

/** A loopback URL where nothing listens: a webhook that is down. */
export async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `https://127.0.0.1:${address.port}`;
}

/** The objects of a YAML file, in file order (empty documents dropped). */
export function readManifests(file: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => o !== null);
}
