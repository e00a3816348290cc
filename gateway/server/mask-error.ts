import { GraphQLError } from 'graphql';

/** Extensions that describe internals (the upstream request, stack traces) and never leave. */
const INTERNAL = new Set(['request', 'response', 'stacktrace', 'exception', 'originalError']);

/**
 * Masks what reaches a client: coded errors (FORBIDDEN, UNAUTHENTICATED, NODE_UNAVAILABLE, a
 * node's own codes ...) and GraphQL's own syntax and validation errors keep their message;
 * anything else becomes "internal error" (INTERNAL_SERVER_ERROR) with its path only. Errors
 * returned unchanged are not logged; replaced ones are (error level), as faults to look at.
 */
export function maskGatewayError(error: unknown): Error {
  if (!(error instanceof GraphQLError)) return internal(undefined);
  const coded = codedError(error);
  if (coded) return coded;
  if (error.originalError === undefined || error.originalError === null) {
    // GraphQL's own error, returned as it is (the runtime logs every replaced error as a fault).
    (error.extensions as Record<string, unknown>).code ??= 'GRAPHQL_VALIDATION_FAILED';
    return error;
  }
  return internal(error);
}

/** The nearest error in the chain that carries a string code, re-homed at `error`'s path. */
function codedError(error: GraphQLError): GraphQLError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof GraphQLError; depth++) {
    if (typeof current.extensions.code === 'string') {
      if (current === error && !Object.keys(error.extensions).some((key) => INTERNAL.has(key))) return error;
      return new GraphQLError(current.message, { nodes: error.nodes, path: error.path ?? current.path, extensions: clean(current.extensions) });
    }
    current = current.originalError;
  }
  return undefined;
}

function internal(error: GraphQLError | undefined): GraphQLError {
  return new GraphQLError('internal error', { path: error?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

function clean(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => !INTERNAL.has(key)));
}
