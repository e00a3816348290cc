import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKey } from '../../subgraphs/ledger/index.js';
import { KeyRotations, untilExpiry, type KeyStanding } from '../../subgraphs/node/index.js';
import { testNetwork } from '../support/network.js';

const EXPIRED = { message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } };
const ROTATED = { message: 'token key rotated or revoked', extensions: { code: 'UNAUTHENTICATED' } };

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

/** A token's key standing that a test rotates away, counting the watches still open. */
function standing() {
  let current = true;
  const watchers = new Set<() => void>();
  const key: KeyStanding = {
    revoked: () => (current ? null : 'token key rotated or revoked'),
    watch: (changed) => {
      watchers.add(changed);
      return () => watchers.delete(changed);
    },
  };
  return {
    key,
    watching: () => watchers.size,
    /** A change of the authority's keys: the token's own rotated away, or not. */
    change: (rotatedAway: boolean) => {
      current = !rotatedAway;
      for (const changed of [...watchers]) changed();
    },
  };
}

describe('node: a subscription lasts as long as its token\'s key is its authority\'s current key', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-06-01T12:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const now = () => new Date();
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

  it('a quiet subscription ends when the key is rotated away: one UNAUTHENTICATED "token key rotated or revoked", the feed closed, no timer or watch left', async () => {
    const source = feed();
    const token = standing();
    const stream = untilExpiry(source.iterator, inSeconds(3600), now, token.key);
    const next = stream.next();
    const failed = expect(next).rejects.toMatchObject(ROTATED);
    await vi.advanceTimersByTimeAsync(0);
    expect(token.watching()).toBe(1);
    token.change(true);
    await failed;
    expect(source.state.closed).toBe(true);
    expect([vi.getTimerCount(), token.watching()]).toEqual([0, 0]);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('a change of keys that leaves the token\'s key current ends nothing; events go on', async () => {
    const source = feed();
    const token = standing();
    const stream = untilExpiry(source.iterator, inSeconds(3600), now, token.key);
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(0);
    token.change(false);
    source.push('suspended');
    expect(await next).toEqual({ done: false, value: 'suspended' });
  });

  it('an event that comes once the key is rotated away is never handed on (the rotation is applied between two events)', async () => {
    const source = feed();
    const token = standing();
    const stream = untilExpiry(source.iterator, inSeconds(3600), now, token.key);
    const first = stream.next();
    source.push('suspended');
    expect(await first).toEqual({ done: false, value: 'suspended' });
    token.change(true); // no next() is waiting: the next one is refused
    source.push('reinstated');
    await expect(stream.next()).rejects.toMatchObject(ROTATED);
    expect(source.state.closed).toBe(true);
  });

  it('a token without exp still ends at the rotation', async () => {
    const source = feed();
    const token = standing();
    const stream = untilExpiry(source.iterator, undefined, now, token.key);
    const next = stream.next();
    const failed = expect(next).rejects.toMatchObject(ROTATED);
    expect(vi.getTimerCount()).toBe(0);
    token.change(true);
    await failed;
  });

  it('a subscriber that leaves first stops watching the key', async () => {
    const source = feed();
    const token = standing();
    const stream = untilExpiry(source.iterator, inSeconds(3600), now, token.key);
    void stream.next();
    expect(token.watching()).toBe(1);
    await stream.return?.();
    expect([vi.getTimerCount(), token.watching()]).toEqual([0, 0]);
  });
});

describe('node: key rotations as the replica applies them', () => {
  it('a token\'s key stands until its authority\'s rotation is applied; only that authority\'s watchers are called, and none once they stop', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const cr = net.replica('CR');
    const rotations = new KeyRotations(cr);
    const mxKey = rotations.standing('MX', mx.state.authorities.MX?.keys.at(-1)?.keyId ?? '');
    const crKey = rotations.standing('CR', cr.state.authorities.CR?.keys.at(-1)?.keyId ?? '');
    const heard: string[] = [];
    const stopMx = mxKey.watch(() => heard.push('MX'));
    crKey.watch(() => heard.push('CR'));
    expect([mxKey.revoked(), crKey.revoked()]).toEqual([null, null]);

    cr.ingest(mx.rotateKey(generateSigningKey()));
    expect(heard).toEqual(['MX']);
    expect([mxKey.revoked(), crKey.revoked()]).toEqual(['token key rotated or revoked', null]);

    stopMx();
    cr.ingest(mx.rotateKey(generateSigningKey()));
    expect(heard).toEqual(['MX']);
    rotations.close();
  });
});

