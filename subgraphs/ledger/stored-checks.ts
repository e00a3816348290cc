import type { Chain } from './chain.js';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { LedgerError, isLedgerError } from './errors.js';
import { verifyEvidence } from './fork-evidence.js';
import type { LedgerState } from './state.js';
import type { ForkEvidence } from './store/index.js';

/* What a replica checks about its own files at start-up, after re-verifying every entry. */

/** Stored fork evidence must prove a fork; a planted or edited file is STORAGE_CORRUPT. */
export function checkStoredEvidence(state: LedgerState, evidence: ForkEvidence): void {
  try {
    verifyEvidence(state, evidence);
  } catch (error) {
    throw new LedgerError('STORAGE_CORRUPT', `stored fork evidence does not verify: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A kept checkpoint the stored chain falls short of: CHAIN_TRUNCATED, saying what to do. */
export function checkStoredCheckpoint(state: LedgerState, chain: Chain, checkpoint: Checkpoint): void {
  try {
    verifyCheckpoint(state, chain, checkpoint);
  } catch (error) {
    if (!isLedgerError(error, 'CHAIN_TRUNCATED')) throw error;
    throw new LedgerError('CHAIN_TRUNCATED', `${error.message}: entries vouched for are missing from ${checkpoint.authority}'s stored chain (truncated or rolled back); rebuild the data directory from peers`, { ...error.details });
  }
}
