import { z } from 'zod';
import { canonicalBytes } from './canonical.js';
import { signatureSchema } from './encoding.js';
import { LedgerError } from './errors.js';
import { publicKeyObject, signBytes, verifyBytes, type SigningKey } from './keys.js';
import type { Chain } from './chain.js';
import type { LedgerState } from './state.js';

/** A signed tree head (RFC 9162 style): the authority vouches for the first `treeSize` entries. */
export interface Checkpoint {
  readonly network: string;
  readonly authority: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: string;
  readonly keyId: string;
  readonly signature: string;
}

const checkpointSchema = z.strictObject({
  network: z.string().regex(/^[0-9a-f]{64}$/),
  authority: z.string().regex(/^[A-Z]{2}$/),
  treeSize: z.int().nonnegative(),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  timestamp: z.iso.datetime({ offset: true }),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: signatureSchema,
});

/** Validates untrusted input (a file, a peer, a log) as a checkpoint, or throws BAD_CHECKPOINT. */
export function parseCheckpoint(input: unknown): Checkpoint {
  const parsed = checkpointSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LedgerError('BAD_CHECKPOINT', `malformed checkpoint: ${issue?.path.map(String).join('.') || 'checkpoint'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Signs the current head of the authority's own chain. */
export function signCheckpoint(state: LedgerState, chain: Chain, key: SigningKey, now: Date): Checkpoint {
  const body = {
    network: state.network,
    authority: chain.authority,
    treeSize: chain.length,
    rootHash: chain.root(),
    timestamp: now.toISOString(),
    keyId: key.keyId,
  };
  return { ...body, signature: signBytes(key, canonicalBytes(body)) };
}

/** BAD_CHECKPOINT unless the checkpoint is signed by a key its authority has held on this network. */
export function checkCheckpointSignature(state: LedgerState, checkpoint: Checkpoint): void {
  const { signature, ...body } = checkpoint;
  const key = state.authorities[checkpoint.authority]?.keys.find((k) => k.keyId === checkpoint.keyId);
  if (checkpoint.network !== state.network || !key || !verifyBytes(publicKeyObject(key.publicKey), canonicalBytes(body), signature)) {
    throw new LedgerError('BAD_CHECKPOINT', `checkpoint of ${checkpoint.authority} at ${checkpoint.treeSize} has no valid signature`);
  }
}

/**
 * Checks a checkpoint's signature against the authority's keys on the ledger, then against the
 * local chain: CHAIN_TRUNCATED if the local copy is shorter than what was vouched for (entries
 * were lost or withheld), BAD_CHECKPOINT if the roots differ or the signature fails.
 */
export function verifyCheckpoint(state: LedgerState, chain: Chain, checkpoint: Checkpoint): void {
  checkCheckpointSignature(state, checkpoint);
  if (chain.length < checkpoint.treeSize) {
    throw new LedgerError('CHAIN_TRUNCATED', `${checkpoint.authority} holds ${chain.length} entries but a checkpoint vouches for ${checkpoint.treeSize}`, {
      held: chain.length,
      vouched: checkpoint.treeSize,
    });
  }
  if (chain.root(checkpoint.treeSize) !== checkpoint.rootHash) {
    throw new LedgerError('BAD_CHECKPOINT', `${checkpoint.authority}'s chain does not match its checkpoint at ${checkpoint.treeSize}`);
  }
}
