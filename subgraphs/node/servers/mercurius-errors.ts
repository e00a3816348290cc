import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { httpStatusOf, isRequestError, maskError, nodeError } from '../errors.js';
import { BODY_NOT_JSON } from './request-shape.js';

/** What mercurius wraps a refused request in (MER_ERR_GQL_VALIDATION, MER_ERR_METHOD_NOT_ALLOWED, …). */
interface MercuriusRequestError extends Error {
  readonly code?: string;
  readonly statusCode?: number;
  readonly errors?: readonly Error[];
}

/** The answer a node gives, by the one error contract (subgraphs/node/README.md). */
export interface NodeAnswer {
  readonly statusCode: number;
  readonly response: { data?: unknown; errors: GraphQLFormattedError[] };
}

/**
 * Formats what mercurius hands its errorFormatter as Apollo's node does: mercurius wraps every
 * refused request (syntax, validation, variables, a GET mutation, a body that is not JSON) in
 * one of its own errors, which masking alone would take for a fault. Unwrap those first; a
 * request error is then HTTP 400 (405 for a GET mutation), an unauthenticated one 401.
 */
export function formatMercuriusErrors(execution: ExecutionResult, body: unknown): NodeAnswer {
  let status: number | undefined;
  const errors = (execution.errors ?? []).flatMap((error): GraphQLError[] => {
    const wrapper = error.originalError as MercuriusRequestError | undefined;
    if (!wrapper?.code || !/^(MER|FST)_ERR_/.test(wrapper.code)) return [maskError(error)];
    if (wrapper.code === 'MER_ERR_METHOD_NOT_ALLOWED') {
      status = 405;
      return [nodeError('BAD_REQUEST', 'GET requests only support query operations, not mutation operations')];
    }
    if (wrapper.code === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND') {
      // Nodes take documents in full (Apollo's persistedQueries: false); answer as Apollo does.
      if (asksPersisted(body)) {
        status = 200;
        return [nodeError('PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported')];
      }
      status = 400;
      return [nodeError('BAD_REQUEST', 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.')];
    }
    if (wrapper.errors === undefined) {
      status = wrapper.statusCode ?? 400;
      return [nodeError('BAD_REQUEST', wrapper instanceof SyntaxError || /\bJSON\b/.test(wrapper.message) ? BODY_NOT_JSON : wrapper.message)];
    }
    return wrapper.errors.map((inner) => maskError(inner instanceof GraphQLError ? inner : new GraphQLError(inner.message)));
  });
  // A request refused before execution has no `data` entry (GraphQL over HTTP), as on Apollo.
  const executed = errors.some((e) => e.path !== undefined) || execution.data !== undefined && execution.data !== null;
  status ??= execution.data ? 200 : errors.length > 0 && errors.every(isRequestError) && !errors.some((e) => e.extensions.code === 'UNAUTHENTICATED') ? 400 : httpStatusOf(errors);
  return { statusCode: status, response: { ...(executed ? { data: execution.data ?? null } : {}), errors: errors.map((e) => e.toJSON()) } };
}

function asksPersisted(body: unknown): boolean {
  const extensions = (body as { extensions?: { persistedQuery?: unknown } } | null | undefined)?.extensions;
  return typeof extensions?.persistedQuery === 'object' && extensions.persistedQuery !== null;
}
