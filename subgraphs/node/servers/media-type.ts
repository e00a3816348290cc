import type { FastifyInstance } from 'fastify';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** True when the client's Accept names application/graphql-response+json before application/json. */
export function prefersGraphQLResponse(accept: string | undefined): boolean {
  const types = (accept ?? '').split(',').map((entry) => entry.split(';')[0]?.trim().toLowerCase());
  const index = types.indexOf(GRAPHQL_RESPONSE);
  const json = types.indexOf('application/json');
  return index !== -1 && (json === -1 || index < json);
}

/**
 * GraphQL over HTTP: answer in application/graphql-response+json when the client asks for it, as
 * Apollo's node does. (mercurius writes every answer as application/json.)
 */
export function answerGraphQLResponse(app: FastifyInstance, path: string): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (request.url.split('?')[0] === path && typeof type === 'string' && type.startsWith('application/json') && prefersGraphQLResponse(request.headers.accept)) {
      reply.header('content-type', `${GRAPHQL_RESPONSE}; charset=utf-8`);
    }
    return payload;
  });
}
