import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { print, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SpanKind } from '@opentelemetry/api';
import { inSpan, traceHeaders } from '../../subgraphs/telemetry/index.js';
import { gatewayError } from '../errors.js';

export interface NodeRequest {
  readonly document: DocumentNode;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

/** How the gateway talks to one country node, always with the caller's own Authorization. */
export interface NodeClient {
  readonly country: string;
  readonly url: string;
  query(request: NodeRequest, authorization: string | undefined): Promise<ExecutionResult>;
  subscribe(request: NodeRequest, authorization: string | undefined): AsyncIterable<ExecutionResult>;
}

/** GraphQL over HTTP (@graphql-tools/executor-http) for queries, graphql-ws for subscriptions. */
export function nodeClient(country: string, url: string, timeoutMs = 10_000): NodeClient {
  const http = buildHTTPExecutor({
    endpoint: url,
    timeout: timeoutMs,
    headers: (request): Record<string, string> => {
      const authorization = (request?.context as { authorization?: string } | undefined)?.authorization;
      return { ...traceHeaders(), ...(authorization ? { authorization } : {}) };
    },
  });
  const wsUrl = url.replace(/^http/, 'ws');
  return {
    country,
    url,
    query(request, authorization) {
      return inSpan(`fetch from ${country}'s node`, { 'mra.node': country, 'server.address': url }, async () => {
        const result = await http({ ...request, context: { authorization } });
        if (Symbol.asyncIterator in result) throw new Error(`${country}'s node answered a query with a stream`);
        return answeredByNode(result) ? result : { errors: [unavailable(country)] };
      }, SpanKind.CLIENT);
    },
    subscribe(request, authorization) {
      const client = createClient({
        url: wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0,
        connectionParams: authorization ? { authorization } : {},
      });
      const events = client.iterate({ query: print(request.document), variables: request.variables ?? {}, operationName: request.operationName ?? null });
      return closingWith(events as AsyncIterableIterator<ExecutionResult>, () => void client.dispose());
    },
  };
}

/**
 * The node's events, closing the websocket when they end or the subscriber leaves. (An async
 * generator would not do: its `return()` waits behind a pending `next()`, so a quiet feed would
 * keep the connection open for ever after the client unsubscribed.)
 */
function closingWith(events: AsyncIterableIterator<ExecutionResult>, close: () => void): AsyncIterableIterator<ExecutionResult> {
  const done = { done: true, value: undefined } as const;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const result = await events.next();
      if (result.done) close();
      return result;
    },
    async return() {
      close();
      await events.return?.();
      return done;
    },
    async throw(error: unknown) {
      close();
      return events.throw ? events.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Codes the HTTP executor gives its own failures (no connection, no answer, not GraphQL, too slow). */
const TRANSPORT_CODES = new Set(['SUBREQUEST_HTTP_ERROR', 'RESPONSE_VALIDATION_FAILED', 'TIMEOUT_ERROR']);

/** Data, or errors the node itself coded (UNAUTHENTICATED, ...): anything else is a transport failure. */
function answeredByNode(result: ExecutionResult): boolean {
  if (result.data !== undefined && result.data !== null) return true;
  return (result.errors ?? []).some((e) => typeof e.extensions?.code === 'string' && !TRANSPORT_CODES.has(e.extensions.code));
}

/** What a caller is told when a node cannot be reached: which node, never how it failed. */
export function unavailable(country: string, path?: readonly (string | number)[]): GraphQLError {
  return gatewayError('NODE_UNAVAILABLE', `${country}'s node is unavailable`, { node: country }, path);
}
