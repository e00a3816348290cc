import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

/** Content types a browser sends without a CORS preflight ("simple" requests). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF prevention (as graphql-yoga's plugin decides it): a request a browser may send cross-site
 * without a preflight (a GET, or a form POST) must carry one of `headers`. The refusal is HTTP 403
 * coded CSRF_PREVENTED, so clients can tell it from a GraphQL validation failure.
 */
export function useCsrfPrevention(headers: readonly string[]): GatewayPlugin {
  return {
    onRequestParse({ request }) {
      const type = request.headers.get('content-type')?.toLowerCase();
      if (type && !SIMPLE_CONTENT_TYPES.some((simple) => type.startsWith(simple))) return;
      if (headers.some((name) => request.headers.has(name))) return;
      throw new GraphQLError(`a request without a JSON body needs one of the headers ${headers.join(', ')} (CSRF prevention)`, {
        extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } },
      });
    },
  };
}
