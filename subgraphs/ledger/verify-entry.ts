import { canonicalJson } from './canonical.js';
import { checkSeal, contentOf, label } from './entry.js';
import { LedgerError } from './errors.js';
import { publicKeyObject } from './keys.js';
import { assertAllowed } from './rules.js';
import type { Entry } from './schemas.js';
import { currentKey, keyAt, type LedgerState } from './state.js';
import type { Chain } from './chain.js';

/** What a replica should do with a verified entry. */
export type Verdict = { readonly kind: 'append' } | { readonly kind: 'duplicate' } | { readonly kind: 'fork'; readonly existing: Entry };

/**
 * Every check a replica runs before accepting `entry` onto `chain`, each with its own code:
 * WRONG_NETWORK, UNKNOWN_AUTHORITY, SEQUENCE_GAP, KEY_MISMATCH, HASH_MISMATCH, BAD_SIGNATURE,
 * BROKEN_LINK, then the issuer rules. An identical entry already held is a duplicate (no-op); a
 * different, validly signed entry at a held sequence is a fork: evidence, never applied.
 */
export function verifyEntry(state: LedgerState, chain: Chain, entry: Entry): Verdict {
  if (entry.network !== state.network) {
    throw new LedgerError('WRONG_NETWORK', `entry ${label(entry)} belongs to another network`, { network: entry.network });
  }
  const authority = state.authorities[entry.authority];
  if (!authority) {
    throw new LedgerError('UNKNOWN_AUTHORITY', `entry ${label(entry)} is from ${entry.authority}, which is not in the trust registry`);
  }
  const height = chain.length;
  if (entry.sequence <= height) {
    const existing = chain.at(entry.sequence) as Entry;
    // Only a byte-identical copy is a duplicate: an entry that kept its hash and signature but
    // had its content altered in transit goes on to the seal check (HASH_MISMATCH).
    if (existing.hash === entry.hash && canonicalJson(existing) === canonicalJson(entry)) return { kind: 'duplicate' };
    checkKeyAndSeal(entry, keyAt(authority, entry.sequence));
    return { kind: 'fork', existing };
  }
  if (entry.sequence > height + 1) {
    throw new LedgerError('SEQUENCE_GAP', `entry ${label(entry)} arrived but ${entry.authority} is at ${height}`, {
      expected: height + 1,
      got: entry.sequence,
    });
  }
  checkKeyAndSeal(entry, currentKey(authority));
  const previousHash = chain.head?.hash ?? state.network;
  if (entry.previousHash !== previousHash) {
    throw new LedgerError('BROKEN_LINK', `entry ${label(entry)} does not link to ${entry.authority}'s head`, {
      expected: previousHash,
      got: entry.previousHash,
    });
  }
  assertAllowed(state, entry.authority, contentOf(entry), 'replica');
  return { kind: 'append' };
}

function checkKeyAndSeal(entry: Entry, key: { keyId: string; publicKey: string }): void {
  if (entry.keyId !== key.keyId) {
    throw new LedgerError('KEY_MISMATCH', `entry ${label(entry)} is signed with key ${entry.keyId}, not ${entry.authority}'s key ${key.keyId}`);
  }
  checkSeal(entry, publicKeyObject(key.publicKey));
}
