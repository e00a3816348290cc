/** One caller's bucket: tokens left, as of `at` (ms). */
interface Bucket {
  tokens: number;
  at: number;
}

/** What taking a token from a caller's bucket decided. */
export type Take = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Token buckets keyed by caller: each holds up to `burst` tokens and refills at `perSecond`; an
 * operation takes one. Time comes in from the edge (`now`), so a replay is exact. Buckets that
 * have refilled to full are dropped now and then, so idle callers cost no memory.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #now: () => Date;
  #takes = 0;

  constructor(options: { perSecond: number; burst: number; now: () => Date }) {
    this.#perSecond = options.perSecond;
    this.#burst = options.burst;
    this.#now = options.now;
  }

  take(key: string): Take {
    const at = this.#now().getTime();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((at - bucket.at) / 1000) * this.#perSecond);
    bucket.at = at;
    this.#buckets.set(key, bucket);
    if (++this.#takes % 1000 === 0) this.#sweep(at);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perSecond)) };
  }

  #sweep(at: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((at - bucket.at) / 1000) * this.#perSecond >= this.#burst) this.#buckets.delete(key);
    }
  }
}
