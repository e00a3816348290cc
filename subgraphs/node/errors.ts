import { GraphQLError } from 'graphql';
import { isLedgerError } from '../ledger/index.js';

/** Stable `extensions.code` values the node returns. */
export type NodeErrorCode =
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'PRIVATE_DATA_ELSEWHERE'
  | 'BAD_REQUEST'
  | 'CSRF_PREVENTED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
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

/** The same error without `extensions.http` (the HTTP status an error carries, which clients do not see). */
export function withoutHttp(error: GraphQLError): GraphQLError {
  if (!('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions,
    ...(error.originalError ? { originalError: error.originalError } : {}),
  });
}

/** Turns ledger rejections (INVALID_TRANSITION, NOT_ISSUER, ...) into coded GraphQL errors. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isLedgerError(error)) return nodeError(error.code, error.message);
  return nodeError('INTERNAL_SERVER_ERROR', 'internal error');
}

/**
 * A request error's message as every server gives it: without "Did you mean …?" (it maps out the
 * schema for strangers, who may not introspect it), and without the "Syntax Error: " GraphQL
 * Armor puts before its limits (a query over a limit is valid GraphQL).
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/s, '').replace(/^Syntax Error: (?=.* limit of \d+ exceeded)/, '');
}

/**
 * The code of one of GraphQL's own errors about the request itself (raised before execution):
 * a syntax error, a variable that is missing or of the wrong type, or any other validation failure.
 */
export function requestErrorCode(error: GraphQLError): string {
  if (typeof error.extensions.code === 'string') return error.extensions.code;
  if (error.message.startsWith('Syntax Error:') && !/ limit of \d+ exceeded/.test(error.message)) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  return 'GRAPHQL_VALIDATION_FAILED';
}

/** True for GraphQL's own errors about the request (no cause, no path): the client's to fix, HTTP 400. */
export function isRequestError(error: GraphQLError): boolean {
  return (error.originalError === undefined || error.originalError === null) && error.path === undefined;
}

/**
 * Masks anything without a code before it reaches a client: an unexpected exception says only
 * "internal error", so stack traces and internals never leave the node. GraphQL's own errors
 * about the request keep their message (without suggestions) and get their code; its own errors
 * during execution (a null in a non-null field) are faults. `code` is what the server already
 * decided for a request error (Apollo codes its own).
 */
export function maskError(error: GraphQLError, code?: string): GraphQLError {
  const original = error.originalError;
  if (error.path === undefined && original instanceof GraphQLError && typeof original.extensions.code !== 'string') {
    // A server's wrapper round one of GraphQL's own request errors (Apollo's SyntaxError, a variable's coercion error).
    return maskError(new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: error.extensions }), code);
  }
  if (isRequestError(error)) {
    const extensions = { ...withoutHttp(error).extensions, code: code ?? requestErrorCode(error) };
    return new GraphQLError(withoutSuggestions(error.message), { nodes: error.nodes, source: error.source, positions: error.positions, extensions });
  }
  if (original === undefined || original === null) return nodeErrorAt(error, nodeError('INTERNAL_SERVER_ERROR', 'internal error'));
  if (original instanceof GraphQLError && typeof original.extensions.code === 'string') {
    return withoutHttp(new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions }));
  }
  return nodeErrorAt(error, toGraphQLError(original));
}

function nodeErrorAt(at: GraphQLError, coded: GraphQLError): GraphQLError {
  return new GraphQLError(coded.message, { nodes: at.nodes, path: at.path, extensions: coded.extensions });
}
