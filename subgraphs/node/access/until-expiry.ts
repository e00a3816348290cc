import { nodeError } from '../errors.js';
import { nextOrWoken, WOKEN } from '../next-or-woken.js';

/** setTimeout's longest delay; a later expiry is reached in steps. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * A caller's event stream that ends when the caller's token expires: once `now()` reaches
 * `expiresAt`, the pending (or next) `next()` rejects with UNAUTHENTICATED "token expired" (what
 * an HTTP request with that token is told), the source is closed, and no event after the expiry
 * is ever handed on. A quiet stream ends too: a timer is set for the expiry as `now()` reckons it
 * (checked again when it fires), from the first `next()` until the stream ends either way.
 */
export function untilExpiry<T>(source: AsyncIterable<T>, expiresAt: Date, now: () => Date): AsyncIterableIterator<T> {
  const events = source[Symbol.asyncIterator]();
  const done = { done: true, value: undefined } as const;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Wakes the next() now waiting, if any.
  let expire: (() => void) | undefined;
  const onExpiry = () => expire?.();
  const left = () => expiresAt.getTime() - now().getTime();
  const arm = (): void => {
    if (finished) return;
    const ms = left();
    if (ms <= 0) return onExpiry();
    timer = setTimeout(arm, Math.min(ms, MAX_DELAY_MS));
    timer.unref();
  };
  const finish = () => {
    finished = true;
    clearTimeout(timer);
    timer = undefined;
  };
  const end = (): never => {
    finish();
    void events.return?.();
    throw nodeError('UNAUTHENTICATED', 'token expired');
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (finished) return done;
      if (left() <= 0) return end();
      if (timer === undefined) arm();
      try {
        const result = await nextOrWoken(events, (wake) => {
          expire = wake;
          return () => (expire = undefined);
        });
        if (finished) return done;
        if (result === WOKEN || (!result.done && left() <= 0)) return end();
        if (result.done) finish();
        return result;
      } catch (error) {
        finish(); // a source that fails ends the stream: its timer goes too
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
