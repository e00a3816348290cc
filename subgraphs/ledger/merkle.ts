import { createHash } from 'node:crypto';

/*
 * Merkle tree hashing and proofs exactly as RFC 9162 (Certificate Transparency v2) §2.1:
 * leaves are SHA-256(0x00 || data), interior nodes SHA-256(0x01 || left || right), so a leaf can
 * never be passed off as a node. Proofs are lists of 32-byte node hashes.
 */

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** RFC 9162 leaf hash of entry bytes. */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF).update(data).digest();
}

/** RFC 9162 interior node hash. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** Largest power of two strictly less than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Merkle tree head over leaf hashes; the empty tree's head is SHA-256 of nothing. */
export function treeHead(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = split(leaves.length);
  return nodeHash(treeHead(leaves.slice(0, k)), treeHead(leaves.slice(k)));
}

/** Audit path proving leaf `index` is in the tree of `leaves` (RFC 9162 §2.1.3.1). */
export function inclusionPath(index: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionPath(index, leaves.slice(0, k)), treeHead(leaves.slice(k))]
    : [...inclusionPath(index - k, leaves.slice(k)), treeHead(leaves.slice(0, k))];
}

/** Proof that the first `oldSize` leaves are a prefix of `leaves` (RFC 9162 §2.1.4.1). */
export function consistencyPath(oldSize: number, leaves: readonly Buffer[]): Buffer[] {
  const sub = (m: number, d: readonly Buffer[], complete: boolean): Buffer[] => {
    if (m === d.length) return complete ? [] : [treeHead(d)];
    const k = split(d.length);
    return m <= k
      ? [...sub(m, d.slice(0, k), complete), treeHead(d.slice(k))]
      : [...sub(m - k, d.slice(k), false), treeHead(d.slice(0, k))];
  };
  if (oldSize <= 0 || oldSize > leaves.length) throw new RangeError(`no consistency proof from size ${oldSize}`);
  return sub(oldSize, leaves, true);
}

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). */
export function verifyInclusion(leaf: Buffer, index: number, size: number, path: readonly Buffer[], root: Buffer): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** Verifies a consistency proof between two tree heads (RFC 9162 §2.1.4.2). */
export function verifyConsistency(
  oldSize: number, newSize: number, oldRoot: Buffer, newRoot: Buffer, path: readonly Buffer[],
): boolean {
  if (oldSize <= 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return path.length === 0 && oldRoot.equals(newRoot);
  const proof = (oldSize & (oldSize - 1)) === 0 ? [oldRoot, ...path] : [...path];
  const [first, ...rest] = proof;
  if (!first) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
