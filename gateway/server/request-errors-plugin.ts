import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { requestError } from './mask-error.js';

/**
 * Validation errors as the nodes give them: coded, HTTP 400 under graphql-response+json, without
 * "Did you mean …?". (The runtime's error mask leaves GraphQL's own errors alone, so they are
 * rewritten where they are made.)
 */
export function useRequestErrors(): GatewayPlugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => (error instanceof GraphQLError ? requestError(error) : error)));
      };
    },
  };
}
