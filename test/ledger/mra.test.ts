import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson, generateSigningKey, mraView, Replica, type Entry,
} from '../../subgraphs/ledger/index.js';
import { grant, proposeMra, steppingClock, testNetwork } from '../support/network.js';

describe('ledger: MRAs take effect only when every party has approved', () => {
  it('is PROPOSED until the last party approves, then ACTIVE with its terms and signing time', () => {
    const net = testNetwork();
    const [mx, cr, pe] = [net.replica('MX'), net.replica('CR'), net.replica('PE')];
    const sync = (...entries: Entry[]) => entries.forEach((e) => [mx, cr, pe].forEach((r) => r.ingest(e)));
    const proposal = mx.submit(proposeMra('cadena', ['MX', 'CR', 'PE']));
    sync(proposal);
    const view = () => mraView(pe.state.mras.cadena as NonNullable<typeof pe.state.mras.cadena>);
    expect(view()).toMatchObject({ status: 'PROPOSED', terms: [], pending: { version: 1, awaiting: ['CR', 'PE'] } });
    sync(cr.submit({ kind: 'approveMra', mraId: 'cadena' }));
    expect(view().status).toBe('PROPOSED');
    const last = pe.submit({ kind: 'approveMra', mraId: 'cadena' });
    sync(last);
    expect(view()).toMatchObject({ status: 'ACTIVE', activeVersion: 1, signedAt: last.timestamp, pending: null });
    expect(view().terms[0]?.fields).toContain('legalName');
  });

  it('an amendment applies only when all approve; meanwhile the old terms hold', () => {
    const net = testNetwork(['MX', 'CR']);
    const [mx, cr] = [net.replica('MX'), net.replica('CR')];
    const both = (e: Entry) => [mx, cr].forEach((r) => r.ingest(e));
    both(mx.submit(proposeMra('mx-cr', ['MX', 'CR'])));
    both(cr.submit({ kind: 'approveMra', mraId: 'mx-cr' }));
    both(cr.submit({ kind: 'proposeMra', mraId: 'mx-cr', name: 'MX-CR v2', parties: ['MX', 'CR'], terms: [] }));
    const view = () => mraView(mx.state.mras['mx-cr'] as NonNullable<(typeof mx.state.mras)[string]>);
    expect(view()).toMatchObject({ status: 'ACTIVE', activeVersion: 1, pending: { version: 2, awaiting: ['MX'] } });
    both(mx.submit({ kind: 'approveMra', mraId: 'mx-cr' }));
    expect(view()).toMatchObject({ activeVersion: 2, terms: [] });
    expect(() => mx.submit({ kind: 'approveMra', mraId: 'mx-cr', version: 2 })).toThrow(expect.objectContaining({ code: 'ALREADY_APPROVED' }));
  });

  it('retiring leaves the MRA RETIRED once fewer than two parties remain', () => {
    const net = testNetwork(['MX', 'CR']);
    const [mx, cr] = [net.replica('MX'), net.replica('CR')];
    const both = (e: Entry) => [mx, cr].forEach((r) => r.ingest(e));
    both(mx.submit(proposeMra('mx-cr', ['MX', 'CR'])));
    both(cr.submit({ kind: 'approveMra', mraId: 'mx-cr' }));
    both(cr.submit({ kind: 'retireFromMra', mraId: 'mx-cr', reason: 'agreement ended' }));
    expect(mraView(mx.state.mras['mx-cr'] as NonNullable<(typeof mx.state.mras)[string]>)).toMatchObject({ status: 'RETIRED', terms: [] });
    expect(() => cr.submit({ kind: 'retireFromMra', mraId: 'mx-cr', reason: 'again' })).toThrow(expect.objectContaining({ code: 'NOT_A_PARTY' }));
    expect(() => mx.submit({ kind: 'approveMra', mraId: 'nope' })).toThrow(expect.objectContaining({ code: 'MRA_NOT_FOUND' }));
  });

  it('signedAt and retiredAt are the latest by instant, whatever offset each authority signed with', () => {
    const net = testNetwork(['MX', 'CR']);
    const [mx, cr] = [net.replica('MX'), net.replica('CR')];
    const both = (e: Entry) => [mx, cr].forEach((r) => r.ingest(e));
    both(mx.submit(proposeMra('mx-cr', ['MX', 'CR'])));
    both(cr.submit({ kind: 'approveMra', mraId: 'mx-cr' }));
    const record = mx.state.mras['mx-cr'] as NonNullable<(typeof mx.state.mras)[string]>;
    // CR approved at 11:30Z, written in Costa Rica's offset; MX at 10:00Z.
    const approvals = { '1': { MX: '2026-03-01T10:00:00.000Z', CR: '2026-03-01T05:30:00.000-06:00' } };
    expect(mraView({ ...record, approvals }).signedAt).toBe('2026-03-01T05:30:00.000-06:00');
    const retired = { MX: { at: '2026-04-01T10:00:00.000Z', reason: 'ended' }, CR: { at: '2026-04-01T05:30:00.000-06:00', reason: 'ended' } };
    expect(mraView({ ...record, approvals, retired }).retiredAt).toBe('2026-04-01T05:30:00.000-06:00');
  });

  it('admits a new member through a proposal; its chain verifies against the pinned key', () => {
    const net = testNetwork(['MX', 'CR']);
    const coKey = generateSigningKey();
    const [mx, cr] = [net.replica('MX'), net.replica('CR')];
    const co = Replica.open({ genesis: net.genesis, now: steppingClock(), signer: { authority: 'CO', key: coKey } });
    const proposal = mx.submit({
      kind: 'proposeMra', mraId: 'alianza', name: 'Alianza', parties: ['MX', 'CR', 'CO'], terms: [],
      newMembers: [{ country: 'CO', name: 'DIAN', publicKey: coKey.publicKey }],
    });
    // CO's entries reach CR before the proposal that admits CO: refused until it arrives.
    [mx, co].forEach((r) => r.ingest(proposal));
    const coApproval = co.submit({ kind: 'approveMra', mraId: 'alianza' });
    expect(() => cr.ingest(coApproval)).toThrow(expect.objectContaining({ code: 'UNKNOWN_AUTHORITY' }));
    cr.ingest(proposal);
    expect(cr.ingest(coApproval)).toBe('applied');
    const crApproval = cr.submit({ kind: 'approveMra', mraId: 'alianza' });
    [mx, co].forEach((r) => r.ingest(crApproval));
    mx.ingest(coApproval);
    expect(mraView(mx.state.mras.alianza as NonNullable<(typeof mx.state.mras)[string]>)).toMatchObject({ status: 'ACTIVE', parties: ['MX', 'CR', 'CO'] });
    expect(mx.state.authorities.CO?.admittedBy).toEqual({ mraId: 'alianza', proposer: 'MX' });
  });

  it('key rotation: later entries must use the new key, the old one is refused', () => {
    const net = testNetwork(['MX', 'CR']);
    const [mx, cr] = [net.replica('MX'), net.replica('CR')];
    const next = generateSigningKey();
    const rotation = mx.rotateKey(next);
    const after = mx.submit(grant('MX', 1));
    expect(after.keyId).toBe(next.keyId);
    cr.ingest(rotation);
    expect(cr.ingest(after)).toBe('applied');
    expect(cr.state.authorities.MX?.keys.map((k) => k.keyId)).toEqual([net.keys.MX?.keyId, next.keyId]);
  });

  it('the same entries give the same state whatever order the chains interleave in', () => {
    const net = testNetwork();
    const [mx, cr, pe] = [net.replica('MX'), net.replica('CR'), net.replica('PE')];
    const proposal = mx.submit(proposeMra('cadena', ['MX', 'CR', 'PE']));
    [cr, pe].forEach((r) => r.ingest(proposal));
    const chains = {
      MX: [proposal, mx.submit(grant('MX', 1)), mx.submit({ kind: 'suspendAeo', aeoId: 'MX-AEO-000001', reason: 'x' })],
      CR: [cr.submit({ kind: 'approveMra', mraId: 'cadena' }), cr.submit(grant('CR', 1))],
      PE: [pe.submit({ kind: 'approveMra', mraId: 'cadena' }), pe.submit({ kind: 'retireFromMra', mraId: 'cadena', reason: 'x' })],
    };
    const interleavings = fc.shuffledSubarray(['MX', 'MX', 'MX', 'CR', 'CR', 'PE', 'PE'], { minLength: 7, maxLength: 7 });
    const states = new Set<string>();
    fc.assert(
      fc.property(interleavings, (order) => {
        const reader = net.replica(null);
        const queues = Object.fromEntries(Object.entries(chains).map(([k, v]) => [k, [...v]]));
        for (const chain of order) reader.ingest(queues[chain]?.shift() as Entry);
        states.add(canonicalJson(reader.state));
      }),
    );
    expect(states.size).toBe(1);
  });
});
