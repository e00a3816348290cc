import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyPath, inclusionPath, leafHash, treeHead, verifyConsistency, verifyInclusion,
} from '../../subgraphs/ledger/merkle.js';

// Test vectors of the Certificate Transparency reference implementation (merkle_tree_test).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from([i % 256, (i >> 8) % 256])));
const flip = (b: Buffer) => Buffer.from(b.map((byte, i) => (i === 0 ? byte ^ 1 : byte)));

describe('ledger: RFC 9162 Merkle trees', () => {
  it('matches the Certificate Transparency reference roots', () => {
    const hashed = LEAVES.map((hex) => leafHash(Buffer.from(hex, 'hex')));
    ROOTS.forEach((root, i) => expect(treeHead(hashed.slice(0, i + 1)).toString('hex')).toBe(root));
    expect(treeHead([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('inclusion proofs verify for every leaf, and fail once tampered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), (size, pick) => {
        const tree = leaves(size);
        const index = pick % size;
        const root = treeHead(tree);
        const path = inclusionPath(index, tree);
        expect(verifyInclusion(tree[index] as Buffer, index, size, path, root)).toBe(true);
        expect(verifyInclusion(flip(tree[index] as Buffer), index, size, path, root)).toBe(false);
        if (path.length > 0) {
          expect(verifyInclusion(tree[index] as Buffer, index, size, [flip(path[0] as Buffer), ...path.slice(1)], root)).toBe(false);
        }
        if (size > 1) expect(verifyInclusion(tree[index] as Buffer, (index + 1) % size, size, path, root)).toBe(false);
      }),
    );
  });

  it('consistency proofs verify between any two sizes, and fail once tampered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), (size, pick) => {
        const tree = leaves(size);
        const oldSize = (pick % size) + 1;
        const oldRoot = treeHead(tree.slice(0, oldSize));
        const newRoot = treeHead(tree);
        const path = consistencyPath(oldSize, tree);
        expect(verifyConsistency(oldSize, size, oldRoot, newRoot, path)).toBe(true);
        expect(verifyConsistency(oldSize, size, flip(oldRoot), newRoot, path)).toBe(false);
        if (path.length > 0) {
          expect(verifyConsistency(oldSize, size, oldRoot, newRoot, [...path.slice(0, -1), flip(path.at(-1) as Buffer)])).toBe(false);
        }
      }),
    );
  });

  it('a rewritten history is not consistent with the old head', () => {
    const tree = leaves(12);
    const rewritten = [...tree.slice(0, 3), flip(tree[3] as Buffer), ...tree.slice(4)];
    const path = consistencyPath(6, rewritten);
    expect(verifyConsistency(6, 12, treeHead(tree.slice(0, 6)), treeHead(rewritten), path)).toBe(false);
  });
});
