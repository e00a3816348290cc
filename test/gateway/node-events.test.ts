import { GraphQLError, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { nodeEvents } from '../../gateway/jurisdiction/node-events.js';

/** A node's feed that never gives an event (a socket still connecting, a quiet node). */
function quietFeed(): AsyncIterableIterator<ExecutionResult> & { returned: number } {
  const feed = {
    returned: 0,
    next: () => new Promise<IteratorResult<ExecutionResult>>(() => undefined),
    return: async () => {
      feed.returned++;
      return { done: true as const, value: undefined };
    },
    [Symbol.asyncIterator]: () => feed,
  };
  return feed;
}

describe('a node\'s events as the gateway hands them on', () => {
  it('a subscriber that leaves while the gateway still waits for the node\'s first event is let go: the waiting next() ends, the socket is closed', async () => {
    const feed = quietFeed();
    let closed = 0;
    const events = nodeEvents(feed, new GraphQLError('unavailable'), () => void closed++);
    const waiting = events.next();
    await events.return?.();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect([closed >= 1, feed.returned]).toEqual([true, 1]);
    await expect(events.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('an event\'s errors, JSON off the socket, become GraphQLErrors with the node\'s message, path and code', async () => {
    const event = { data: { changed: { reason: null } }, errors: [{ message: 'not shared', path: ['changed', 'reason'], extensions: { code: 'FORBIDDEN' } }] };
    const feed = [event][Symbol.iterator]();
    const source: AsyncIterableIterator<ExecutionResult> = {
      next: async () => feed.next() as IteratorResult<ExecutionResult>,
      [Symbol.asyncIterator]: () => source,
    };
    const first = await nodeEvents(source, new GraphQLError('unavailable'), () => undefined).next();
    const error = first.value?.errors?.[0];
    expect(error).toBeInstanceOf(GraphQLError);
    expect([error?.message, error?.path, error?.extensions.code]).toEqual(['not shared', ['changed', 'reason'], 'FORBIDDEN']);
  });

  it('a node that refuses the caller\'s token at connection_init (graphql-ws closes with 4403) is the token refused, UNAUTHENTICATED; any other close is the node unavailable', async () => {
    const closedWith = (code: number): AsyncIterableIterator<ExecutionResult> => {
      const source: AsyncIterableIterator<ExecutionResult> = {
        next: async () => Promise.reject(Object.assign(new Event('close'), { code, reason: code === 4403 ? 'Forbidden' : '' })),
        [Symbol.asyncIterator]: () => source,
      };
      return source;
    };
    const unavailable = new GraphQLError('MX\'s node is unavailable', { extensions: { code: 'NODE_UNAVAILABLE' } });
    const refused = new GraphQLError('MX\'s node refused the token', { extensions: { code: 'UNAUTHENTICATED' } });
    const first = async (code: number) => (await nodeEvents(closedWith(code), unavailable, () => undefined, refused).next()).value?.errors;
    expect(await first(4403)).toEqual([refused]);
    expect(await first(1006)).toEqual([unavailable]);
  });
});

