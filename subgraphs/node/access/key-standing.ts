import type { Replica } from '../../ledger/index.js';

/** Whether a caller's token is still signed with a current key of its authority, and when to ask again. */
export interface KeyStanding {
  /** Null while the token's key is its authority's current key; otherwise why the token no longer proves anything. */
  revoked(): string | null;
  /** Calls `changed` whenever the answer may have changed (a rotation applied); returns how to stop. */
  watch(changed: () => void): () => void;
}

/** What a caller whose token's key was rotated away is told, as "token expired" is at its `exp`. */
export const KEY_ROTATED = 'token key rotated or revoked';

/**
 * Authorities' key rotations as a replica applies them, for what must end when a token's key stops
 * being its authority's current key (a running subscription). One listener on the replica, however
 * many tokens are watched: each rotation calls only the watchers of that authority's tokens.
 */
export class KeyRotations {
  readonly #replica: Replica;
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #unsubscribe: () => void;

  constructor(replica: Replica) {
    this.#replica = replica;
    this.#unsubscribe = replica.subscribe((event) => {
      if (event.kind !== 'applied' || event.entry.type !== 'AUTHORITY_KEY_ROTATED') return;
      for (const changed of [...(this.#watchers.get(event.entry.authority) ?? [])]) changed();
    });
  }

  /** The standing of a token of `country` verified with its key `keyId`, as this replica holds the keys. */
  standing(country: string, keyId: string): KeyStanding {
    return {
      revoked: () => (this.#replica.state.authorities[country]?.keys.at(-1)?.keyId === keyId ? null : KEY_ROTATED),
      watch: (changed) => {
        let watchers = this.#watchers.get(country);
        if (!watchers) this.#watchers.set(country, (watchers = new Set()));
        const own = () => changed(); // one entry per watch, even if the same callback watches twice
        watchers.add(own);
        return () => {
          watchers.delete(own);
          if (watchers.size === 0 && this.#watchers.get(country) === watchers) this.#watchers.delete(country);
        };
      },
    };
  }

  close(): void {
    this.#unsubscribe();
    this.#watchers.clear();
  }
}
