import { bodyOf, isLedgerError, sealEntry, type Entry, type Replica, type SigningKey } from '../../subgraphs/ledger/index.js';
import type { ForgeryAttempt } from '../forgeries.js';

/**
 * One forgery by a dishonest authority, built against the real chains at the moment it is tried,
 * cycling through four kinds: suspending (or reinstating) another authority's AEO on its own
 * chain (NOT_ISSUER), writing on another authority's chain with its own key (KEY_MISMATCH),
 * rewriting its own history (FORK_DETECTED), altering a genuine entry in transit (HASH_MISMATCH).
 */
export function forge(attempt: ForgeryAttempt, replicas: ReadonlyMap<string, Replica>, key: SigningKey): Entry {
  const own = (replicas.get(attempt.tamperer) as Replica).chain(attempt.tamperer);
  const victimChain = (replicas.get(attempt.victim) as Replica).chain(attempt.victim);
  const type = attempt.claim === 'ACTIVE' ? 'AEO_REINSTATED' : 'AEO_SUSPENDED';
  const payload = { aeoId: attempt.aeoId, reason: `forged ${attempt.n}` };
  switch (attempt.n % 4) {
    case 0: {
      const head = own.head as Entry;
      return sealEntry({ ...bodyOf(head), sequence: head.sequence + 1, previousHash: head.hash, type, payload }, key);
    }
    case 1: {
      const head = victimChain.head as Entry;
      return sealEntry({ ...bodyOf(head), sequence: head.sequence + 1, previousHash: head.hash, keyId: key.keyId, type, payload }, key);
    }
    case 2: {
      const earlier = own.at(1) as Entry;
      return sealEntry({ ...bodyOf(earlier), timestamp: new Date(Date.parse(earlier.timestamp) + 1000 * (attempt.n + 1)).toISOString() }, key);
    }
    default: {
      const genuine = victimChain.at(Math.max(1, victimChain.length - 1)) as Entry;
      return { ...genuine, privateDigest: '0'.repeat(64) };
    }
  }
}

/** Offers a forged entry to every honest replica; each must refuse it. Returns each replica's verdict. */
export function offerForgery(forged: Entry, tamperer: string, replicas: ReadonlyMap<string, Replica>): { replica: string; code: string }[] {
  return [...replicas].filter(([country]) => country !== tamperer).map(([country, replica]) => {
    try {
      replica.ingest(forged);
      return { replica: country, code: 'ACCEPTED' };
    } catch (error) {
      return { replica: country, code: isLedgerError(error) ? error.code : 'ERROR' };
    }
  });
}
