import type { Checkpoint } from '../checkpoint.js';
import type { Entry } from '../schemas.js';
import type { ForkEvidence, LedgerStore, StoredLedger } from './store.js';

/** A store in memory, for tests and the simulator; `load` returns what was appended so far. */
export class MemoryStore implements LedgerStore {
  readonly #chains = new Map<string, Entry[]>();
  readonly #checkpoints = new Map<string, Checkpoint>();
  readonly #evidence: ForkEvidence[] = [];

  load(): StoredLedger {
    return {
      chains: new Map([...this.#chains].map(([authority, entries]) => [authority, [...entries]])),
      checkpoints: new Map(this.#checkpoints),
      evidence: [...this.#evidence],
    };
  }

  append(entry: Entry): void {
    const chain = this.#chains.get(entry.authority) ?? [];
    chain.push(entry);
    this.#chains.set(entry.authority, chain);
  }

  saveCheckpoint(checkpoint: Checkpoint): void {
    this.#checkpoints.set(checkpoint.authority, checkpoint);
  }

  recordEvidence(evidence: ForkEvidence): void {
    this.#evidence.push(evidence);
  }

  close(): void {}
}
