import { GraphQLError } from 'graphql';
import { requestErrorCode, withoutSuggestions } from '../../subgraphs/node/index.js';

/** Extensions that describe internals (the upstream request, stack traces) and never leave. */
const INTERNAL = new Set(['request', 'response', 'stacktrace', 'exception', 'originalError']);

/**
 * Masks what reaches a client: coded errors (FORBIDDEN, UNAUTHENTICATED, NODE_UNAVAILABLE, a
 * node's own codes ...) and GraphQL's own syntax and validation errors keep their message;
 * anything else becomes "internal error" (INTERNAL_SERVER_ERROR) with its path only. Errors
 * returned unchanged are not logged; replaced ones are (error level), as faults to look at.
 * A coded error is already as the client gets it, wherever it stands (at a field or not): it
 * comes back as it is, and its HTTP status is its own or the answer's (`withStatusByData`: an
 * outage without data is 503, never a client's 400). Only GraphQL's own uncoded errors about the
 * request are made request errors here.
 */
export function maskGatewayError(error: unknown): Error {
  if (!(error instanceof GraphQLError)) return internal(undefined);
  const coded = codedError(error);
  if (coded) return coded;
  if ((error.originalError === undefined || error.originalError === null) && error.path === undefined) return requestError(error);
  return internal(error);
}

/** The nearest error in the chain that carries a string code, re-homed at `error`'s path. */
function codedError(error: GraphQLError): GraphQLError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof GraphQLError; depth++) {
    if (typeof current.extensions.code === 'string') {
      // The HTTP status (401 for a request refused for its token) follows the answer's data: withStatusByData.
      if (current === error && !Object.keys(error.extensions).some((key) => INTERNAL.has(key))) return error;
      return new GraphQLError(current.message, { nodes: error.nodes, path: error.path ?? current.path, extensions: clean(current.extensions) });
    }
    current = current.originalError;
  }
  return undefined;
}

/**
 * GraphQL's own error about the request (syntax, validation, a variable), or the runtime's about
 * the HTTP request: the client's to fix, so HTTP 400 under application/graphql-response+json
 * (`spec`: 200 under application/json), coded as the nodes code it, without field suggestions.
 */
export function requestError(error: GraphQLError): GraphQLError {
  const http = (error.extensions.http ?? { status: 400, spec: true }) as { status?: number };
  const code = typeof error.extensions.code === 'string' ? error.extensions.code : http.status === 400 || http.status === undefined ? requestErrorCode(error) : 'BAD_REQUEST';
  const message = withoutSuggestions(error.message);
  // A client's error already as the client gets it (the runtime's own HTTP errors, one rewritten
  // at validation): the same object, so the runtime does not log it as a fault it had to mask. A
  // 5xx is a new object, and logged. (A 200 one: a persisted query's hash where documents are
  // sent in full.)
  const clients = typeof http.status === 'number' && http.status < 500;
  if (clients && message === error.message && error.extensions.code === code && error.extensions.http !== undefined
    && !Object.keys(error.extensions).some((key) => INTERNAL.has(key))) return error;
  return new GraphQLError(message, {
    nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...clean(error.extensions), code, http },
  });
}

function internal(error: GraphQLError | undefined): GraphQLError {
  return new GraphQLError('internal error', { path: error?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

function clean(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => !INTERNAL.has(key)));
}
