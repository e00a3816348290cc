import type { ASTNode, DocumentNode, ExecutionResult, GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SpanKind } from '@opentelemetry/api';
import { nodeError, type MraTermsView } from '../../subgraphs/node/index.js';
import { inSpan, traceHeaders } from '../../subgraphs/telemetry/index.js';
import { gatewayError } from '../errors.js';
import { postQuery } from './http-query.js';
import { nodeEvents } from './node-events.js';
import { printedOnce } from './printed.js';

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
  /** The MRAs of the node's replica as they stand, where the node runs in this process (no query needed). */
  readonly mras?: () => readonly MraTermsView[];
}

/** GraphQL over HTTP (undici, keep-alive) for queries and mutations, graphql-ws for subscriptions. */
export function nodeClient(country: string, url: string, timeoutMs = 10_000): NodeClient {
  const endpoint = new URL(url);
  const wsUrl = url.replace(/^http/, 'ws');
  return {
    country,
    url,
    query(request, authorization) {
      return inSpan(`fetch from ${country}'s node`, { 'mra.node': country, 'server.address': url }, async () => {
        const result = await postQuery(endpoint, request, { ...traceHeaders(), ...(authorization ? { authorization } : {}) }, timeoutMs);
        return result && answeredByNode(result) ? result : { errors: [unavailable(country)] };
      }, SpanKind.CLIENT);
    },
    subscribe(request, authorization) {
      const client = createClient({
        url: wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0,
        connectionParams: authorization ? { authorization } : {},
      });
      const events = client.iterate({ query: printedOnce(request.document), variables: request.variables ?? {}, operationName: request.operationName ?? null });
      return nodeEvents(events as AsyncIterableIterator<ExecutionResult>, unavailable(country), () => void client.dispose(), refusedToken(country));
    },
  };
}

/** Data, or errors the node itself coded (UNAUTHENTICATED, ...): anything else (a proxy's error page, say) is no answer. */
function answeredByNode(result: ExecutionResult): boolean {
  if (result.data !== undefined && result.data !== null) return true;
  return (result.errors ?? []).some((e) => typeof e.extensions?.code === 'string');
}

/** What a caller is told when a node refused its token at connection_init: UNAUTHENTICATED, as the node would answer it over HTTP. */
function refusedToken(country: string): GraphQLError {
  return nodeError('UNAUTHENTICATED', `${country}'s node refused the token`, { node: country });
}

/** What a caller is told when a node cannot be reached: which node, never how it failed. */
export function unavailable(country: string, path?: readonly (string | number)[], nodes?: readonly ASTNode[]): GraphQLError {
  return gatewayError('NODE_UNAVAILABLE', `${country}'s node is unavailable`, { node: country }, path, nodes);
}

/** Whether a node client's result is no answer at all (`unavailable`, at no field): the node itself was not reached. */
export function unanswered(result: ExecutionResult): boolean {
  return (result.data === null || result.data === undefined) && (result.errors?.length ?? 0) > 0
    && (result.errors ?? []).every((e) => e.extensions.code === 'NODE_UNAVAILABLE' && e.path === undefined);
}
