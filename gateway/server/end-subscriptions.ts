import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { nextOrWoken, WOKEN } from '../../subgraphs/node/index.js';
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
  const closing: Closing = { closed: false, waiting: new Set() };
  return {
    end() {
      closing.closed = true;
      for (const wake of closing.waiting) wake();
      closing.waiting.clear();
    },
    plugin: {
      onSubscribe: ({ args }) => ({
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(endingWith(result as AsyncIterable<ExecutionResult>, closing, rootKey(args.document, args.operationName)));
        },
      }),
    },
  };
}

/** Whether the gateway is closing, and the waits of the subscriptions' events (`nextOrWoken`) to wake when it does. */
interface Closing {
  closed: boolean;
  readonly waiting: Set<() => void>;
}

/**
 * The last event: an error at the subscription's field (a coded error there is the client's to see,
 * not a fault to log), so with `data: null`, as GraphQL wants a result whose field failed.
 */
const goingAway = (path: readonly string[] | undefined): IteratorResult<ExecutionResult> => ({
  done: false, value: { ...(path ? { data: null } : {}), errors: [gatewayError('GOING_AWAY', 'the gateway is shutting down: subscribe again later', {}, path)] },
});

/** The response key of the subscription's one root field (through fragments). */
function rootKey(document: DocumentNode, operationName: string | null | undefined): string[] | undefined {
  const operation = getOperationAST(document, operationName);
  const field = operation ? firstField(operation.selectionSet, document) : undefined;
  return field ? [(field.alias ?? field.name).value] : undefined;
}

function firstField(set: SelectionSetNode, document: DocumentNode): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    const inner = selection.kind === Kind.INLINE_FRAGMENT
      ? selection.selectionSet
      : document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value)?.selectionSet;
    const field = inner ? firstField(inner, document) : undefined;
    if (field) return field;
  }
  return undefined;
}

const DONE = { done: true, value: undefined } as const;

/**
 * `events` until the gateway closes, then one GOING_AWAY event (at `path`) and done. Not an async generator: its
 * `return()` would wait behind a pending `next()`, so a subscriber leaving a quiet feed would
 * keep the node's feed open.
 */
function endingWith(events: AsyncIterable<ExecutionResult>, gateway: Closing, path: readonly string[] | undefined): AsyncIterableIterator<ExecutionResult> {
  const source = events[Symbol.asyncIterator]();
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    void Promise.resolve(source.return?.()).catch(() => undefined);
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return DONE;
      const next = await nextOrWoken(source, (wake) => {
        if (gateway.closed) wake();
        else gateway.waiting.add(wake);
        return () => gateway.waiting.delete(wake);
      });
      if (next !== WOKEN) {
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
