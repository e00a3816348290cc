import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import { gatewayError } from '../errors.js';

/** Subscriptions the runtime serves (SSE, and graphql-ws in passing), ended when the gateway closes. */
export interface EndingSubscriptions {
  readonly plugin: GatewayPlugin;
  /** Ends every open subscription, and any started from now on: a last GOING_AWAY event, then complete. */
  end(): void;
}

/**
 * An SSE response stays open as long as its subscription does, so the HTTP server's close would
 * wait for its client to leave. Closing the gateway ends them instead, telling each subscriber why
 * (as graphql-ws clients are told with 1001 Going away), and lets go of the node's feed.
 */
export function endingSubscriptions(): EndingSubscriptions {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return {
    end,
    plugin: {
      onSubscribe: ({ args }) => ({
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(endingWith(result as AsyncIterable<ExecutionResult>, ended, rootKey(args.document, args.operationName)));
        },
      }),
    },
  };
}

/** The last event: an error at the subscription's field (a coded error there is the client's to see, not a fault to log). */
const goingAway = (path: readonly string[] | undefined): IteratorResult<ExecutionResult> => ({
  done: false, value: { errors: [gatewayError('GOING_AWAY', 'the gateway is shutting down: subscribe again later', {}, path)] },
});

/** The response key of the subscription's one root field. */
function rootKey(document: DocumentNode, operationName: string | null | undefined): string[] | undefined {
  const field = getOperationAST(document, operationName)?.selectionSet.selections[0];
  return field?.kind === Kind.FIELD ? [(field.alias ?? field.name).value] : undefined;
}

const DONE = { done: true, value: undefined } as const;

/**
 * `events` until `ended`, then one GOING_AWAY event (at `path`) and done. Not an async generator: its
 * `return()` would wait behind a pending `next()`, so a subscriber leaving a quiet feed would
 * keep the node's feed open.
 */
function endingWith(events: AsyncIterable<ExecutionResult>, ended: Promise<void>, path: readonly string[] | undefined): AsyncIterableIterator<ExecutionResult> {
  const source = events[Symbol.asyncIterator]();
  const closing = ended.then(() => 'closing' as const);
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    void Promise.resolve(source.return?.()).catch(() => undefined);
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return DONE;
      const next = await Promise.race([source.next(), closing]);
      if (next !== 'closing') {
        if (next.done) finished = true;
        return next;
      }
      finish();
      return goingAway(path);
    },
    async return() {
      finish();
      return DONE;
    },
    async throw(error: unknown) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
