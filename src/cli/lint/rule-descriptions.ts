import { ruleCatalog } from '../../rules/index.ts';
import type { RuleDescriptor } from './sarif.ts';

/**
 * One line per rule, for SARIF's `shortDescription` (code-scanning tools show it beside every
 * alert): the summary that opens the rule's section of docs/rules.md, without its period. Keyed
 * by rule id, in catalog order; test/rules/catalog.test.ts checks both against docs/rules.md.
 */
export const ruleDescriptions: Readonly<Record<string, string>> = {
  MR101: 'A parentRef of kind Service in the Gateway API group, or a parentRef or backendRef of kind Service in `group: core`: it needs group "" (core)',
  MR102: 'The parent Service does not exist',
  MR103: 'The parent Service is of type ExternalName',
  MR104: 'The parent Service is headless (clusterIP: None) and has no frontend',
  MR105: "parentRef.port is not a port of the parent Service",
  MR106: 'parentRef.sectionName is not a port name of the parent Service, or disagrees with port',
  MR107: 'A consumer route (parent Service in another namespace) where the policy forbids them',
  MR108: 'hostnames on a route whose parents are all Services: GAMMA ignores them',
  MR109: 'An HTTPRoute on a Service port that a GRPCRoute also attaches to: the GRPCRoute wins',
  MR110: 'A rule no request reaches because a rule of another route on the same Service port takes them first',
  MR201: 'The backend Service does not exist',
  MR202: 'The backend Service is of type ExternalName',
  MR203: 'The backendRef port is not a port of the backend Service',
  MR204: 'A backendRef to a Service with one port names no port (the default fills it in)',
  MR205: 'The backend group/kind is neither a core Service nor an enabled ServiceImport',
  MR206: 'A cross-namespace backendRef without a ReferenceGrant, where the policy requires one',
  MR207: 'A rule with no backendRefs and no RequestRedirect can only answer 500',
  MR301: 'A header name matched twice in one match (case-insensitive)',
  MR302: 'A header named more than once across set/add/remove of a header modifier',
  MR303: 'A header modifier remove entry that is not an RFC 7230 token or is too long',
  MR304: 'ReplacePrefixMatch without exactly one PathPrefix match',
  MR305: 'Two rules with the same name in one route',
  MR306: 'A GRPCRoute RegularExpression method match with neither service nor method',
  MR307: 'A regular expression that is not valid RE2 or is longer than the policy allows',
  MR308: 'A malformed duration, or backendRequest longer than request',
  MR309: 'A field the configured mesh does not support (policy features)',
  MR310: 'A header value outside printable ASCII',
  MR311: 'A RequestRedirect or URLRewrite path replacement that does not start with `/`',
  MR312: 'A rule no request reaches because an earlier rule of the same route takes them first',
};

/** The rule catalog as SARIF describes it, in catalog order. */
export function sarifRules(): RuleDescriptor[] {
  return ruleCatalog.map((rule) => ({
    id: rule.id,
    description: ruleDescriptions[rule.id] ?? rule.id,
    defaultAction: rule.defaultAction,
  }));
}
