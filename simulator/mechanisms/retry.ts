import type { Faults } from '../faults.js';
import { hashUnit } from '../random.js';

/**
 * When a message sent at `t` is first received: each attempt fails if the receiver is down or
 * the message is lost (probability `loss`, drawn per attempt from the seed), and the sender tries
 * again every `retrySeconds`. Returns null if nothing got through before `horizon`.
 */
export function deliverWithRetry(
  faults: Faults, seed: number, receiver: string, t: number,
  options: { readonly loss: number; readonly retrySeconds: number; readonly horizon: number; readonly labels: readonly (string | number)[] },
): number | null {
  let at = t;
  for (let attempt = 0; at < options.horizon; attempt++) {
    if (faults.isDown(receiver, at)) {
      at += Math.ceil((faults.nextUp(receiver, at) - at) / options.retrySeconds - 1e-9) * options.retrySeconds;
      continue;
    }
    if (hashUnit(seed, 'loss', ...options.labels, attempt) >= options.loss) return at;
    at += options.retrySeconds;
  }
  return null;
}
