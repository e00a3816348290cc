import { GraphQLError } from 'graphql';
import { isLedgerError } from '../ledger/index.js';

/** Stable `extensions.code` values the node returns. */
export type NodeErrorCode =
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'PRIVATE_DATA_ELSEWHERE'
  | 'INTERNAL_SERVER_ERROR';

/** A GraphQL error with a stable code (and any details a client may act on). */
export function nodeError(code: NodeErrorCode | string, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** UNAUTHENTICATED, with the HTTP status servers answer it with (not shown to clients). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** The HTTP status a response whose errors include `errors` should carry when no data came back. */
export function httpStatusOf(errors: readonly GraphQLError[]): number {
  return errors.some((e) => e.extensions.code === 'UNAUTHENTICATED') ? 401 : 200;
}

function withoutHttp(error: GraphQLError): GraphQLError {
  if (!('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions });
}

/** Turns ledger rejections (INVALID_TRANSITION, NOT_ISSUER, ...) into coded GraphQL errors. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isLedgerError(error)) return nodeError(error.code, error.message);
  return nodeError('INTERNAL_SERVER_ERROR', 'internal error');
}

/**
 * Masks anything without a code before it reaches a client: an unexpected exception says only
 * "internal error", so stack traces and internals never leave the node.
 */
export function maskError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original === undefined || original === null) return withoutHttp(error); // GraphQL's own (syntax, validation) errors
  if (original instanceof GraphQLError && typeof original.extensions.code === 'string') {
    return withoutHttp(new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions }));
  }
  const coded = toGraphQLError(original);
  return new GraphQLError(coded.message, { nodes: error.nodes, path: error.path, extensions: coded.extensions });
}
