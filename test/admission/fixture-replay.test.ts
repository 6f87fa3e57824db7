/**
 * Every admission request recorded from kube-apiserver 1.32 (../shared/fixtures/kube-apiserver-1.32,
 * the A-* files) replayed byte for byte through the real HTTPS door with the real judge, the
 * default policy and a static view of the recording's Services. Where the recording kept the
 * webhook's answer (`*.webhook-response.json`), ours must agree with it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Operation } from 'rfc6902';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { staticView } from '../../src/cluster/static-view.ts';
import { compiled, service } from '../builders.ts';
import { startWebhook } from '../support/https-server.ts';
import { applyJsonPatch } from '../support/json-patch.ts';
import { sharedPath } from '../support/shared.ts';

const fixtures = sharedPath('fixtures', 'kube-apiserver-1.32');

interface Review {
  apiVersion: string;
  request: { uid: string; operation: string; object: Record<string, unknown> | null; oldObject: Record<string, unknown> | null };
}

interface Response {
  uid: string;
  allowed: boolean;
  status?: { code: number; message: string };
  warnings?: string[];
  patchType?: string;
  patch?: string;
}

/** What a replay must answer: the rule ids of the denial and of the warnings, and the decoded patch. */
interface Expected {
  readonly allowed: boolean;
  readonly denial?: string;
  readonly warnings: readonly string[];
  readonly patch: readonly unknown[];
}

const clean: Expected = { allowed: true, warnings: [], patch: [] };
/**
 * These recordings split traffic 9:1 as two rules that both match PathPrefix `/`: the first takes
 * every request, so the second is never reached (MR312, a warning at /validate).
 */
const splitAsTwoRules: Expected = { allowed: true, warnings: ['MR312'], patch: [] };
const groupFix = [{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }];

/** Every recorded request, by file. A new recording fails the test until it is listed here. */
const recorded: Record<string, Expected> = {
  'A-01-mutate-create.json': clean,
  'A-01-validate-create.json': splitAsTwoRules,
  // kubectl left the group out; the CRD default makes it gateway.networking.k8s.io/Service.
  'A-02-mutate-create-default-group.json': { allowed: true, warnings: ['MR101'], patch: groupFix },
  'A-02-validate-create-default-group.json': splitAsTwoRules,
  'A-03-mutate-update-weight.json': clean,
  'A-03-validate-update-weight.json': splitAsTwoRules,
  'A-04-mutate-update-label-only.json': clean,
  'A-04-validate-update-label-only.json': clean,
  'A-05-mutate-create-dryrun.json': clean,
  'A-05-validate-create-dryrun.json': clean,
  'A-06-mutate-create-v1beta1.json': clean,
  'A-06-validate-create-v1beta1.json': splitAsTwoRules,
  'A-07-mutate-create-grpcroute.json': clean,
  // grpc-infra-backend-v2 was deliberately not created (fixtures README).
  'A-07-validate-create-grpcroute.json': { allowed: true, warnings: ['MR201'], patch: [] },
  // DELETE is passed through: there is no new object to judge.
  'A-08-mutate-delete.json': clean,
  'A-08-validate-delete.json': clean,
  'A-09-mutate-create-server-side-apply.json': clean,
  'A-09-validate-create-server-side-apply.json': splitAsTwoRules,
};

function read<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(fixtures.path, file), 'utf8')) as T;
}

/**
 * The recording's Services (README "Server and setup"): the ones its list pages kept, and the
 * others as the README describes them. grpc-infra-backend-v2 is missing on purpose.
 */
function recordedServices(): unknown[] {
  const listed = ['page1', 'page2', 'page-last'].flatMap((page) =>
    read<{ items: object[] }>(`B-02-list-services-limit2-${page}.json`).items.map((item) => ({ apiVersion: 'v1', kind: 'Service', ...item })),
  );
  return [
    ...listed,
    service('echo-service', { namespace: 'store', ports: [{ name: 'http', port: 80 }] }),
    service('grpc-infra-backend-v1', { ports: [{ name: 'grpc', port: 8080, appProtocol: 'kubernetes.io/h2c' }] }),
    service('external-db', { type: 'ExternalName', ports: [] }),
  ];
}

function decodePatch(response: Response): unknown[] {
  return response.patch === undefined ? [] : (JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8')) as unknown[]);
}

function ruleIds(messages: readonly string[] | undefined): string[] {
  return (messages ?? []).map((message) => message.split(' ')[0] ?? '');
}

function summary(response: Response): Expected {
  return {
    allowed: response.allowed,
    ...(response.status ? { denial: ruleIds([response.status.message])[0] } : {}),
    warnings: ruleIds(response.warnings),
    patch: decodePatch(response),
  };
}

/** A recorded review with its route's spec changed, for the answers recorded without their request. */
function withSpec(file: string, change: (spec: Record<string, unknown>) => Record<string, unknown>, oldChange?: typeof change): Review {
  const review = read<Review>(file);
  const edit = (object: Record<string, unknown> | null, how: typeof change) =>
    object && { ...object, spec: how(structuredClone(object.spec) as Record<string, unknown>) };
  return {
    ...review,
    request: {
      ...review.request,
      object: edit(review.request.object, change),
      oldObject: oldChange ? edit(review.request.oldObject, oldChange) : review.request.oldObject,
    },
  };
}

/** The parentRef as the API server defaults it when `group` is left out. */
const gatewayGroupParent = (spec: Record<string, unknown>) => ({
  ...spec,
  parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Service', name: 'echo-service' }],
});

describe.skipIf(fixtures.missing !== undefined)('recorded admission requests (kube-apiserver 1.32) over HTTPS', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    const policyInForce = compiled();
    webhook = await startWebhook(createJudge({ view: staticView(recordedServices()), policy: () => policyInForce }));
  });
  afterAll(() => webhook.close());

  async function replay(door: 'validate' | 'mutate', review: Review): Promise<Response> {
    const answer = await webhook.postJson(`/${door}`, review);
    expect(answer.status).toBe(200);
    const body = answer.json() as { apiVersion: string; kind: string; response: Response };
    expect(body).toMatchObject({ apiVersion: review.apiVersion, kind: 'AdmissionReview', response: { uid: review.request.uid } });
    return body.response;
  }

  it('lists every recorded request', () => {
    const files = readdirSync(fixtures.path)
      .filter((file) => /^A-\d\d-.*\.json$/.test(file))
      .filter((file) => read<{ kind?: unknown; request?: unknown }>(file).kind === 'AdmissionReview' && read<{ request?: unknown }>(file).request);
    expect(files.sort()).toEqual(Object.keys(recorded).sort());
  });

  it.each(Object.entries(recorded))('%s', async (file, expected) => {
    const door = file.includes('-mutate-') ? 'mutate' : 'validate';
    const response = await replay(door, read<Review>(file));
    expect(summary(response)).toEqual(expected);
    const webhookResponse = file.replace(/\.json$/, '.webhook-response.json');
    if (readdirSync(fixtures.path).includes(webhookResponse)) {
      const { response: recordedResponse } = read<{ response: Response }>(webhookResponse);
      expect({ allowed: response.allowed, patchType: response.patchType, patch: decodePatch(response) }).toEqual({
        allowed: recordedResponse.allowed,
        patchType: recordedResponse.patchType,
        patch: decodePatch(recordedResponse),
      });
    }
  });

  it('ratchets an UPDATE: a violation the stored route already had warns, a new one denies (A-03)', async () => {
    const kept = await replay('validate', withSpec('A-03-validate-update-weight.json', gatewayGroupParent, gatewayGroupParent));
    expect(summary(kept)).toEqual({ allowed: true, warnings: ['MR101', 'MR312'], patch: [] });
    const added = await replay('validate', withSpec('A-03-validate-update-weight.json', gatewayGroupParent));
    expect(summary(added)).toMatchObject({ allowed: false, denial: 'MR101' });
  });

  it('denies A-20\'s route as recorded (403, MR101), and warns MR108 once /mutate fixed the group', async () => {
    // A-20's route (A-20-deny.txt): the A-02 request with a hostname.
    const review = withSpec('A-02-mutate-create-default-group.json', (spec) => ({ ...spec, hostnames: ['echo.example.com'] }));
    const denied = await replay('validate', review);
    const { response: recordedResponse } = read<{ response: Response }>('A-20-deny.webhook-response.json');
    expect({ ...summary(denied), code: denied.status?.code }).toMatchObject({
      allowed: recordedResponse.allowed,
      denial: summary(recordedResponse).denial,
      code: recordedResponse.status?.code,
    });
    // The recorded (canned) answer also warned MR108; ours waits until every parent is a mesh
    // parent, which it is after the mutating webhook's patch, as the API server would send it.
    const mutated = await replay('mutate', review);
    const object = applyJsonPatch(review.request.object, decodePatch(mutated) as Operation[]);
    const validated = await replay('validate', { ...review, request: { ...review.request, object } });
    expect(summary(validated)).toEqual({ allowed: true, warnings: ['MR108', 'MR312'], patch: [] });
  });

  it('mutates as the recorded A-21 answer did: the group patch, with an MR101 warning', async () => {
    // A-21's route (A-21-mutate-warning.txt): the parent's group left out, one backend echo-v1:80.
    const review = withSpec('A-02-mutate-create-default-group.json', (spec) => ({
      ...gatewayGroupParent(spec),
      rules: [{ backendRefs: [{ group: '', kind: 'Service', name: 'echo-v1', port: 80, weight: 1 }] }],
    }));
    const response = await replay('mutate', review);
    const { response: recordedResponse } = read<{ response: Response }>('A-21-mutate-warning.webhook-response.json');
    expect(response.patchType).toBe(recordedResponse.patchType);
    expect(decodePatch(response)).toEqual(decodePatch(recordedResponse));
    // The recorded answer was canned by the test webhook; its MR204 warning is for a port the route already has.
    expect(ruleIds(response.warnings)).toEqual(['MR101']);
    expect(ruleIds(recordedResponse.warnings)).toContain('MR101');
  });
});
