import { z } from 'zod';
import { checkSeal, label, parseEntry } from './entry.js';
import { LedgerError, isLedgerError } from './errors.js';
import { publicKeyObject } from './keys.js';
import { keyAt, type LedgerState } from './state.js';
import type { ForkEvidence } from './store/index.js';

const evidenceSchema = z.strictObject({
  authority: z.string(),
  sequence: z.int().positive(),
  existing: z.unknown(),
  conflicting: z.unknown(),
  detectedAt: z.iso.datetime({ offset: true }),
});

/** Validates the shape of stored or received fork evidence (both entries parsed), or BAD_EVIDENCE. */
export function parseEvidence(input: unknown): ForkEvidence {
  const parsed = evidenceSchema.safeParse(input);
  if (!parsed.success) throw new LedgerError('BAD_EVIDENCE', `fork evidence is malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  try {
    return { ...parsed.data, existing: parseEntry(parsed.data.existing), conflicting: parseEntry(parsed.data.conflicting) };
  } catch (error) {
    throw new LedgerError('BAD_EVIDENCE', `fork evidence holds a malformed entry: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Evidence proves a fork only if both entries are from the named authority, at the named
 * sequence of this network, differ, and each verifies under the key the authority had there.
 * Anything else is BAD_EVIDENCE: a planted or edited file accuses nobody.
 */
export function verifyEvidence(state: LedgerState, evidence: ForkEvidence): void {
  const { existing, conflicting } = evidence;
  const where = `${evidence.authority}#${evidence.sequence}`;
  for (const entry of [existing, conflicting]) {
    if (entry.authority !== evidence.authority || entry.sequence !== evidence.sequence || entry.network !== state.network) {
      throw new LedgerError('BAD_EVIDENCE', `fork evidence for ${where} holds ${label(entry)} of another chain, sequence or network`);
    }
  }
  if (existing.hash === conflicting.hash) throw new LedgerError('BAD_EVIDENCE', `fork evidence for ${where} shows the same entry twice`);
  const authority = state.authorities[evidence.authority];
  if (!authority) throw new LedgerError('BAD_EVIDENCE', `fork evidence names ${evidence.authority}, which is not in the trust registry`);
  const key = keyAt(authority, evidence.sequence);
  for (const entry of [existing, conflicting]) {
    try {
      if (entry.keyId !== key.keyId) throw new LedgerError('KEY_MISMATCH', `signed with key ${entry.keyId}, not ${key.keyId}`);
      checkSeal(entry, publicKeyObject(key.publicKey));
    } catch (error) {
      const reason = isLedgerError(error) ? `${error.code}: ${error.message}` : String(error);
      throw new LedgerError('BAD_EVIDENCE', `fork evidence for ${where} does not verify (${reason})`);
    }
  }
}
