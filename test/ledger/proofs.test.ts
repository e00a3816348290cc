import { describe, expect, it } from 'vitest';
import { verifyConsistencyProof, verifyInclusionProof, type Entry } from '../../subgraphs/ledger/index.js';
import { grant, testNetwork } from '../support/network.js';

function writtenChain(n: number) {
  const net = testNetwork(['MX', 'CR']);
  const mx = net.replica('MX');
  const entries = Array.from({ length: n }, (_, i) => mx.submit(grant('MX', i + 1)));
  const cr = net.replica('CR');
  entries.forEach((e) => cr.ingest(e));
  return { net, mx, cr, entries };
}

describe('ledger: checkpoints and proofs', () => {
  it('a partner verifies the owner\'s signed checkpoint against its own replica', () => {
    const { mx, cr } = writtenChain(9);
    const checkpoint = mx.checkpoint();
    expect(() => cr.verifyCheckpoint(checkpoint)).not.toThrow();
    expect(() => cr.verifyCheckpoint({ ...checkpoint, rootHash: '0'.repeat(64) })).toThrow(expect.objectContaining({ code: 'BAD_CHECKPOINT' }));
  });

  it('a replica missing vouched-for entries is CHAIN_TRUNCATED', () => {
    const { net, mx, entries } = writtenChain(6);
    const checkpoint = mx.checkpoint();
    const behind = net.replica(null);
    entries.slice(0, 4).forEach((e) => behind.ingest(e));
    expect(() => behind.verifyCheckpoint(checkpoint)).toThrow(expect.objectContaining({ code: 'CHAIN_TRUNCATED' }));
  });

  it('every entry has an inclusion proof that verifies; a tampered proof or entry fails', () => {
    const { cr, entries } = writtenChain(11);
    for (const entry of entries) {
      const proof = cr.inclusionProof('MX', entry.sequence);
      expect(verifyInclusionProof(entry, proof)).toBe(true);
      const [first, ...rest] = proof.path;
      const tampered = { ...proof, path: [`${first?.slice(0, 63)}${first?.endsWith('0') ? '1' : '0'}`, ...rest] };
      expect(verifyInclusionProof(entry, tampered)).toBe(false);
      expect(verifyInclusionProof({ ...entry, timestamp: '2020-01-01T00:00:00.000Z' } as Entry, proof)).toBe(false);
    }
  });

  it('consistency proofs show the chain only grew; a proof against another history fails', () => {
    const { cr } = writtenChain(13);
    for (const oldSize of [1, 2, 5, 8, 13]) {
      const proof = cr.consistencyProof('MX', oldSize);
      expect(verifyConsistencyProof(proof)).toBe(true);
      expect(verifyConsistencyProof({ ...proof, oldRoot: cr.chain('MX').root(oldSize === 1 ? 2 : 1) })).toBe(false);
    }
  });
});
