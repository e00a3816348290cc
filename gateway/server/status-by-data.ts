import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';
import { withoutHttp } from '../../subgraphs/node/index.js';

/**
 * The HTTP status of an answer follows its data, as at the nodes (GraphQL over HTTP: a response
 * whose `data` is not null is 2xx). With data, field errors do not set the status, even
 * UNAUTHENTICATED at a field that needs a token beside fields that do not: 200. Without data, an
 * answer refused for the caller's token is 401, whether the gateway refused it or a node did
 * (a node's status does not come through its JSON). Any other status an error carries stays.
 */
export function withStatusByData(result: ExecutionResult): ExecutionResult {
  const errors = result.errors;
  if (!errors || errors.length === 0) return result;
  if (result.data !== null && result.data !== undefined) {
    if (!errors.some((e) => e.extensions?.http !== undefined)) return result;
    return { ...result, errors: errors.map(withoutHttp) };
  }
  if (errors.some((e) => e.extensions?.http !== undefined) || !errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return result;
  return { ...result, extensions: { ...result.extensions, http: { status: 401 } } };
}

/** The same rule on the runtime's own path (the fast lane applies it where it writes). */
export function useStatusByData(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (!Array.isArray(result) && !isAsyncIterableResult(result)) setResult(withStatusByData(result));
    },
  };
}

function isAsyncIterableResult(value: object): value is AsyncIterable<unknown> {
  return Symbol.asyncIterator in value;
}
