/** Route-structure rules (MR305, MR308, MR309): rule names, durations, and the mesh's features. */
import type { EvaluationContext } from '../core/context.ts';
import type { Path } from '../core/path.ts';
import type { RouteModel } from '../core/route.ts';
import { bothKinds, finding, type RawFinding, type Rule } from '../core/rule.ts';
import { Feature, dig, exceedsRequestTimeout, list, record, text } from '../gateway/index.ts';
import { defaultTimeouts } from './defaults.ts';

export const mr305: Rule = {
  id: 'MR305',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  check: ({ route }) => {
    const seen = new Set<string>();
    return route.rules.flatMap(({ rule, path }) => {
      const name = text(rule.name);
      if (name === undefined) return [];
      if (!seen.has(name)) {
        seen.add(name);
        return [];
      }
      return [finding([...path, 'name'], `rule name ${name} is used twice; rule names must be unique in a route`)];
    });
  },
};

/** The duration fields of a route rule: the object holding them, then the keys within it. */
const durationFields: readonly (readonly [string, readonly string[]])[] = [
  ['timeouts', ['request', 'backendRequest']],
  ['retry', ['backoff']],
  ['sessionPersistence', ['absoluteTimeout', 'idleTimeout']],
];

/** Every duration string of the route's rules, with its path. */
function durations(route: RouteModel): { path: Path; value: string }[] {
  const out: { path: Path; value: string }[] = [];
  for (const { rule, path } of route.rules) {
    for (const [holderKey, keys] of durationFields) {
      const holder = record(rule[holderKey]);
      if (holder === undefined) continue;
      for (const key of keys) {
        const value = text(holder[key]);
        if (value !== undefined) out.push({ path: [...path, holderKey, key], value });
      }
    }
  }
  return out;
}

export const mr308: Rule = {
  id: 'MR308',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'deny',
  status: { condition: 'DropsRule' },
  check: ({ route, durationMs }) => {
    const out: RawFinding[] = [];
    for (const { path, value } of durations(route)) {
      if (durationMs(value) === undefined) out.push(finding(path, `duration ${JSON.stringify(value)} is not valid; use e.g. 10s, 1m30s or 500ms`));
    }
    for (const { rule, path } of route.rules) {
      const timeouts = record(rule.timeouts);
      const request = text(timeouts?.request);
      const backendRequest = text(timeouts?.backendRequest);
      if (request !== undefined && backendRequest !== undefined && exceedsRequestTimeout(durationMs(request), durationMs(backendRequest))) {
        out.push(finding([...path, 'timeouts', 'backendRequest'], `backendRequest is longer than request (${request}); shorten it`));
      }
    }
    return out;
  },
  mutate: defaultTimeouts,
};

/** One route field MR309 maps to a Gateway API feature name. */
interface FeatureUse {
  readonly feature: Feature;
  readonly path: Path;
}

/** The features the route uses, each at its first place of use. */
function featureUses({ route, matches, filters }: EvaluationContext): FeatureUse[] {
  const uses: FeatureUse[] = [];
  const use = (feature: Feature, path: Path): void => {
    if (!uses.some((u) => u.feature === feature)) uses.push({ feature, path });
  };
  const http = route.kind === 'HTTPRoute';
  for (const p of route.meshParents) {
    if (p.namespace !== route.namespace) use(Feature.MeshConsumerRoute, [...p.path, 'namespace']);
    if (p.port !== undefined) use(Feature.HTTPRouteParentRefPort, [...p.path, 'port']);
  }
  for (const { rule, path } of route.rules) {
    if (http && rule.name !== undefined) use(Feature.MeshHTTPRouteNamedRouteRule, [...path, 'name']);
    if (http && dig(rule, 'timeouts', 'request') !== undefined) use(Feature.HTTPRouteRequestTimeout, [...path, 'timeouts', 'request']);
    if (http && dig(rule, 'timeouts', 'backendRequest') !== undefined) {
      use(Feature.HTTPRouteBackendTimeout, [...path, 'timeouts', 'backendRequest']);
    }
    if (http && rule.retry !== undefined) use(Feature.HTTPRouteRetry, [...path, 'retry']);
    if (rule.sessionPersistence !== undefined) {
      use(http ? Feature.HTTPRouteSessionPersistence : Feature.GRPCRouteSessionPersistence, [...path, 'sessionPersistence']);
    }
  }
  if (http) {
    for (const { match, path } of matches) {
      if (list(match.queryParams).length > 0) use(Feature.MeshHTTPRouteQueryParamMatching, [...path, 'queryParams']);
      if (match.method !== undefined) use(Feature.HTTPRouteMethodMatching, [...path, 'method']);
    }
    for (const l of route.filterLists) {
      if (l.level === 'backendRef' && l.filters.some((f) => f.type === 'RequestHeaderModifier')) {
        const f = l.filters.find((x) => x.type === 'RequestHeaderModifier');
        if (f !== undefined) use(Feature.MeshHTTPRouteBackendRequestHeaderModification, f.path);
      }
    }
    for (const f of filters) {
      const at = (...keys: string[]): Path => [...f.path, ...keys];
      if (f.type === 'ResponseHeaderModifier') use(Feature.HTTPRouteResponseHeaderModification, f.path);
      if (f.type === 'RequestMirror') use(Feature.HTTPRouteRequestMirror, f.path);
      if (f.type === 'CORS') use(Feature.HTTPRouteCORS, f.path);
      if (dig(f.filter, 'urlRewrite', 'path') !== undefined) use(Feature.MeshHTTPRouteRewritePath, at('urlRewrite', 'path'));
      if (dig(f.filter, 'urlRewrite', 'hostname') !== undefined) use(Feature.HTTPRouteHostRewrite, at('urlRewrite', 'hostname'));
      if (dig(f.filter, 'requestRedirect', 'scheme') !== undefined) {
        use(Feature.MeshHTTPRouteSchemeRedirect, at('requestRedirect', 'scheme'));
      }
      if (dig(f.filter, 'requestRedirect', 'port') !== undefined) use(Feature.MeshHTTPRouteRedirectPort, at('requestRedirect', 'port'));
      if (dig(f.filter, 'requestRedirect', 'path') !== undefined) use(Feature.MeshHTTPRouteRedirectPath, at('requestRedirect', 'path'));
    }
  }
  return uses;
}

export const mr309: Rule = {
  id: 'MR309',
  kinds: bothKinds,
  referential: false,
  defaultAction: 'warn',
  check: (context) =>
    context.policy.features.length === 0
      ? []
      : featureUses(context)
          .filter(({ feature }) => !context.policy.features.includes(feature))
          .map(({ feature, path }) => finding(path, `the mesh does not support ${feature} (policy features); it may be ignored`)),
};
