import { evolveCertificate } from './certificates/evolve.js';
import { keyIdOf } from './keys.js';
import type { Entry, PayloadOf } from './schemas.js';
import { newAuthority, type LedgerState, type MraRecord, type OperatorRecord, type OperatorStatus } from './state.js';

/**
 * The pure fold: the state after `entry`, given the state before it. Entries reach it verified
 * (signature, sequence, link, issuer rules), so it never throws; chains may interleave in any
 * order and give the same state, because cross-chain facts (MRA approvals) are kept as sets.
 */
export function evolve(state: LedgerState, entry: Entry): LedgerState {
  const next = advanceHead(state, entry);
  switch (entry.type) {
    case 'AEO_GRANTED':
      return withOperator(next, granted(entry, entry.payload));
    case 'AEO_UPDATED':
      return updated(next, entry, entry.payload);
    case 'AEO_SUSPENDED':
      return statusChanged(next, entry, entry.payload, 'SUSPENDED');
    case 'AEO_REINSTATED':
      return statusChanged(next, entry, entry.payload, 'ACTIVE');
    case 'AEO_REVOKED':
      return statusChanged(next, entry, entry.payload, 'REVOKED');
    case 'MRA_PROPOSED':
      return proposed(next, entry, entry.payload);
    case 'MRA_APPROVED':
      return withMra(next, entry.payload.mraId, (mra) => ({
        ...mra,
        approvals: approve(mra.approvals, entry.payload.version, entry.authority, entry.timestamp),
      }));
    case 'MRA_RETIRED':
      return withMra(next, entry.payload.mraId, (mra) => ({
        ...mra,
        retired: { ...mra.retired, [entry.authority]: { at: entry.timestamp, reason: entry.payload.reason } },
      }));
    case 'AUTHORITY_KEY_ROTATED':
      return rotated(next, entry, entry.payload.publicKey);
    case 'CERT_ISSUED': case 'CERT_WITHDRAWN': case 'CERT_RECEIVED': case 'CERT_ACCEPTED': case 'CERT_REJECTED': case 'CERT_CONSUMED':
      return evolveCertificate(next, entry);
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}

/** Folds entries from the initial state (a restart does exactly this). */
export function fold(state: LedgerState, entries: Iterable<Entry>): LedgerState {
  let current = state;
  for (const entry of entries) current = evolve(current, entry);
  return current;
}

function advanceHead(state: LedgerState, entry: Entry): LedgerState {
  const authority = state.authorities[entry.authority];
  if (!authority) return state;
  const head = { sequence: entry.sequence, hash: entry.hash, timestamp: entry.timestamp };
  return { ...state, authorities: { ...state.authorities, [entry.authority]: { ...authority, head } } };
}

function granted(entry: Entry, p: PayloadOf<'AEO_GRANTED'>): OperatorRecord {
  const { aeoId, ...fields } = p;
  return {
    aeoId,
    country: entry.authority,
    ...fields,
    status: 'ACTIVE',
    privateDigest: entry.privateDigest,
    history: [event(entry, 'ACTIVE', null)],
    lastEntry: { sequence: entry.sequence, hash: entry.hash },
  };
}

function updated(state: LedgerState, entry: Entry, p: PayloadOf<'AEO_UPDATED'>): LedgerState {
  const current = state.operators.get(p.aeoId);
  if (!current) return state;
  return withOperator(state, {
    ...current,
    ...p.changes,
    privateDigest: entry.privateDigest ?? current.privateDigest,
    lastEntry: { sequence: entry.sequence, hash: entry.hash },
  });
}

function statusChanged(state: LedgerState, entry: Entry, p: PayloadOf<'AEO_SUSPENDED'>, status: OperatorStatus): LedgerState {
  const current = state.operators.get(p.aeoId);
  if (!current) return state;
  return withOperator(state, {
    ...current,
    status,
    history: [...current.history, event(entry, status, p.reason)],
    lastEntry: { sequence: entry.sequence, hash: entry.hash },
  });
}

function proposed(state: LedgerState, entry: Entry, p: PayloadOf<'MRA_PROPOSED'>): LedgerState {
  const authorities = { ...state.authorities };
  for (const member of p.newMembers) {
    authorities[member.country] ??= newAuthority(member, { mraId: p.mraId, proposer: entry.authority });
  }
  const { mraId, ...version } = p;
  const withMembers = { ...state, authorities };
  return withMra(withMembers, mraId, (mra) => ({
    ...mra,
    versions: { ...mra.versions, [String(p.version)]: { ...version, proposedBy: entry.authority, proposedAt: entry.timestamp } },
    // Proposing is the proposer's approval of that version.
    approvals: approve(mra.approvals, p.version, entry.authority, entry.timestamp),
  }));
}

function rotated(state: LedgerState, entry: Entry, publicKey: string): LedgerState {
  const authority = state.authorities[entry.authority];
  if (!authority) return state;
  const key = { keyId: keyIdOf(publicKey), publicKey, fromSequence: entry.sequence + 1 };
  return { ...state, authorities: { ...state.authorities, [entry.authority]: { ...authority, keys: [...authority.keys, key] } } };
}

function approve(approvals: MraRecord['approvals'], version: number, party: string, at: string): MraRecord['approvals'] {
  const key = String(version);
  return { ...approvals, [key]: { ...approvals[key], [party]: at } };
}

function event(entry: Entry, status: OperatorStatus, reason: string | null) {
  return { type: entry.type, status, at: entry.timestamp, reason, sequence: entry.sequence, entryHash: entry.hash };
}

function withOperator(state: LedgerState, operator: OperatorRecord): LedgerState {
  return { ...state, operators: state.operators.set(operator.aeoId, operator) };
}

function withMra(state: LedgerState, id: string, change: (mra: MraRecord) => MraRecord): LedgerState {
  const mra = state.mras[id] ?? { id, versions: {}, approvals: {}, retired: {} };
  return { ...state, mras: { ...state.mras, [id]: change(mra) } };
}
