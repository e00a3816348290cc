import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { GraphQLParams } from 'graphql-yoga';
import { BODY_NOT_JSON, BODY_NOT_OBJECT, requestShapeError } from '../../subgraphs/node/index.js';
import type { GatewayErrorCode } from '../errors.js';
import { requestError } from './mask-error.js';

/**
 * Request errors as the nodes give them. A body that is not JSON: BAD_REQUEST, HTTP 400. Validation errors: coded, HTTP 400 under
 * graphql-response+json, without "Did you mean …?" (the runtime's error mask leaves GraphQL's own
 * errors alone, so they are rewritten where they are made). A parameter of the wrong type the
 * runtime lets through (an `operationName` that is not a string): BAD_REQUEST, HTTP 400. A
 * persisted query's hash without trusted documents: PERSISTED_QUERY_NOT_SUPPORTED, as at the nodes.
 */
export function useRequestErrors(options: { readonly persistedDocuments: boolean }): GatewayPlugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === 'POST' && /^application\/(graphql\+)?json\b/i.test(request.headers.get('content-type') ?? '')) setRequestParser(jsonBody);
    },
    onParams({ params }) {
      const problem = requestShapeError(params, false);
      if (problem) throw badRequest(problem);
      // Without trusted documents, documents are sent in full: a hash alone is answered as the nodes (and Apollo) answer it.
      if (!options.persistedDocuments && params.query === undefined && typeof params.extensions?.persistedQuery === 'object') {
        throw new GraphQLError('PersistedQueryNotSupported', { extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' satisfies GatewayErrorCode, http: { status: 200 } } });
      }
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => (error instanceof GraphQLError ? requestError(error) : error)));
      };
    },
  };
}

/**
 * A JSON request body, read as the runtime reads it, refused as the nodes refuse it, in the nodes'
 * words: 400 BAD_REQUEST, BODY_NOT_JSON (the runtime's own error carries the parser's complaint,
 * which the mask would have to strip: a replaced error is logged as a fault), or BODY_NOT_OBJECT
 * for JSON that is not an object (a list goes on: the runtime refuses batches itself).
 */
async function jsonBody(request: Request): Promise<GraphQLParams> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw badRequest(BODY_NOT_JSON);
  }
  if (typeof body !== 'object' || body === null) throw badRequest(BODY_NOT_OBJECT);
  return body as GraphQLParams;
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' satisfies GatewayErrorCode, http: { status: 400 } } });
}
