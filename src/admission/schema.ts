import type { FromSchema } from 'json-schema-to-ts';

const groupVersionKind = {
  type: 'object',
  required: ['group', 'version', 'kind'],
  properties: {
    group: { type: 'string', maxLength: 253 },
    version: { type: 'string', maxLength: 63 },
    kind: { type: 'string', maxLength: 63 },
  },
} as const;

const groupVersionResource = {
  type: 'object',
  required: ['group', 'version', 'resource'],
  properties: {
    group: { type: 'string', maxLength: 253 },
    version: { type: 'string', maxLength: 63 },
    resource: { type: 'string', maxLength: 253 },
  },
} as const;

/**
 * The AdmissionReview envelope (admission.k8s.io/v1 and v1beta1), compiled once by Fastify's
 * ajv. Only the envelope is checked here: `object` and `oldObject` stay untrusted `unknown`
 * for the core, which survives any shape (the mutating webhook runs before schema validation).
 */
export const admissionReviewSchema = {
  $id: 'https://gamma-webhook.io/schemas/admission-review.json',
  type: 'object',
  required: ['apiVersion', 'kind', 'request'],
  properties: {
    apiVersion: { type: 'string', enum: ['admission.k8s.io/v1', 'admission.k8s.io/v1beta1'] },
    kind: { type: 'string', const: 'AdmissionReview' },
    request: {
      type: 'object',
      required: ['uid', 'kind', 'operation'],
      properties: {
        uid: { type: 'string', minLength: 1, maxLength: 128 },
        kind: groupVersionKind,
        resource: groupVersionResource,
        subResource: { type: 'string', maxLength: 253 },
        requestKind: groupVersionKind,
        requestResource: groupVersionResource,
        requestSubResource: { type: 'string', maxLength: 253 },
        name: { type: 'string', maxLength: 253 },
        namespace: { type: 'string', maxLength: 63 },
        operation: { type: 'string', enum: ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'] },
        userInfo: { type: 'object' },
        object: { type: ['object', 'null'] },
        oldObject: { type: ['object', 'null'] },
        dryRun: { type: 'boolean' },
        options: { type: ['object', 'null'] },
      },
    },
  },
} as const;

export type AdmissionReview = FromSchema<typeof admissionReviewSchema>;
export type AdmissionRequest = AdmissionReview['request'];
