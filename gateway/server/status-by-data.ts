import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';
import { withoutHttp } from '../../subgraphs/node/index.js';

/** When a client may ask again after an outage (a node that did not answer): `Retry-After`, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP status of an answer follows its data, as at the nodes (GraphQL over HTTP: a response
 * whose `data` is not null is 2xx). With data, field errors do not set the status, even
 * UNAUTHENTICATED at a field that needs a token beside fields that do not, or NODE_UNAVAILABLE
 * at the fields of a node that is down: 200. Without data (none, or `null`), an answer refused
 * for the caller's token is 401, whether the gateway refused it or a node did (a node's status
 * does not come through its JSON); one that a node's outage left with nothing to give (the home
 * node down while a token's key is read, or every field of the answer that node's) is the
 * server's, 503 with `Retry-After`, never a client's 4xx. Any other status an error carries stays.
 */
export function withStatusByData(result: ExecutionResult): ExecutionResult {
  const errors = result.errors;
  if (!errors || errors.length === 0) return result;
  if (result.data !== null && result.data !== undefined) {
    if (!errors.some((e) => e.extensions?.http !== undefined)) return result;
    return { ...result, errors: errors.map(withoutHttp) };
  }
  if (errors.some((e) => e.extensions?.http !== undefined)) return result;
  const http = statusWithoutData(errors.map((e) => e.extensions?.code));
  return http ? { ...result, extensions: { ...result.extensions, http } } : result;
}

function statusWithoutData(codes: readonly unknown[]): { status: number; headers?: Record<string, string> } | undefined {
  if (codes.includes('UNAUTHENTICATED')) return { status: 401 };
  if (codes.includes('NODE_UNAVAILABLE')) return { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
  return undefined;
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
