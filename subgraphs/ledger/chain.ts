import { leafBytes } from './entry.js';
import { consistencyPath, inclusionPath, leafHash, nodeHash, treeHead } from './merkle.js';
import type { Entry } from './schemas.js';

/** One authority's chain as a replica holds it: entries in sequence order and their Merkle leaves. */
export class Chain {
  readonly authority: string;
  readonly #entries: Entry[] = [];
  readonly #leaves: Buffer[] = [];
  /** Roots of the perfect subtrees the leaves form, largest first: the head in O(log n). */
  readonly #frontier: { size: number; hash: Buffer }[] = [];

  constructor(authority: string) {
    this.authority = authority;
  }

  get length(): number {
    return this.#entries.length;
  }

  /** The last entry, or null for an empty chain. */
  get head(): Entry | null {
    return this.#entries[this.#entries.length - 1] ?? null;
  }

  /** The entry at a 1-based sequence number. */
  at(sequence: number): Entry | undefined {
    return this.#entries[sequence - 1];
  }

  /** Entries with sequence in [from, to] (1-based, inclusive). */
  range(from: number, to = this.length): Entry[] {
    return this.#entries.slice(Math.max(0, from - 1), Math.max(0, to));
  }

  /** Adds a verified entry; the caller has checked sequence and link. */
  push(entry: Entry): void {
    this.#entries.push(entry);
    const leaf = leafHash(leafBytes(entry));
    this.#leaves.push(leaf);
    let node = { size: 1, hash: leaf };
    for (let top = this.#frontier.at(-1); top && top.size === node.size; top = this.#frontier.at(-1)) {
      this.#frontier.pop();
      node = { size: node.size * 2, hash: nodeHash(top.hash, node.hash) };
    }
    this.#frontier.push(node);
  }

  /** Merkle tree head over the first `size` entries, hex. */
  root(size = this.length): string {
    if (size !== this.length || this.#frontier.length === 0) return treeHead(this.#leaves.slice(0, size)).toString('hex');
    // RFC 9162 splits at the largest power of two, so the head folds the frontier from the right.
    let head = (this.#frontier.at(-1) as { hash: Buffer }).hash;
    for (let i = this.#frontier.length - 2; i >= 0; i--) head = nodeHash((this.#frontier[i] as { hash: Buffer }).hash, head);
    return head.toString('hex');
  }

  /** Leaf hash of an entry, hex. */
  leaf(sequence: number): string {
    const leaf = this.#leaves[sequence - 1];
    if (!leaf) throw new RangeError(`${this.authority} has no entry ${sequence}`);
    return leaf.toString('hex');
  }

  /** RFC 9162 audit path for `sequence` in the tree of the first `size` entries, hex. */
  inclusionProof(sequence: number, size = this.length): string[] {
    if (sequence < 1 || sequence > size || size > this.length) throw new RangeError(`no entry ${sequence} in a tree of ${size}`);
    return inclusionPath(sequence - 1, this.#leaves.slice(0, size)).map((h) => h.toString('hex'));
  }

  /** RFC 9162 consistency proof from the tree of `oldSize` to that of `newSize`, hex. */
  consistencyProof(oldSize: number, newSize = this.length): string[] {
    if (newSize > this.length) throw new RangeError(`chain ${this.authority} has only ${this.length} entries`);
    return consistencyPath(oldSize, this.#leaves.slice(0, newSize)).map((h) => h.toString('hex'));
  }
}
