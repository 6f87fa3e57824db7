import type { Policy } from '../core/policy.ts';
import type { PolicyDocument } from '../core/policy-schema.ts';

/**
 * Freezes an object graph of plain objects and arrays, so that a policy in force can be shared
 * by concurrent requests without any of them changing it for the others.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A structural copy of JSON data, so that a resolved policy shares nothing with its document. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The built-in policy: the catalog's default actions (docs/rules.md; no overrides), mode `enforce`, not strict,
 * no exemptions, consumer routes and cross-namespace backends allowed, both mutations on, no
 * opt-in timeouts, no feature check, regular expressions up to 1024 characters, status written
 * under `gamma-webhook.io/mesh-route-status`. Deeply frozen.
 */
export const defaultPolicy: Policy = deepFreeze({
  mode: 'enforce',
  strict: false,
  rules: {},
  exemptions: { namespaces: [] },
  consumerRoutes: 'allow',
  crossNamespaceBackends: 'allow',
  mutations: { fixServiceParentGroup: true, defaultBackendPort: true, defaultTimeouts: {} },
  features: [],
  backendKinds: [],
  regexMaxLength: 1024,
  status: { enabled: true, controllerName: 'gamma-webhook.io/mesh-route-status' },
});

/**
 * Fills every field a schema-valid document leaves out with the built-in default. Nested
 * objects are merged one level deep, so `mutations: {defaultBackendPort: false}` keeps
 * `fixServiceParentGroup: true`; lists and `defaultTimeouts` replace the default as a whole.
 * The result is a deeply frozen copy that shares nothing with `document`. The document MUST
 * have passed `policySchema` (use `parsePolicy`); other input gives an unspecified result.
 */
export function resolvePolicy(document: PolicyDocument): Policy {
  const d = defaultPolicy;
  const doc = copy(document);
  const policy: Policy = {
    mode: doc.mode ?? d.mode,
    strict: doc.strict ?? d.strict,
    rules: { ...d.rules, ...doc.rules },
    exemptions: {
      namespaces: doc.exemptions?.namespaces ?? [...d.exemptions.namespaces],
      ...(doc.exemptions?.namespaceSelector ? { namespaceSelector: doc.exemptions.namespaceSelector } : {}),
    },
    consumerRoutes: doc.consumerRoutes ?? d.consumerRoutes,
    crossNamespaceBackends: doc.crossNamespaceBackends ?? d.crossNamespaceBackends,
    mutations: { ...d.mutations, ...doc.mutations },
    features: doc.features ?? [...d.features],
    backendKinds: doc.backendKinds ?? [...d.backendKinds],
    regexMaxLength: doc.regexMaxLength ?? d.regexMaxLength,
    status: { ...d.status, ...doc.status },
  };
  return deepFreeze(policy);
}
