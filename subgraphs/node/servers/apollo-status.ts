import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Apollo Server answers with the HTTP status an error carries (401 for UNAUTHENTICATED) even when
 * data came back. GraphQL over HTTP says an answer with data is 2xx, and the mercurius node and the
 * gateway answer 200 there: so here too, a field that needs a token beside fields that do not is
 * a 200 with data and the field's error. Without data the error's status stays (401).
 */
export function statusByData<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const { body } = response;
          if (body.kind === 'single' && body.singleResult.data !== null && body.singleResult.data !== undefined) response.http.status = 200;
        },
      };
    },
  };
}
