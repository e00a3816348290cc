import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values the gateway adds to those the nodes return. */
export type GatewayErrorCode =
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'NODE_UNAVAILABLE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

/** A coded GraphQL error (the gateway masks everything without a code). */
export function gatewayError(code: GatewayErrorCode, message: string, details: Record<string, unknown> = {}, path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details }, ...(path ? { path } : {}) });
}

/** A configuration or startup problem (bad gateway.yaml, a subgraph that does not compose). */
export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}
