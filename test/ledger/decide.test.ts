import { describe, expect, it } from 'vitest';
import { canonicalJson, type LedgerErrorCode, type Replica } from '../../subgraphs/ledger/index.js';
import { aeoId, grant, testNetwork } from '../support/network.js';

function codeOf(action: () => unknown): LedgerErrorCode | 'OK' {
  try {
    action();
    return 'OK';
  } catch (error) {
    return (error as { code: LedgerErrorCode }).code;
  }
}

function unchanged(replica: Replica, action: () => unknown): LedgerErrorCode | 'OK' {
  const before = canonicalJson(replica.state);
  const height = replica.height('MX');
  const code = codeOf(action);
  expect(canonicalJson(replica.state)).toBe(before);
  expect(replica.height('MX')).toBe(height);
  return code;
}

describe('ledger: decide — invalid commands get a coded error and change nothing', () => {
  const id = aeoId('MX', 1);

  it('walks an AEO through its lifecycle with a history of entry hashes', () => {
    const mx = testNetwork().replica('MX');
    mx.submit(grant('MX', 1));
    mx.submit({ kind: 'suspendAeo', aeoId: id, reason: 'audit finding' });
    mx.submit({ kind: 'reinstateAeo', aeoId: id, reason: 'finding closed' });
    mx.submit({ kind: 'updateAeo', aeoId: id, changes: { tradeName: 'Nuevo' } });
    const revoked = mx.submit({ kind: 'revokeAeo', aeoId: id, reason: 'fraud' });
    const operator = mx.state.operators.get(id);
    expect(operator?.status).toBe('REVOKED');
    expect(operator?.tradeName).toBe('Nuevo');
    expect(operator?.history.map((h) => h.status)).toEqual(['ACTIVE', 'SUSPENDED', 'ACTIVE', 'REVOKED']);
    expect(operator?.history.at(-1)).toMatchObject({ reason: 'fraud', entryHash: revoked.hash, sequence: 5 });
  });

  it('cannot suspend, reinstate or update a revoked AEO', () => {
    const mx = testNetwork().replica('MX');
    mx.submit(grant('MX', 1));
    mx.submit({ kind: 'revokeAeo', aeoId: id, reason: 'fraud' });
    expect(unchanged(mx, () => mx.submit({ kind: 'suspendAeo', aeoId: id, reason: 'x' }))).toBe('INVALID_TRANSITION');
    expect(unchanged(mx, () => mx.submit({ kind: 'reinstateAeo', aeoId: id, reason: 'x' }))).toBe('INVALID_TRANSITION');
    expect(unchanged(mx, () => mx.submit({ kind: 'updateAeo', aeoId: id, changes: { tradeName: 'x' } }))).toBe('INVALID_TRANSITION');
  });

  it('cannot reinstate an active AEO, nor suspend a suspended one', () => {
    const mx = testNetwork().replica('MX');
    mx.submit(grant('MX', 1));
    expect(unchanged(mx, () => mx.submit({ kind: 'reinstateAeo', aeoId: id, reason: 'x' }))).toBe('INVALID_TRANSITION');
    mx.submit({ kind: 'suspendAeo', aeoId: id, reason: 'x' });
    expect(unchanged(mx, () => mx.submit({ kind: 'suspendAeo', aeoId: id, reason: 'x' }))).toBe('INVALID_TRANSITION');
  });

  it('only the issuer may change its AEOs', () => {
    const net = testNetwork();
    const mx = net.replica('MX');
    expect(unchanged(mx, () => mx.submit(grant('CR', 1)))).toBe('NOT_ISSUER');
    expect(unchanged(mx, () => mx.submit({ kind: 'suspendAeo', aeoId: aeoId('CR', 1), reason: 'x' }))).toBe('NOT_ISSUER');
  });

  it('rejects a second grant, an unknown AEO and inverted validity dates', () => {
    const mx = testNetwork().replica('MX');
    mx.submit(grant('MX', 1));
    expect(unchanged(mx, () => mx.submit(grant('MX', 1)))).toBe('AEO_EXISTS');
    expect(unchanged(mx, () => mx.submit({ kind: 'suspendAeo', aeoId: aeoId('MX', 2), reason: 'x' }))).toBe('AEO_NOT_FOUND');
    const inverted = grant('MX', 3) as Extract<Parameters<Replica['submit']>[0], { kind: 'grantAeo' }>;
    expect(unchanged(mx, () => mx.submit({ ...inverted, aeo: { ...inverted.aeo, validUntil: '2025-01-01' } }))).toBe('BAD_USER_INPUT');
  });

  it('a replica without a signing authority cannot write', () => {
    const reader = testNetwork().replica(null);
    expect(codeOf(() => reader.submit(grant('MX', 1)))).toBe('NOT_ISSUER');
  });
});
