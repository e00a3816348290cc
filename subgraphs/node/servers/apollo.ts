import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { tracedHandler } from '../../telemetry/index.js';
import { assertMayExecute } from '../access/index.js';
import type { CountryNode, NodeContext } from '../country-node.js';
import { maskError } from '../errors.js';
import { buildNodeSchema } from '../schema/index.js';
import { authorizationFrom, type RunningServer, type ServeOptions } from './running-server.js';
import { refuseForgeable, refuseMisshapen, refuseUnacceptable, refuseUnreadable } from './apollo-refusals.js';
import { limitRules } from './limits.js';
import { statusByData } from './apollo-status.js';
import { wsOperation } from './ws-operation.js';
import { listen } from './listen.js';

/** Serves a node with Apollo Server 5 on express 5; subscriptions over graphql-ws. */
export async function serveWithApollo(node: CountryNode, options: ServeOptions): Promise<RunningServer> {
  const schema = await buildNodeSchema();
  const app = express();
  const httpServer = createServer(tracedHandler(`mra-hub node ${node.country}`, { 'mra.node': node.country, 'mra.stack': 'apollo' }, app));
  // The websocket server is attached once the port is ours (below): attached before, it re-emits a
  // failed listen as its own "internal error" and graphql-ws prints the stack.
  const subscriptions: { ws?: { dispose(): Promise<void> | void } } = {};
  const apollo = new ApolloServer<NodeContext>({
    schema,
    // The process owns its signals (the CLI closes everything, then exits 0): Apollo's own handler
    // would stop the server and re-send the signal, so the process died of it (exit 143).
    stopOnTerminationSignals: false,
    introspection: true, // guarded per request below: authenticated authorities only
    allowBatchedHttpRequests: true,
    validationRules: limitRules(),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => (error instanceof GraphQLError ? maskError(error, codeOf(formatted)).toJSON() : formatted),
    persistedQueries: false, // as on mercurius: documents are sent in full
    csrfPrevention: false, // refuseForgeable: the nodes' and the gateway's one rule and answer
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => subscriptions.ws?.dispose() }) },
      ApolloServerPluginInlineTraceDisabled(),
      statusByData<NodeContext>(),
      { requestDidStart: async () => ({ didResolveOperation: async ({ document, contextValue }) => assertMayExecute(document, contextValue) }) },
    ],
  });
  await apollo.start();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', country: node.country, stack: 'apollo' });
  });
  app.use('/graphql', refuseForgeable, refuseUnacceptable, express.json({ limit: '1mb', strict: false }), refuseMisshapen, expressMiddleware(apollo, { context: ({ req }) => node.contextFor(req.headers.authorization) }));
  app.use(refuseUnreadable);
  const host = options.host ?? '127.0.0.1';
  try {
    await listen(httpServer, options.port, host);
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  subscriptions.ws = useServer<Record<string, unknown>, Record<string, unknown>>({
    schema,
    onConnect: async (ctx) => (await node.contextFor(authorizationFrom(ctx.connectionParams))).authError === null,
    // Each operation is checked as an HTTP request is (introspection for authenticated callers only).
    onSubscribe: async (ctx, _id, payload) => wsOperation(schema, payload, await node.contextFor(authorizationFrom(ctx.connectionParams))),
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => maskError(e)),
    // A result's errors masked as over HTTP (formatError), without the HTTP status an error carries.
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((e) => maskError(e).toJSON()) } : result),
  }, new WebSocketServer({ server: httpServer, path: '/graphql' }));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    stack: 'apollo',
    close: () => apollo.stop(),
  };
}

/** The code Apollo gave one of its own request errors (GRAPHQL_PARSE_FAILED, BAD_USER_INPUT, …). */
function codeOf(formatted: { extensions?: Record<string, unknown> }): string | undefined {
  const code = formatted.extensions?.code;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? code : undefined;
}
