import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { GatewayErrorCode } from '../errors.js';
import type { CallerContext } from './caller-plugin.js';
import { TokenBuckets } from './token-bucket.js';

export interface RateLimitOptions {
  readonly perSecond: number;
  readonly burst: number;
  readonly now: () => Date;
}

/**
 * Per-caller rate limiting: every operation (HTTP on the fast lane or the runtime's path, SSE,
 * graphql-ws) takes a token from its caller's bucket once the caller is authenticated. Callers
 * are told apart by authority and subject; anonymous ones by their address. Over the limit:
 * RATE_LIMITED, HTTP 429 with Retry-After, before any node is asked.
 */
export function useRateLimit(check: RateLimiter): GatewayPlugin<CallerContext> {
  return {
    onExecute: ({ args }) => check(args.contextValue),
    onSubscribe: ({ args }) => check(args.contextValue),
  };
}

/** Takes a token for the caller of an operation's context, or throws RATE_LIMITED. */
export type RateLimiter = (context: unknown) => void;

export function rateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new TokenBuckets(options);
  return (context) => {
    const taken = buckets.take(callerKey(context as Partial<CallerContext> & { req?: IncomingMessage }));
    if (taken.allowed) return;
    throw new GraphQLError(`rate limit exceeded: at most ${options.burst} operations at once and ${options.perSecond} a second per caller; retry in ${taken.retryAfterSeconds} s`, {
      extensions: { code: 'RATE_LIMITED' satisfies GatewayErrorCode, retryAfter: taken.retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(taken.retryAfterSeconds) } } },
    });
  };
}

function callerKey(context: Partial<CallerContext> & { req?: IncomingMessage }): string {
  const caller = context.mraCaller;
  if (caller) return `${caller.country}:${caller.subject}`;
  return `anonymous:${context.req?.socket?.remoteAddress ?? 'unknown'}`;
}
