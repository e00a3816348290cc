import type { Chain } from './chain.js';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { LedgerError } from './errors.js';
import type { LedgerState } from './state.js';

/** What became of an offered checkpoint. */
export type CheckpointOutcome =
  /** Verified against the local chain and kept as that chain's newest. */
  | 'held'
  /** Signed, but vouches for entries not here yet: checked when the chain gets there. */
  | 'pending'
  /** Older than one already held. */
  | 'stale';

/**
 * The newest checkpoint a replica holds for each chain (verified against its entries) and the
 * newest it has seen but cannot check yet (it is behind). Signatures are checked by the caller.
 * A newer checkpoint vouching for fewer entries than one already held is proof, signed by the
 * authority itself, that it rolled its chain back: CHAIN_TRUNCATED.
 */
export class CheckpointBook {
  readonly #held = new Map<string, Checkpoint>();
  readonly #pending = new Map<string, Checkpoint>();

  held(authority: string): Checkpoint | null {
    return this.#held.get(authority) ?? null;
  }

  /** The largest tree size vouched for by any checkpoint seen for a chain (held or pending). */
  highestSeen(authority: string): number {
    return Math.max(this.#held.get(authority)?.treeSize ?? 0, this.#pending.get(authority)?.treeSize ?? 0);
  }

  offer(state: LedgerState, chain: Chain, checkpoint: Checkpoint): CheckpointOutcome {
    const newest = [this.#held.get(chain.authority), this.#pending.get(chain.authority)]
      .filter((c): c is Checkpoint => c !== undefined)
      .sort((a, b) => b.treeSize - a.treeSize)[0];
    if (newest && checkpoint.treeSize < newest.treeSize && Date.parse(checkpoint.timestamp) > Date.parse(newest.timestamp)) {
      throw new LedgerError('CHAIN_TRUNCATED', `${chain.authority} signed a checkpoint at ${checkpoint.treeSize} after one at ${newest.treeSize}: its chain was rolled back`, {
        vouched: newest.treeSize,
        now: checkpoint.treeSize,
      });
    }
    if (checkpoint.treeSize > chain.length) {
      const pending = this.#pending.get(chain.authority);
      if (!pending || pending.treeSize < checkpoint.treeSize) this.#pending.set(chain.authority, checkpoint);
      return 'pending';
    }
    verifyCheckpoint(state, chain, checkpoint);
    const held = this.#held.get(chain.authority);
    if (held && held.treeSize >= checkpoint.treeSize) return 'stale';
    this.#held.set(chain.authority, checkpoint);
    return 'held';
  }

  /** After a chain grew: the pending checkpoint it has now reached, verified, or null. */
  reached(state: LedgerState, chain: Chain): Checkpoint | null {
    const pending = this.#pending.get(chain.authority);
    if (!pending || pending.treeSize > chain.length) return null;
    this.#pending.delete(chain.authority);
    verifyCheckpoint(state, chain, pending); // BAD_CHECKPOINT: the authority signed another history
    const held = this.#held.get(chain.authority);
    if (held && held.treeSize >= pending.treeSize) return null;
    this.#held.set(chain.authority, pending);
    return pending;
  }

  /** Every held checkpoint. */
  all(): Checkpoint[] {
    return [...this.#held.values()];
  }
}
