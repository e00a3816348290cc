import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { requestShapeError } from '../../subgraphs/node/index.js';
import { requestError } from './mask-error.js';

/**
 * Request errors as the nodes give them. Validation errors: coded, HTTP 400 under
 * graphql-response+json, without "Did you mean …?" (the runtime's error mask leaves GraphQL's own
 * errors alone, so they are rewritten where they are made). A parameter of the wrong type the
 * runtime lets through (an `operationName` that is not a string): BAD_REQUEST, HTTP 400.
 */
export function useRequestErrors(): GatewayPlugin {
  return {
    onParams({ params }) {
      const problem = requestShapeError(params, false);
      if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => (error instanceof GraphQLError ? requestError(error) : error)));
      };
    },
  };
}
