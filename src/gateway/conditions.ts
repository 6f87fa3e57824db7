/**
 * Route condition types and reasons (Gateway API `RouteConditionType` / `RouteConditionReason`,
 * apis/v1/shared_types.go) as the mesh status uses them. No reason string is typed anywhere else.
 */

export const RouteConditionType = {
  /** Whether the parent Service accepts the route (at least one rule is implemented). */
  Accepted: 'Accepted',
  /** Whether every backend reference resolves. */
  ResolvedRefs: 'ResolvedRefs',
  /** Only ever True: some rules are dropped while the others are in force. */
  PartiallyInvalid: 'PartiallyInvalid',
} as const;
export type RouteConditionType = (typeof RouteConditionType)[keyof typeof RouteConditionType];

export const RouteReason = {
  /** Accepted=True: the parent Service exists and accepts at least one rule. */
  Accepted: 'Accepted',
  /** Accepted=False: the parent Service, its `port` or its `sectionName` does not exist (MR102, MR105, MR106). */
  NoMatchingParent: 'NoMatchingParent',
  /**
   * Accepted=False: the parent cannot serve as a frontend (ExternalName or headless, MR103/MR104),
   * or every rule is unusable. ResolvedRefs=False: an ExternalName backend (MR202).
   * PartiallyInvalid=True: some rules are dropped.
   */
  UnsupportedValue: 'UnsupportedValue',
  /**
   * Accepted=False: the policy forbids consumer routes (MR107).
   * Implementation-specific: not a constant of the Gateway API.
   */
  NotAllowedByPolicy: 'NotAllowedByPolicy',
  /**
   * Accepted=False: GRPCRoutes attach to every port the parentRef names on its Service and win
   * (MR109, GEP-1294); a parentRef that keeps some ports stays Accepted.
   * Implementation-specific: GEP-1294 names it, apis/v1 has no constant for it.
   */
  Conflicted: 'Conflicted',
  /** ResolvedRefs=True: every backend reference resolves. */
  ResolvedRefs: 'ResolvedRefs',
  /** ResolvedRefs=False: a backend Service or its port does not exist (MR201, MR203). */
  BackendNotFound: 'BackendNotFound',
  /** ResolvedRefs=False: a backend's group/kind is not a supported backend (MR205). */
  InvalidKind: 'InvalidKind',
  /** ResolvedRefs=False: a cross-namespace backend has no ReferenceGrant the policy requires (MR206). */
  RefNotPermitted: 'RefNotPermitted',
  /** ResolvedRefs=False: the backend's appProtocol is not usable (reserved; no rule reports it yet). */
  UnsupportedProtocol: 'UnsupportedProtocol',
} as const;
export type RouteReason = (typeof RouteReason)[keyof typeof RouteReason];

/** Reasons an Accepted=False verdict may carry. */
export type AcceptedFalseReason =
  | typeof RouteReason.NoMatchingParent
  | typeof RouteReason.UnsupportedValue
  | typeof RouteReason.NotAllowedByPolicy
  | typeof RouteReason.Conflicted;

/** Reasons a ResolvedRefs=False verdict may carry. */
export type ResolvedRefsFalseReason =
  | typeof RouteReason.BackendNotFound
  | typeof RouteReason.InvalidKind
  | typeof RouteReason.RefNotPermitted
  | typeof RouteReason.UnsupportedProtocol
  | typeof RouteReason.UnsupportedValue;
