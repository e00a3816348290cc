import { nodeError } from '../errors.js';
import { nextOrWoken, WOKEN } from '../next-or-woken.js';
import type { KeyStanding } from './key-standing.js';

/** setTimeout's longest delay; a later expiry is reached in steps. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * A caller's event stream that ends when the caller's token stops being good: once `now()` reaches
 * `expiresAt`, or once `key` says the token's key was rotated away (as the ledger replica applies
 * the rotation), the pending (or next) `next()` rejects with UNAUTHENTICATED — "token expired", or
 * "token key rotated or revoked" — the source is closed, and no event after that is ever handed on.
 * A quiet stream ends too: from the first `next()` until the stream ends either way, a timer is set
 * for the expiry as `now()` reckons it (checked again when it fires), and the key is watched.
 */
export function untilExpiry<T>(source: AsyncIterable<T>, expiresAt: Date | undefined, now: () => Date, key?: KeyStanding): AsyncIterableIterator<T> {
  const events = source[Symbol.asyncIterator]();
  const done = { done: true, value: undefined } as const;
  let finished = false;
  let watching = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unwatch = (): void => undefined;
  // Wakes the next() now waiting, if any.
  let wake: (() => void) | undefined;
  const left = () => (expiresAt ? expiresAt.getTime() - now().getTime() : Number.POSITIVE_INFINITY);
  /** Why the token is no longer good, or null while it is. */
  const ended = (): string | null => (left() <= 0 ? 'token expired' : key?.revoked() ?? null);
  const arm = (): void => {
    if (finished) return;
    const ms = left();
    if (ms <= 0) return wake?.();
    if (ms === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(arm, Math.min(ms, MAX_DELAY_MS));
    timer.unref();
  };
  const watch = (): void => {
    watching = true;
    arm();
    if (key) unwatch = key.watch(() => (key.revoked() === null ? undefined : wake?.()));
  };
  const finish = () => {
    finished = true;
    clearTimeout(timer);
    timer = undefined;
    unwatch();
  };
  const end = (reason: string): never => {
    finish();
    void events.return?.();
    throw nodeError('UNAUTHENTICATED', reason);
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (finished) return done;
      const before = ended();
      if (before !== null) return end(before);
      if (!watching) watch();
      try {
        const result = await nextOrWoken(events, (woken) => {
          wake = woken;
          return () => (wake = undefined);
        });
        if (finished) return done;
        // Woken only once the token is no longer good; an event that comes after that is dropped.
        if (result === WOKEN) return end(ended() ?? 'token expired');
        const reason = ended();
        if (reason !== null && !result.done) return end(reason);
        if (result.done) finish();
        return result;
      } catch (error) {
        finish(); // a source that fails ends the stream: its timer and watch go too
        throw error;
      }
    },
    async return() {
      finish();
      await events.return?.();
      return done;
    },
    async throw(error: unknown) {
      finish();
      if (events.throw) return events.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
