import { LedgerError, isLedgerError } from './errors.js';
import type { Entry } from './schemas.js';

/** A stored entry that did not verify, with the code of the first failed check. */
export interface LoadProblem {
  readonly authority: string;
  readonly sequence: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Feeds stored chains to `accept` in sequence order. A chain whose authority is admitted by
 * another chain's entry (a new MRA member) waits until that entry is in, so chains are taken in
 * rounds until no chain makes progress. Whatever is left is reported, first failure per chain.
 */
export function loadChains(chains: ReadonlyMap<string, readonly Entry[]>, accept: (entry: Entry) => unknown): LoadProblem[] {
  const next = new Map([...chains.keys()].map((authority) => [authority, 0]));
  const failures = new Map<string, LoadProblem>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const [authority, entries] of chains) {
      let index = next.get(authority) ?? 0;
      while (index < entries.length) {
        const entry = entries[index] as Entry;
        try {
          // Position is part of what is stored: line n of a chain holds that chain's entry n.
          if (entry.authority !== authority || entry.sequence !== index + 1) {
            throw new LedgerError('STORAGE_CORRUPT', `${authority}'s chain holds ${entry.authority}#${entry.sequence} at position ${index + 1}`);
          }
          if (accept(entry) === 'duplicate') throw new LedgerError('STORAGE_CORRUPT', `${authority}#${entry.sequence} is stored twice`);
        } catch (error) {
          const code = isLedgerError(error) ? error.code : 'STORAGE_CORRUPT';
          failures.set(authority, { authority, sequence: entry.sequence, code, message: error instanceof Error ? error.message : String(error) });
          break;
        }
        failures.delete(authority);
        index += 1;
        progressed = true;
      }
      next.set(authority, index);
    }
  }
  return [...failures.values()];
}
