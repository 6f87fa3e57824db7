/**
 * client-node's generic object client, as a user's `kubectl apply` holds it, plus what kubectl
 * prints and client-node hides: the `Warning` response headers (admission warnings), read
 * through a response middleware.
 */
import {
  createConfiguration,
  KubeConfig,
  KubernetesObjectApi,
  Observable,
  PatchStrategy,
  ServerConfiguration,
  type KubernetesObject,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';

/** What one call returned or threw, with the warnings of its responses. */
export type Outcome<T> =
  | { readonly ok: true; readonly object: T; readonly warnings: string[] }
  | { readonly ok: false; readonly code: number | undefined; readonly message: string; readonly reason: string | undefined; readonly warnings: string[] };

export interface RecordingClient {
  readonly objects: KubernetesObjectApi;
  /** Runs `call` and collects the warnings of the responses it received (discovery included, which has none). */
  outcome<T>(call: (objects: KubernetesObjectApi) => Promise<T>): Promise<Outcome<T>>;
  /** CREATE, optionally as a dry run. */
  create<T extends KubernetesObject>(object: T, options?: { dryRun?: boolean }): Promise<Outcome<T>>;
  /** UPDATE (PUT) of the whole object. */
  replace<T extends KubernetesObject>(object: T): Promise<Outcome<T>>;
  /** Server-side apply as `fieldManager`. */
  apply<T extends KubernetesObject>(object: T, fieldManager: string, options?: { dryRun?: boolean }): Promise<Outcome<T>>;
  read<T extends KubernetesObject>(object: T): Promise<T>;
}

/**
 * The text of each `Warning: 299 - "text"` header value (RFC 7234 warn-value; the API server
 * escapes `"` and `\` in the text). Several headers arrive joined with ", ".
 */
export function parseWarningHeader(value: string | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
}

export function recordingClient(kubeConfig: KubeConfig): RecordingClient {
  let warnings: string[] = [];
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster');
  const objects = new KubernetesObjectApi(createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: kubeConfig },
    middleware: [{
      pre: (context: RequestContext) => new Observable(Promise.resolve(context)),
      post: (response: ResponseContext) => {
        warnings.push(...parseWarningHeader(response.headers.warning));
        return new Observable(Promise.resolve(response));
      },
    }],
  }));
  const outcome = async <T>(call: (api: KubernetesObjectApi) => Promise<T>): Promise<Outcome<T>> => {
    warnings = [];
    try {
      const object = await call(objects);
      return { ok: true, object, warnings };
    } catch (error) {
      const e = error as { code?: number; body?: unknown; message: string };
      const status = (typeof e.body === 'string' ? safeJson(e.body) : e.body) as { message?: string; reason?: string } | undefined;
      return { ok: false, code: e.code, message: status?.message ?? e.message, reason: status?.reason, warnings };
    }
  };
  return {
    objects,
    outcome,
    create: (object, options = {}) => outcome((api) => api.create(object, undefined, options.dryRun ? 'All' : undefined)),
    replace: (object) => outcome((api) => api.replace(object)),
    apply: (object, fieldManager, options = {}) =>
      outcome((api) => api.patch(object, undefined, options.dryRun ? 'All' : undefined, fieldManager, true, PatchStrategy.ServerSideApply)),
    read: (object) => objects.read(object as KubernetesObject & { metadata: { name: string } }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
