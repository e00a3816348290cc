import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { untilExpiry } from '../../subgraphs/node/index.js';

const EXPIRED = { message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } };

/** A feed that stays quiet until `push`, and records whether it was closed. */
function feed() {
  const waiting: ((value: IteratorResult<string>) => void)[] = [];
  const state = { closed: false };
  const iterator: AsyncIterableIterator<string> = {
    next: () => new Promise((resolve) => waiting.push(resolve)),
    return: async () => {
      state.closed = true;
      waiting.splice(0).forEach((resolve) => resolve({ done: true, value: undefined }));
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { iterator, state, push: (value: string) => waiting.shift()?.({ done: false, value }) };
}

describe('node: a subscription lasts as long as its caller\'s token', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-06-01T12:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const now = () => new Date();
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

  it('events before the expiry are handed on', async () => {
    const source = feed();
    const stream = untilExpiry(source.iterator, inSeconds(60), now);
    const next = stream.next();
    source.push('suspended');
    expect(await next).toEqual({ done: false, value: 'suspended' });
  });

  it('a quiet subscription ends at its token\'s exp: one UNAUTHENTICATED "token expired", the feed closed, no timer left', async () => {
    const source = feed();
    const stream = untilExpiry(source.iterator, inSeconds(60), now);
    const next = stream.next();
    const failed = expect(next).rejects.toMatchObject(EXPIRED);
    await vi.advanceTimersByTimeAsync(60_000);
    await failed;
    expect(source.state.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('an event that comes once the clock has passed exp is never handed on (the timer may run late)', async () => {
    let clock = new Date('2026-06-01T12:00:00Z');
    const source = feed();
    const stream = untilExpiry(source.iterator, new Date('2026-06-01T12:01:00Z'), () => clock);
    const next = stream.next();
    clock = new Date('2026-06-01T12:01:00Z');
    source.push('suspended');
    await expect(next).rejects.toMatchObject(EXPIRED);
  });

  it('a subscriber that leaves first leaves no timer behind', async () => {
    const source = feed();
    const stream = untilExpiry(source.iterator, inSeconds(3600), now);
    void stream.next();
    expect(vi.getTimerCount()).toBe(1);
    await stream.return?.();
    expect(vi.getTimerCount()).toBe(0);
    expect(source.state.closed).toBe(true);
  });

  it('a feed that fails ends the stream with its error and leaves no timer behind', async () => {
    const failing: AsyncIterableIterator<string> = {
      next: async () => Promise.reject(new Error('socket closed')),
      [Symbol.asyncIterator]: () => failing,
    };
    const stream = untilExpiry(failing, inSeconds(3600), now);
    await expect(stream.next()).rejects.toThrow('socket closed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an expiry beyond setTimeout\'s longest delay (24.8 days) is not reached early', async () => {
    const source = feed();
    const stream = untilExpiry(source.iterator, inSeconds(30 * 86_400), now);
    let settled = false;
    const next = stream.next().finally(() => {
      settled = true;
    });
    const failed = expect(next).rejects.toMatchObject(EXPIRED);
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(30 * 86_400_000 - 2 ** 31);
    await failed;
  });
});
