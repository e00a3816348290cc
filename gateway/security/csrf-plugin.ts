import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { csrfRefusal } from '../../subgraphs/node/index.js';
import type { GatewayErrorCode } from '../errors.js';

/**
 * CSRF prevention, as at the nodes (`csrfRefusal`): a request a browser may send cross-site
 * without a preflight (a GET, or a form POST) must carry one of the CSRF headers. The refusal is
 * HTTP 403 coded CSRF_PREVENTED, so clients can tell it from a GraphQL validation failure.
 */
export function useCsrfPrevention(): GatewayPlugin {
  return {
    onRequestParse({ request }) {
      const refusal = csrfRefusal(request.headers.get('content-type') ?? undefined, (name) => request.headers.has(name));
      if (refusal) throw new GraphQLError(refusal, { extensions: { code: 'CSRF_PREVENTED' satisfies GatewayErrorCode, http: { status: 403 } } });
    },
  };
}
