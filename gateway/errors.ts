import { GraphQLError, type ASTNode } from 'graphql';

/**
 * Stable `extensions.code` values the gateway itself answers with, besides the nodes' own
 * (UNAUTHENTICATED, BAD_USER_INPUT, NOT_ISSUER, ...) which pass through unchanged.
 */
export type GatewayErrorCode =
  | 'FORBIDDEN'
  | 'NODE_UNAVAILABLE'
  | 'GOING_AWAY'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'CSRF_PREVENTED'
  | 'RATE_LIMITED'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'PERSISTED_QUERY_ONLY'
  | 'PERSISTED_QUERY_ID_REQUIRED'
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  | 'INTERNAL_SERVER_ERROR';

/** A coded GraphQL error (the gateway masks everything without a code). */
export function gatewayError(
  code: GatewayErrorCode, message: string, details: Record<string, unknown> = {}, path?: readonly (string | number)[], nodes?: readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details }, ...(path ? { path } : {}), ...(nodes ? { nodes } : {}) });
}

/** A configuration or startup problem (bad gateway.yaml, a subgraph that does not compose). */
export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}
