import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { Agent } from 'undici';
import { printedOnce } from './printed.js';

/** One keep-alive connection pool per node, shared by every client in the process. */
let agent: Agent | undefined;

export interface HttpQuery {
  readonly document: DocumentNode;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

/**
 * Sends one GraphQL query or mutation to a node over HTTP (undici, keep-alive) and returns the
 * node's answer, or undefined when no GraphQL answer came: the node could not be reached, had
 * not given its whole answer within `timeoutMs` of the start, or answered with something other than a GraphQL JSON result.
 * Errors come back as GraphQLErrors with the node's message, path and extensions (its locations
 * refer to the document the gateway sent, not the client's, and are left out: the jurisdiction
 * executor points each error at the client's fields by its path).
 */
export async function postQuery(url: URL, request: HttpQuery, headers: Record<string, string>, timeoutMs: number): Promise<ExecutionResult | undefined> {
  const body = JSON.stringify({ query: printedOnce(request.document), variables: request.variables ?? {}, ...(request.operationName ? { operationName: request.operationName } : {}) });
  // One deadline for the whole exchange (connecting, sending, the answer's every byte), not per phase.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    agent ??= new Agent({ keepAliveTimeout: 10_000 });
    const response = await agent.request({
      origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', body, signal: deadline.signal,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    });
    const type = String(response.headers['content-type'] ?? '');
    if (!/^application\/(graphql-response\+)?json\b/i.test(type)) {
      await response.body.dump();
      return undefined;
    }
    return resultOf(await response.body.json());
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** A GraphQL result read from JSON (its errors as GraphQLErrors), or undefined if the JSON is not one. */
export function resultOf(json: unknown): ExecutionResult | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { data, errors, extensions } = json as { data?: unknown; errors?: unknown; extensions?: unknown };
  if (errors !== undefined && !Array.isArray(errors)) return undefined;
  const result: { data?: ExecutionResult['data']; errors?: GraphQLError[]; extensions?: ExecutionResult['extensions'] } = {};
  if (data !== undefined) result.data = data as ExecutionResult['data'];
  if (errors) result.errors = errors.map(errorOf);
  if (typeof extensions === 'object' && extensions !== null) result.extensions = extensions as ExecutionResult['extensions'];
  return result;
}

function errorOf(error: unknown): GraphQLError {
  const { message, path, extensions } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; path?: unknown; extensions?: unknown };
  return new GraphQLError(typeof message === 'string' ? message : 'error', {
    ...(Array.isArray(path) ? { path: path as (string | number)[] } : {}),
    ...(typeof extensions === 'object' && extensions !== null ? { extensions: extensions as Record<string, unknown> } : {}),
  });
}
