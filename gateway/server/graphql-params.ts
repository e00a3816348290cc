import { requestShapeError } from '../../subgraphs/node/index.js';

/** Requests the runtime must see itself: subscriptions, incremental delivery. */
const STREAMED = /\bsubscription\b|@defer\b|@stream\b/;

/** The keys of GraphQL over HTTP's request parameters. */
const PARAMETERS = new Set(['query', 'variables', 'operationName', 'extensions']);

/** A GraphQL request's JSON body, well-formed: a query text, and the other parameters if given. */
export interface GraphQLParamsBody {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
  readonly extensions?: Record<string, unknown> | null;
}

/**
 * The single, well-formed GraphQL request in a JSON body that answers with one result: no key
 * but the four parameters (a null one counts as absent), a query text, variables and extensions
 * objects, a string operation name. Anything else (not JSON, a batch, a subscription, `@defer`,
 * a malformed parameter) is undefined: the runtime judges it and answers with its own error.
 */
export function graphQLParamsOf(body: Buffer): GraphQLParamsBody | undefined {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (requestShapeError(params, false) !== undefined) return undefined;
  const fields = params as Record<string, unknown>;
  const wellFormed = Object.entries(fields).every(([key, value]) => value === undefined || value === null || PARAMETERS.has(key))
    && typeof fields.query === 'string' && !STREAMED.test(fields.query);
  return wellFormed ? fields as unknown as GraphQLParamsBody : undefined;
}
