import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { nextOrWoken, WOKEN } from '../../subgraphs/node/index.js';
import { resultOf } from './http-query.js';

/**
 * A node's events over graphql-ws as the gateway hands them on, closing the websocket when they
 * end or the subscriber leaves. (An async generator would not do: its `return()` waits behind a
 * pending `next()`, so a quiet feed would keep the connection open for ever after the client
 * unsubscribed.) graphql-ws's client rejects with whatever ended the subscription: the node's
 * `error` message (the errors it coded, e.g. UNAUTHENTICATED) or the socket's close. That becomes
 * the last result, as a node in the gateway's process gives it: the node's coded errors as the node
 * gave them; `refused` if the node closed with 4403 (it refused the caller's token at
 * connection_init, say one whose key was rotated away that the gateway's key cache still took);
 * otherwise `unavailable`, naming the node; then the events end.
 */
export function nodeEvents(
  events: AsyncIterableIterator<ExecutionResult>, unavailable: GraphQLError, close: () => void, refused: GraphQLError = unavailable,
): AsyncIterableIterator<ExecutionResult> {
  const done = { done: true, value: undefined } as const;
  let ended = false;
  // Settles a next() still waiting when the subscriber leaves (say while the socket to the node is
  // still connecting): it would wait for ever, and hold whoever awaits it.
  let leave: (() => void) | undefined;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (ended) return done;
      try {
        const result = await nextOrWoken(events, (wake) => {
          leave = wake;
          return () => (leave = undefined);
        });
        if (ended || result === WOKEN) return done;
        if (result.done) close();
        // An event is JSON off the socket: its errors become GraphQLErrors, as a node in the gateway's process gives them.
        return result.done ? result : { done: false, value: resultOf(result.value) ?? { errors: [unavailable] } };
      } catch (failure) {
        ended = true;
        close();
        return { done: false, value: { errors: refusedToken(failure) ? [refused] : failureOf(failure, unavailable) } };
      }
    },
    async return() {
      ended = true;
      leave?.();
      close();
      await events.return?.();
      return done;
    },
    async throw(error: unknown) {
      ended = true;
      close();
      return events.throw ? events.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** graphql-ws's close code for a connection_init refused (the nodes: a token they do not accept). */
const FORBIDDEN_CLOSE = 4403;

function refusedToken(failure: unknown): boolean {
  return typeof failure === 'object' && failure !== null && (failure as { code?: unknown }).code === FORBIDDEN_CLOSE;
}

/** The errors a node answered with, if it coded every one; anything else (a dropped socket, no answer) is the node unavailable. */
function failureOf(failure: unknown, unavailable: GraphQLError): GraphQLError[] {
  if (!Array.isArray(failure) || failure.length === 0 || !failure.every(codedError)) return [unavailable];
  return failure.map((error) => new GraphQLError(error.message, { extensions: error.extensions, ...(error.path ? { path: error.path } : {}) }));
}

function codedError(error: unknown): error is GraphQLFormattedError & { extensions: { code: string } } {
  const { message, extensions } = (error ?? {}) as Partial<GraphQLFormattedError>;
  return typeof message === 'string' && typeof extensions?.code === 'string';
}
