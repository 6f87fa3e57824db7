import type { FromSchema } from 'json-schema-to-ts';

const action = { type: 'string', enum: ['deny', 'warn', 'off'] } as const;

/**
 * The rule ids a policy may override: the ids of the catalog (docs/rules.md). Kept here, not
 * imported from `src/rules`, because the core (which owns this schema) never imports the rules;
 * `test/policy/rule-ids.test.ts` checks this list against docs/rules.md and the rule registry both
 * ways. Ids are never reused, so an id in this list never changes meaning.
 */
export const policyRuleIds = [
  'MR101', 'MR102', 'MR103', 'MR104', 'MR105', 'MR106', 'MR107', 'MR108', 'MR109', 'MR110',
  'MR201', 'MR202', 'MR203', 'MR204', 'MR205', 'MR206', 'MR207',
  'MR301', 'MR302', 'MR303', 'MR304', 'MR305', 'MR306', 'MR307', 'MR308', 'MR309', 'MR310', 'MR311', 'MR312',
] as const;

export type PolicyRuleId = (typeof policyRuleIds)[number];

/** GEP-2257 duration, the same grammar MR308 applies to routes. */
const duration = { type: 'string', pattern: '^([0-9]{1,5}(h|m|s|ms)){1,4}$' } as const;

/** A label value: at most 63 characters, alphanumeric at both ends (empty is allowed). */
const labelValue = {
  type: 'string',
  maxLength: 63,
  pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$',
} as const;

/** A label key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
const labelKey = {
  type: 'string',
  maxLength: 317,
  pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$',
} as const;

/**
 * The policy document: JSON Schema and TypeScript type from one definition.
 *
 * Every property is optional in a document; `policy/defaults.ts` fills the gaps with the
 * built-in values (the catalog's default actions). Unknown keys are refused so that a typo
 * (`stirct: true`) is reported instead of silently ignored.
 */
export const policySchema = {
  $id: 'https://gamma-webhook.io/schemas/policy.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: {
      description: 'enforce: deny as the rules say; warn: denials become warnings; audit: never deny or warn, findings only in logs and metrics.',
      type: 'string',
      enum: ['enforce', 'warn', 'audit'],
    },
    strict: {
      description: 'Referential rules (marked R in docs/rules.md) whose action is warn become deny.',
      type: 'boolean',
    },
    rules: {
      description: 'Per-rule action overrides, keyed by rule id.',
      type: 'object',
      propertyNames: { enum: policyRuleIds },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['action'],
        properties: { action },
      },
    },
    exemptions: {
      description: 'Routes admitted untouched: no findings, no patch, no status.',
      type: 'object',
      additionalProperties: false,
      properties: {
        namespaces: {
          description: 'Routes in these namespaces are admitted untouched.',
          type: 'array',
          items: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
          uniqueItems: true,
        },
        namespaceSelector: {
          description: 'Routes in namespaces whose labels match are admitted untouched.',
          type: 'object',
          additionalProperties: false,
          properties: {
            matchLabels: { type: 'object', propertyNames: labelKey, additionalProperties: labelValue },
            matchExpressions: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['key', 'operator'],
                properties: {
                  key: labelKey,
                  operator: { type: 'string', enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
                  values: { type: 'array', items: labelValue },
                },
              },
            },
          },
        },
      },
    },
    consumerRoutes: {
      description: 'MR107: whether a route may name a parent Service in another namespace.',
      type: 'string',
      enum: ['allow', 'deny'],
    },
    crossNamespaceBackends: {
      description: 'MR206: whether a cross-namespace backendRef needs a ReferenceGrant.',
      type: 'string',
      enum: ['allow', 'requireReferenceGrant'],
    },
    mutations: {
      description: 'The defaults of the mutating door, one by one.',
      type: 'object',
      additionalProperties: false,
      properties: {
        fixServiceParentGroup: { description: 'MR101 in /mutate.', type: 'boolean' },
        defaultBackendPort: { description: 'MR204 in /mutate.', type: 'boolean' },
        defaultTimeouts: {
          description: 'Opt-in timeouts set on rules that have none.',
          type: 'object',
          additionalProperties: false,
          properties: {
            request: duration,
            backendRequest: duration,
          },
        },
      },
    },
    features: {
      description: 'MR309: the route features the mesh supports (Gateway API feature names, e.g. HTTPRouteRetry); empty means no check.',
      type: 'array',
      items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$', maxLength: 128 },
      uniqueItems: true,
    },
    backendKinds: {
      description: 'MR205: backend kinds besides core Service that the mesh resolves itself (e.g. networking.istio.io/Hostname); a listed kind raises no MR205.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['group', 'kind'],
        properties: {
          group: { type: 'string', maxLength: 253 },
          kind: { type: 'string', pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$', maxLength: 63 },
        },
      },
    },
    regexMaxLength: {
      description: 'MR307: the longest regular expression admitted.',
      type: 'integer',
      minimum: 1,
      maximum: 32768,
    },
    status: {
      description: 'The status reconciler.',
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { description: 'Whether the reconciler writes status.parents[] entries.', type: 'boolean' },
        controllerName: {
          description: 'Domain-prefixed path, as RouteParentStatus.controllerName requires.',
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&\'()*+,;=:]+$',
          maxLength: 253,
        },
      },
    },
  },
} as const;

/** A policy document as written by an admin: every field optional. */
export type PolicyDocument = FromSchema<typeof policySchema>;
