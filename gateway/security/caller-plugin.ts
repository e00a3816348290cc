import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type DocumentNode } from 'graphql';
import { isAsyncIterable } from '@graphql-tools/utils';
import { asksForSchema, authenticateWith, authorizationFrom, unauthenticated, untilExpiry, type Caller, type KeyLookup } from '../../subgraphs/node/index.js';

/** What the gateway adds to each request's context once it has checked the caller's token. */
export interface CallerContext {
  readonly mraCaller: Caller | null;
  /** The caller's own Authorization header, forwarded to every node. */
  readonly mraAuthorization: string | undefined;
}

/** The Authorization a request carries: its HTTP header, or a websocket's connection_init payload. */
export function authorizationOf(context: Record<string, unknown>): string | undefined {
  const request = context.request as Request | undefined;
  return authorizationFrom(context.connectionParams) ?? request?.headers.get('authorization') ?? undefined;
}

/**
 * Authenticates every operation against the ledger's trust registry before it runs (a bad token
 * is UNAUTHENTICATED, HTTP 401; no token is an anonymous caller), and keeps introspection for
 * authenticated authorities, as the nodes do. A subscription ends when its caller's token
 * expires (by `now`), over graphql-ws and SSE alike: one error, UNAUTHENTICATED "token expired",
 * as at the nodes, whatever subgraph the events come from.
 */
export function useCaller(authenticate: Authenticate, now: () => Date): GatewayPlugin<CallerContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const authorization = authorizationOf(context as Record<string, unknown>);
      const caller = await authenticate(authorization);
      extendContext({ mraCaller: caller, mraAuthorization: authorization });
    },
    onExecute: ({ args }) => refuseAnonymousIntrospection(args.contextValue, args.document),
    onSubscribe: ({ args }) => {
      refuseAnonymousIntrospection(args.contextValue, args.document);
      const expiresAt = (args.contextValue as Partial<CallerContext>).mraCaller?.expiresAt;
      if (!expiresAt) return undefined;
      return {
        onSubscribeResult: ({ result, setResult }) => {
          if (isAsyncIterable(result)) setResult(untilExpiry(result, expiresAt, now));
        },
      };
    },
  };
}

/** The caller of an Authorization value, checked against the ledger's keys (throws UNAUTHENTICATED; none is anonymous). */
export type Authenticate = (authorization: string | undefined) => Promise<Caller | null>;

/**
 * `authenticateWith` over one key registry and clock: the one check the runtime's plugins, the
 * home lane and websockets share. A refused token is the client's to fix, not a fault of the
 * gateway's: `onRefused` hears of each one once (the gateway logs it as a warning).
 */
export function authenticator(lookup: KeyLookup, now: () => Date, onRefused?: (error: GraphQLError) => void): Authenticate {
  return async (authorization) => {
    try {
      return await authenticateWith(authorization, lookup, now());
    } catch (error) {
      // Only a refusal of the token itself: a key that cannot be read (the home node down) is the gateway's fault.
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') onRefused?.(error);
      throw error;
    }
  };
}

/** Introspection is for authenticated authorities only: an anonymous caller's is UNAUTHENTICATED. */
export function refuseAnonymousIntrospection(context: unknown, document: DocumentNode): void {
  if (!(context as Partial<CallerContext>).mraCaller && asksForSchema(document)) throw unauthenticated('introspection is available to authenticated authorities only');
}
