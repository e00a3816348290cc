import { createServer } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import type { WebSocket } from 'ws';
import { tracedHandler } from '../../telemetry/index.js';
import { assertMayExecute } from '../access/index.js';
import type { CountryNode, NodeContext } from '../country-node.js';
import { buildNodeSchema } from '../schema/index.js';
import { csrfRefusal, csrfRefusalBody } from './csrf.js';
import { formatMercuriusErrors } from './mercurius-errors.js';
import { limitRules } from './limits.js';
import { negotiateMediaType } from './media-type.js';
import { requestShapeError } from './request-shape.js';
import { refusalsOf } from './ws-operation.js';
import { refuseWith4403 } from './refuse-with-4403.js';
import { authorizationFrom, type RunningServer, type ServeOptions } from './running-server.js';

/** Serves a node with mercurius on fastify; subscriptions over graphql-ws. */
export async function serveWithMercurius(node: CountryNode, options: ServeOptions): Promise<RunningServer> {
  const schema = await buildNodeSchema();
  const app = Fastify({
    logger: false,
    serverFactory: (handler) => createServer(tracedHandler(`mra-hub node ${node.country}`, { 'mra.node': node.country, 'mra.stack': 'mercurius' }, handler)),
  });
  app.get('/healthz', async () => ({ status: 'ok', country: node.country, stack: 'mercurius' }));
  // A request a browser could forge cross-site (a GET, a form POST) needs a CSRF header, as at the
  // Apollo node and the gateway. (A websocket upgrade is a GET too: graphql-ws checks its own.)
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== '/graphql' || request.headers.upgrade !== undefined) return;
    const refusal = csrfRefusal(request.headers['content-type'], (name) => request.headers[name] !== undefined);
    if (refusal) await reply.code(403).type('application/json').send(csrfRefusalBody(refusal));
  });
  negotiateMediaType(app as unknown as FastifyInstance, '/graphql');
  // A body of the wrong shape is refused before fastify's own schema check, which would coerce
  // `query: 7` into a string (then fail inside mercurius) and code the rest as GraphQL validation.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== '/graphql') return;
    const problem = requestShapeError(request.body);
    if (problem) await reply.code(400).type('application/json').send({ errors: [{ message: problem, extensions: { code: 'BAD_REQUEST' } }] });
  });
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    allowBatchedQueries: true,
    validationRules: limitRules(),
    context: (request) => node.contextFor(request.headers.authorization),
    subscription: {
      // Called with each connection's socket just before onConnect: a refusal there closes with 4403.
      context: (socket: WebSocket) => {
        refuseWith4403(socket);
        return {};
      },
      onConnect: async ({ payload }) => {
        const context = await node.contextFor(authorizationFrom(payload));
        return context.authError ? false : context;
      },
    },
    // The body is what decides a persisted-query refusal. (Cast: mercurius types data as ObjMap only.)
    errorFormatter: (execution, context) => formatMercuriusErrors(execution, context.reply?.request.body) as ReturnType<typeof mercurius.defaultErrorFormatter>,
  });
  // mercurius runs subscriptions without validating them: check them as the other servers do.
  app.graphql.addHook('preSubscriptionExecution', async (hookSchema, document, context) => {
    const [refused] = refusalsOf(hookSchema, document, context as unknown as NodeContext);
    if (refused) throw refused;
  });
  app.graphql.addHook('preExecution', async (_schema, document, context) => {
    assertMayExecute(document, context as unknown as NodeContext);
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    await app.close(); // the port is not ours (EADDRINUSE …): release what register() opened
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    stack: 'mercurius',
    close: () => app.close(),
  };
}
