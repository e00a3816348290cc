import type { FastifyInstance } from 'fastify';
import { notAcceptableBody, resultMediaType } from './accept.js';

/**
 * GraphQL over HTTP at `path`, negotiated as Apollo's node negotiates it (`resultMediaType`, q-values
 * honoured): a request whose Accept header accepts neither media type is refused before it runs,
 * 406 BAD_REQUEST; an answer goes out in application/graphql-response+json when that is the type
 * negotiated (mercurius writes every answer as application/json). Registered after the CSRF check,
 * as on Apollo's node: a forgeable request is 403 whatever it accepts.
 */
export function negotiateMediaType(app: FastifyInstance, path: string): void {
  const atPath = (url: string) => url.split('?')[0] === path;
  app.addHook('onRequest', async (request, reply) => {
    // A websocket upgrade is a GET too: graphql-ws has no Accept to negotiate.
    if (!atPath(request.url) || request.headers.upgrade !== undefined || resultMediaType(request.headers.accept) !== undefined) return;
    await reply.code(406).type('application/json').send(notAcceptableBody());
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (atPath(request.url) && typeof type === 'string' && type.startsWith('application/json') && resultMediaType(request.headers.accept) === 'application/graphql-response+json') {
      reply.header('content-type', 'application/graphql-response+json; charset=utf-8');
    }
    return payload;
  });
}
