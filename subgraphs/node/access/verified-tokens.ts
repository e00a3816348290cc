import type { Caller } from './policy.js';

/** A token whose signature and claims were verified once, and what it proved. */
export interface VerifiedToken {
  readonly caller: Caller;
  readonly keyId: string;
  readonly issuer: string;
  /** The key it was verified with: a hit counts only while this is still the issuer's current key. */
  readonly publicKey: string;
  /** Milliseconds since the epoch: the token's `nbf` (or `iat`) and `exp`. */
  readonly validFrom: number;
  readonly expiresAt: number;
}

/**
 * Tokens already verified, by their full text (signature included), so a caller's next request
 * skips the Ed25519 verification and JSON decoding. Least recently used first out. A hit is only
 * as good as the checks `authenticateWith` makes on it each time: the key still current in the
 * trust registry, and the clock inside the token's validity.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, VerifiedToken>();

  constructor(private readonly capacity = 10_000) {}

  get(token: string): VerifiedToken | undefined {
    const entry = this.#entries.get(token);
    if (entry) {
      this.#entries.delete(token);
      this.#entries.set(token, entry);
    }
    return entry;
  }

  set(token: string, entry: VerifiedToken): void {
    this.#entries.delete(token);
    this.#entries.set(token, entry);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  delete(token: string): void {
    this.#entries.delete(token);
  }
}
