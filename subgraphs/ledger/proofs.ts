import { leafBytes } from './entry.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';
import type { Entry } from './schemas.js';

/** Proof that an entry is the `sequence`-th leaf of the tree whose head is `rootHash`. */
export interface InclusionProof {
  readonly sequence: number;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly path: readonly string[];
}

/** Proof that the tree of `oldSize` entries is a prefix of the tree of `newSize` entries. */
export interface ConsistencyProof {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldRoot: string;
  readonly newRoot: string;
  readonly path: readonly string[];
}

const hex = (value: string): Buffer => Buffer.from(value, 'hex');

/** True when `proof` shows `entry` (signature included) inside the tree head. */
export function verifyInclusionProof(entry: Entry, proof: InclusionProof): boolean {
  if (proof.sequence !== entry.sequence) return false;
  const leaf = leafHash(leafBytes(entry));
  return verifyInclusion(leaf, proof.sequence - 1, proof.treeSize, proof.path.map(hex), hex(proof.rootHash));
}

/** True when the newer head extends the older one without rewriting it. */
export function verifyConsistencyProof(proof: ConsistencyProof): boolean {
  return verifyConsistency(proof.oldSize, proof.newSize, hex(proof.oldRoot), hex(proof.newRoot), proof.path.map(hex));
}
