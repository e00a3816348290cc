import { describe, expect, it } from 'vitest';
import {
  bodyOf, canonicalJson, generateSigningKey, parseEntryJson, sealEntry, type Command, type Entry, type LedgerErrorCode,
  type SigningKey,
} from '../../subgraphs/ledger/index.js';
import { grant, testNetwork } from '../support/network.js';

function rejectionCode(action: () => unknown): LedgerErrorCode | 'ACCEPTED' {
  try {
    action();
    return 'ACCEPTED';
  } catch (error) {
    return (error as { code: LedgerErrorCode }).code;
  }
}

/** MX writes `n` entries; a fresh CR replica is the one under attack. */
function setup(n = 3) {
  const net = testNetwork(['MX', 'CR', 'PE']);
  const mx = net.replica('MX');
  const entries = Array.from({ length: n }, (_, i) => mx.submit(grant('MX', i + 1)));
  const cr = net.replica('CR');
  return { net, mx, cr, entries };
}

describe('ledger: a replica rejects every kind of bad entry, each with its own code', () => {
  it('accepts a genuine chain in order', () => {
    const { cr, entries } = setup();
    expect(entries.map((e) => cr.ingest(e))).toEqual(['applied', 'applied', 'applied']);
    expect(cr.state.operators.get('MX-AEO-000001')?.status).toBe('ACTIVE');
  });

  it('forged signature → BAD_SIGNATURE', () => {
    const { cr, entries } = setup(1);
    const genuine = entries[0] as Entry;
    const forged = { ...genuine, signature: Buffer.alloc(64, 7).toString('base64url') };
    expect(rejectionCode(() => cr.ingest(forged))).toBe('BAD_SIGNATURE');
    expect(cr.height('MX')).toBe(0);
  });

  it('signed with a key that is not the authority\'s → KEY_MISMATCH', () => {
    const { net, cr, entries } = setup(1);
    const pe = net.keys.PE as SigningKey;
    const impostor = sealEntry({ ...bodyOf(entries[0] as Entry), keyId: pe.keyId }, pe);
    expect(rejectionCode(() => cr.ingest(impostor))).toBe('KEY_MISMATCH');
    const stranger = generateSigningKey();
    const relabelled = sealEntry({ ...bodyOf(entries[0] as Entry), keyId: net.keys.MX?.keyId ?? '' }, stranger);
    expect(rejectionCode(() => cr.ingest(relabelled))).toBe('BAD_SIGNATURE');
  });

  it('bit-flipped after signing → HASH_MISMATCH', () => {
    const { cr, entries } = setup(1);
    const genuine = entries[0] as Entry & { type: 'AEO_GRANTED' };
    const flipped = { ...genuine, payload: { ...genuine.payload, legalName: 'Operadora 1 S.A!' } };
    expect(rejectionCode(() => cr.ingest(flipped))).toBe('HASH_MISMATCH');
  });

  it('regression: a held entry altered in transit (hash and signature kept) is HASH_MISMATCH, not a duplicate', () => {
    const { cr, entries } = setup(2);
    entries.forEach((e) => cr.ingest(e));
    const altered = { ...(entries[0] as Entry), privateDigest: '0'.repeat(64) };
    expect(rejectionCode(() => cr.ingest(altered))).toBe('HASH_MISMATCH');
  });

  it('gapped (a sequence skipped) → SEQUENCE_GAP, and applies once the gap is filled', () => {
    const { cr, entries } = setup(3);
    cr.ingest(entries[0] as Entry);
    expect(rejectionCode(() => cr.ingest(entries[2] as Entry))).toBe('SEQUENCE_GAP');
    cr.ingest(entries[1] as Entry);
    expect(cr.ingest(entries[2] as Entry)).toBe('applied');
  });

  it('reordered (re-sequenced history, even by the key holder) → BROKEN_LINK', () => {
    const { net, cr, entries } = setup(3);
    cr.ingest(entries[0] as Entry);
    // The third entry re-signed as sequence 2: valid signature, but it links to the wrong parent.
    const resequenced = sealEntry({ ...bodyOf(entries[2] as Entry), sequence: 2 }, net.keys.MX as SigningKey);
    expect(rejectionCode(() => cr.ingest(resequenced))).toBe('BROKEN_LINK');
  });

  it('replayed (an entry already held) → duplicate, applied once only', () => {
    const { cr, entries } = setup(2);
    entries.forEach((e) => cr.ingest(e));
    const before = canonicalJson(cr.state);
    expect(cr.ingest(entries[0] as Entry)).toBe('duplicate');
    expect(canonicalJson(cr.state)).toBe(before);
    expect(cr.height('MX')).toBe(2);
  });

  it('replayed into another network → WRONG_NETWORK', () => {
    const { entries } = setup(1);
    const elsewhere = testNetwork(['MX', 'CR', 'PE']).replica('CR');
    expect(rejectionCode(() => elsewhere.ingest(entries[0] as Entry))).toBe('WRONG_NETWORK');
  });

  it('truncated on the wire → MALFORMED_ENTRY', () => {
    const { entries } = setup(1);
    const text = canonicalJson(entries[0]);
    expect(rejectionCode(() => parseEntryJson(text.slice(0, text.length - 20)))).toBe('MALFORMED_ENTRY');
    const { signature: _dropped, ...unsigned } = entries[0] as Entry;
    expect(rejectionCode(() => parseEntryJson(JSON.stringify(unsigned)))).toBe('MALFORMED_ENTRY');
  });

  it('equivocating (two signed entries at one sequence) → FORK_DETECTED, kept as evidence, never applied', () => {
    const { net, cr, entries } = setup(1);
    cr.ingest(entries[0] as Entry);
    const other = sealEntry({ ...bodyOf(entries[0] as Entry), timestamp: '2026-02-01T00:00:00.000Z' }, net.keys.MX as SigningKey);
    const forks: unknown[] = [];
    cr.subscribe((event) => event.kind === 'fork' && forks.push(event.evidence));
    expect(rejectionCode(() => cr.ingest(other))).toBe('FORK_DETECTED');
    expect(cr.chain('MX').at(1)?.hash).toBe(entries[0]?.hash);
    expect(cr.evidence).toHaveLength(1);
    expect(cr.evidence[0]).toMatchObject({ authority: 'MX', sequence: 1, conflicting: { hash: other.hash } });
    expect(forks).toHaveLength(1);
  });

  it('from an authority outside the trust registry → UNKNOWN_AUTHORITY', () => {
    const outsider = testNetwork(['MX', 'CR', 'BO']);
    const bo = outsider.replica('BO');
    const entry = bo.submit(grant('BO', 1));
    const { cr } = setup(0);
    expect(rejectionCode(() => cr.ingest({ ...entry, network: cr.network }))).toBe('UNKNOWN_AUTHORITY');
  });

  it('validly signed but writing another authority\'s AEO → NOT_ISSUER', () => {
    const { net, cr } = setup(0);
    const mx = net.keys.MX as SigningKey;
    const command = grant('CR', 7) as Extract<Command, { kind: 'grantAeo' }>;
    const entry = sealEntry({
      v: 1, network: cr.network, authority: 'MX', sequence: 1, type: 'AEO_GRANTED', payload: command.aeo,
      privateDigest: null, previousHash: cr.network, timestamp: '2026-01-05T08:00:00.000Z', keyId: mx.keyId,
    }, mx);
    expect(rejectionCode(() => cr.ingest(entry))).toBe('NOT_ISSUER');
  });
});
