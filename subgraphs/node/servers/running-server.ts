/** A node's GraphQL server as started by either stack. */
export interface RunningServer {
  /** http://host:port/graphql */
  readonly url: string;
  /** ws://host:port/graphql (graphql-ws protocol) */
  readonly wsUrl: string;
  readonly stack: 'apollo' | 'mercurius';
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly port: number;
  readonly host?: string;
}

/** The Authorization value a websocket client sent in its connection_init payload. */
export function authorizationFrom(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const value = (params as Record<string, unknown>).authorization ?? (params as Record<string, unknown>).Authorization;
  return typeof value === 'string' ? value : undefined;
}
