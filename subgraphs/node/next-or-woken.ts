/** What `nextOrWoken` gives when the wait was cut short. */
export const WOKEN = Symbol('woken');

/**
 * `events.next()`, or WOKEN if the `wake` handed to `register` is called first: for a stream that
 * must stop waiting on its source (a subscriber leaves, a token expires, the gateway closes).
 * `register` files `wake` wherever the stop will come from and returns how to take it back, which
 * happens once this wait is over. One promise per wait: racing one promise that lasts until the
 * stop would keep a reaction for every event until then.
 */
export async function nextOrWoken<T>(events: AsyncIterator<T>, register: (wake: () => void) => () => void): Promise<IteratorResult<T> | typeof WOKEN> {
  let unregister = (): void => undefined;
  const woken = new Promise<typeof WOKEN>((resolve) => {
    unregister = register(() => resolve(WOKEN));
  });
  try {
    return await Promise.race([events.next(), woken]);
  } finally {
    unregister();
  }
}
