import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { acceptableMediaTypes, notAcceptableMessage, RESULT_MEDIA_TYPES } from '../../subgraphs/node/index.js';
import type { GatewayErrorCode } from '../errors.js';

/** What the runtime answers in: one result as JSON (either type), a stream as SSE or multipart. */
const OFFERED: readonly string[] = [...RESULT_MEDIA_TYPES, 'text/event-stream', 'multipart/mixed'];

/**
 * Content negotiation with q-values, as at the nodes (`acceptableMediaTypes`). graphql-yoga picks a
 * result's media type from the Accept header's types alone: it answered
 * `application/graphql-response+json;q=0, application/json` in the type refused. It is handed the
 * header as negotiated instead, the acceptable types best first (so it still answers one result in
 * JSON whenever a JSON type is acceptable, as it prefers). A request that accepts none of them is
 * refused before it runs (GraphQL over HTTP): 406, BAD_REQUEST, in application/json. After the CSRF
 * check (a forgeable request is 403 whatever it accepts) and before the body is read, as at the nodes.
 */
export function useMediaTypeNegotiation(): GatewayPlugin {
  return {
    onRequestParse({ request }) {
      const accept = request.headers.get('accept');
      if (!accept) return; // none: anything, application/json first (yoga's default too)
      const acceptable = acceptableMediaTypes(accept, OFFERED);
      request.headers.set('accept', acceptable.length > 0 ? acceptable.join(', ') : 'application/json');
      if (acceptable.length === 0) {
        throw new GraphQLError(notAcceptableMessage(OFFERED), { extensions: { code: 'BAD_REQUEST' satisfies GatewayErrorCode, http: { status: 406 } } });
      }
    },
  };
}
