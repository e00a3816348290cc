import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; locations?: readonly { line: number; column: number }[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** POSTs one operation (or a batch) to a GraphQL endpoint, as a frontend would (with any extra headers). */
export async function post<T = Record<string, unknown>>(
  url: string, body: unknown, token?: string, headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { batch?: GraphQLResponse<T>[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as GraphQLResponse<T> | GraphQLResponse<T>[];
  return Array.isArray(json) ? { status: response.status, batch: json } : { ...json, status: response.status };
}

/** Runs a query with variables and an optional bearer token. */
export function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  return post<T>(url, { query, variables }, token);
}

/** The error codes of a response, keyed by path ("operator.taxId"). */
export function codesByPath(response: GraphQLResponse): Record<string, string> {
  return Object.fromEntries((response.errors ?? []).map((e) => [(e.path ?? []).join('.'), e.extensions?.code ?? '']));
}

/** Subscribes over graphql-ws and collects events until `count` arrived (or the timeout). */
export function subscribe(wsUrl: string, query: string, token?: string) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });
  const events: GraphQLResponse[] = [];
  let failure: unknown = null;
  const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query }, {
      next: (value) => void events.push({ status: 200, ...(value as object) }),
      error: (error) => {
        failure = error;
        resolve();
      },
      complete: () => resolve(),
    });
  });
  return { events, ready, done, failure: () => failure, close: () => client.dispose() };
}
