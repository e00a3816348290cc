import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getGraphQLWSOptions } from '@graphql-hive/gateway-runtime';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { loadSupergraph, supergraphSubgraphs } from '../compose/index.js';
import type { GatewayConfig } from '../config/index.js';
import { authorizationFrom, listen, type CountryNode } from '../../subgraphs/node/index.js';
import { flushTracing, setupTracing, tracedHandler } from '../../subgraphs/telemetry/index.js';
import { GatewayConfigError } from '../errors.js';
import { jsonLogger, type Logger } from '../observability/index.js';
import { closeHttpServer } from './close-http-server.js';
import { createRuntime, type GraphiQLPreset } from './create-runtime.js';
import { fastLane } from './fast-lane.js';
import { failuresAsWsErrors, refusalAsResult, wsErrorMessage, withoutHttpStatus } from './ws-errors.js';

/** WebSocket close code 1013 (Try Again Later): the server cannot take the connection now. */
const TRY_AGAIN_LATER = 1013;

/** graphql-yoga's default request body limit, which the fast lane keeps too. */
const MAX_BODY_BYTES = 25_000_000;

export interface StartGatewayOptions {
  readonly config: GatewayConfig;
  readonly now?: () => Date;
  readonly log?: Logger;
  /** Token to read the nodes' `_service { sdl }` (else `config.serviceTokenFile`, else none). */
  readonly serviceToken?: string;
  /** What GraphiQL starts with: headers (a token). */
  readonly graphiql?: GraphiQLPreset;
  /** Nodes of `config.nodes` that run in this process (the home node beside its gateway): the gateway asks them in-process, not over HTTP. */
  readonly localNodes?: readonly CountryNode[];
}

export interface RunningGateway {
  /** http://host:port/graphql — also GraphiQL in a browser, and SSE subscriptions */
  readonly url: string;
  /** ws://host:port/graphql (graphql-ws protocol) */
  readonly wsUrl: string;
  readonly supergraph: string;
  close(): Promise<void>;
}

/**
 * Composes (or reads) the supergraph and serves it on one port: GraphQL over HTTP, SSE and
 * graphql-ws at /graphql, GraphiQL from local assets, /healthz, /readyz and /metrics.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? jsonLogger({ level: config.logLevel, now });
  const supergraph = await loadSupergraph(config, { log, ...(options.serviceToken !== undefined ? { serviceToken: options.serviceToken } : {}) });
  const { runtime, authenticate, lane, endSubscriptions } = await createRuntime({
    config, supergraph, log, now, ...(options.graphiql ? { graphiql: options.graphiql } : {}), ...(options.localNodes ? { localNodes: options.localNodes } : {}),
  });
  // Trusted-documents mode refuses arbitrary documents in the runtime's request parsing: keep it all there.
  // Load the supergraph now: HTTP requests would load it on first use, but websocket
  // subscriptions skip that step and would find no schema.
  await runtime.getSchema();
  if (config.tracing.enabled) setupTracing({ serviceName: config.tracing.serviceName, endpoint: config.tracing.endpoint });
  const handler = config.persistedDocuments ? runtime : fastLane(runtime, { endpoint: '/graphql', maxBodyBytes: MAX_BODY_BYTES, ...(lane ? { lane } : {}) });
  const server = createServer(tracedHandler('mra-hub gateway', { 'mra.home': config.home ?? '' }, handler));
  // The nodes' listen: its error listener goes once the port is held (left on, a later accept
  // error such as EMFILE would have disposed the runtime of a gateway still serving).
  await listen(server, config.listen.port, config.listen.host).catch((error: NodeJS.ErrnoException) => {
    void runtime.dispose();
    throw new GatewayConfigError(`cannot listen on ${config.listen.host}:${config.listen.port}: ${error.code ?? error.message}`);
  });
  // Attached once the port is ours: attached before, the websocket server re-emits a failed listen
  // and graphql-ws prints it as an "internal error" stack before the one-line message.
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const wsOptions = getGraphQLWSOptions<Record<string, unknown>, Extra>(runtime, (ctx) => ({ req: ctx.extra.request, socket: ctx.extra.socket }));
  const { execute, subscribe } = wsOptions;
  if (!execute || !subscribe) throw new Error('the runtime gave no graphql-ws execute and subscribe');
  const ws = useServer({
    ...wsOptions,
    // A bad token is refused at connection_init (graphql-ws closes with 4403 Forbidden), before
    // connection_ack. A token that cannot be checked (the home node down while its key is read) is
    // no refusal: the socket closes with 1013 (Try Again Later), naming the node, as HTTP answers 503.
    onConnect: async (ctx) => {
      try {
        await authenticate(authorizationFrom(ctx.connectionParams));
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'NODE_UNAVAILABLE') ctx.extra.socket.close(TRY_AGAIN_LATER, error.message);
        return false;
      }
      return wsOptions.onConnect ? wsOptions.onConnect(ctx) : true;
    },
    // An operation that fails ends with graphql-ws's `error` message, as at the nodes, not a `next`.
    execute: async (args) => failuresAsWsErrors(await refusalAsResult(async () => execute(args))),
    subscribe: async (args) => failuresAsWsErrors(await refusalAsResult(async () => subscribe(args))),
    onError: (_ctx, _id, _payload, errors) => wsErrorMessage(errors),
    // The HTTP status an error carries is for HTTP responses (yoga drops it there); not sent here.
    onNext: async (ctx, id, payload, args, result) => {
      const sent = wsOptions.onNext ? await wsOptions.onNext(ctx, id, payload, args, result) : undefined;
      return withoutHttpStatuses(sent ?? result);
    },
  }, wsServer);
  const { port } = server.address() as AddressInfo;
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  let closing: Promise<void> | undefined;
  // What it serves, read from the supergraph itself (a `--supergraph` file names no nodes or subgraphs in the settings).
  log.info('gateway listening', { url: `http://${host}:${port}/graphql`, home: config.home ?? null, subgraphs: supergraphSubgraphs(supergraph) });
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    supergraph,
    // Once: a second call (an owner closing everything it started) waits for the first.
    close: () => (closing ??= (async () => {
      // SSE streams end first (GOING_AWAY, then complete), or the server would wait for their clients to leave.
      endSubscriptions();
      try {
        // graphql-ws clients are told 1001 (Going away) while the server stops accepting and the
        // requests in flight finish (their connections close once answered).
        await Promise.all([ws.dispose(), closeHttpServer(server)]);
      } finally {
        await runtime.dispose();
        // The spans of the last requests, which the batch would send only after its delay.
        await flushTracing();
      }
    })()),
  };
}

/** A result whose errors no longer carry `extensions.http`. */
function withoutHttpStatuses(result: ExecutionResult | FormattedExecutionResult): FormattedExecutionResult {
  const errors = result.errors?.map((error) => withoutHttpStatus('toJSON' in error && typeof error.toJSON === 'function' ? (error.toJSON() as GraphQLFormattedError) : (error as GraphQLFormattedError)));
  return { ...(result as FormattedExecutionResult), ...(errors ? { errors } : {}) };
}
