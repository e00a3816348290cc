import { isAsyncIterable, mapAsyncIterator } from '@graphql-tools/utils';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';

type WsResult = ExecutionResult | FormattedExecutionResult;

/** Errors that end an operation, carried through graphql-ws (which wraps what a stream throws) to `wsErrorMessage`. */
class OperationFailed extends Error {
  override readonly name = 'OperationFailed';
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'operation failed');
  }
}

/**
 * graphql-ws ends an operation that fails with an `error` message, as the nodes send it (an
 * invalid or refused operation, a subscription whose token expired). The gateway's runtime
 * answers those with a result without `data` instead (for a subscription, as its last event):
 * this turns such a result back into the protocol's `error` message (see `wsErrorMessage`).
 * Results with `data` (even `null`: a field failed) are events and go on as `next`.
 */
export function failuresAsWsErrors(result: ExecutionResult | AsyncIterable<ExecutionResult>): ExecutionResult | AsyncIterable<ExecutionResult> {
  if (isAsyncIterable(result)) return mapAsyncIterator(result[Symbol.asyncIterator](), (event: ExecutionResult) => (failed(event) ? fail(event) : event));
  return failed(result) ? failing(result) : result;
}

/**
 * A refusal the runtime throws before it runs an operation (a coded GraphQL error: a document that
 * is not a trusted one, say) as that operation's result, so graphql-ws answers it with an `error`
 * message for that operation. Thrown, graphql-ws took it for a fault and closed the whole socket
 * (4500), ending every other subscription on it. Anything else is still thrown.
 */
export async function refusalAsResult(run: () => Promise<ExecutionResult | AsyncIterable<ExecutionResult>>): Promise<ExecutionResult | AsyncIterable<ExecutionResult>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return { errors: [error] };
    throw error;
  }
}

/** graphql-ws's onError: the errors the operation failed with, as the client is sent them (no HTTP status). */
export function wsErrorMessage(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.flatMap((error) => (error.originalError instanceof OperationFailed ? error.originalError.errors : [error.toJSON()])).map(withoutHttpStatus);
}

/** The same error without `extensions.http`: the HTTP status an error carries is for HTTP responses. */
export function withoutHttpStatus(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions || !('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return { ...error, extensions };
}

function failed(result: WsResult): boolean {
  return result.data === undefined && (result.errors?.length ?? 0) > 0;
}

function fail(result: WsResult): never {
  throw new OperationFailed((result.errors ?? []).map((e) => ('toJSON' in e && typeof e.toJSON === 'function' ? (e.toJSON() as GraphQLFormattedError) : e)));
}

/** A stream whose first step fails with the result's errors. */
function failing(result: WsResult): AsyncIterable<ExecutionResult> {
  return {
    [Symbol.asyncIterator]: () => ({ next: async () => fail(result) }),
  };
}
