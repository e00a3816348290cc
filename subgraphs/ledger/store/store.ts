import type { Checkpoint } from '../checkpoint.js';
import type { Entry } from '../schemas.js';

/** A different, validly signed entry at a sequence already held: proof that an authority forked. */
export interface ForkEvidence {
  readonly authority: string;
  readonly sequence: number;
  readonly existing: Entry;
  readonly conflicting: Entry;
  readonly detectedAt: string;
}

/** What a store holds when opened: raw entries per chain, to be verified again by the replica. */
export interface StoredLedger {
  readonly chains: ReadonlyMap<string, readonly Entry[]>;
  readonly checkpoints: ReadonlyMap<string, Checkpoint>;
  readonly evidence: readonly ForkEvidence[];
}

/**
 * Where a replica keeps its chains. `append` returns only once the entry is durable, so an
 * acknowledged entry survives a crash. Synchronous on purpose: verify-then-append is atomic.
 */
export interface LedgerStore {
  load(): StoredLedger;
  append(entry: Entry): void;
  saveCheckpoint(checkpoint: Checkpoint): void;
  recordEvidence(evidence: ForkEvidence): void;
  close(): void;
}
