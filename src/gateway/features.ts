/**
 * Gateway API feature names (pkg/features, as XMesh.status.supportedFeatures lists them) for the
 * route fields MR309 checks against the policy's `features`. Mesh-specific names are used where
 * the mesh profile defines one.
 */
export const Feature = {
  MeshConsumerRoute: 'MeshConsumerRoute',
  MeshHTTPRouteRewritePath: 'MeshHTTPRouteRewritePath',
  MeshHTTPRouteSchemeRedirect: 'MeshHTTPRouteSchemeRedirect',
  MeshHTTPRouteRedirectPort: 'MeshHTTPRouteRedirectPort',
  MeshHTTPRouteRedirectPath: 'MeshHTTPRouteRedirectPath',
  MeshHTTPRouteBackendRequestHeaderModification: 'MeshHTTPRouteBackendRequestHeaderModification',
  MeshHTTPRouteQueryParamMatching: 'MeshHTTPRouteQueryParamMatching',
  MeshHTTPRouteNamedRouteRule: 'MeshHTTPRouteNamedRouteRule',
  HTTPRouteParentRefPort: 'HTTPRouteParentRefPort',
  HTTPRouteMethodMatching: 'HTTPRouteMethodMatching',
  HTTPRouteResponseHeaderModification: 'HTTPRouteResponseHeaderModification',
  HTTPRouteHostRewrite: 'HTTPRouteHostRewrite',
  HTTPRouteRequestMirror: 'HTTPRouteRequestMirror',
  HTTPRouteRequestTimeout: 'HTTPRouteRequestTimeout',
  HTTPRouteBackendTimeout: 'HTTPRouteBackendTimeout',
  HTTPRouteRetry: 'HTTPRouteRetry',
  HTTPRouteCORS: 'HTTPRouteCORS',
  HTTPRouteSessionPersistence: 'HTTPRouteSessionPersistence',
  GRPCRouteSessionPersistence: 'GRPCRouteSessionPersistence',
} as const;
export type Feature = (typeof Feature)[keyof typeof Feature];
