import type { Entry } from '../schemas.js';
import type { LedgerState } from '../state.js';
import type { CertificateEntryContent } from './schemas.js';
import type { CertificateRecord, CertificateStatus, CertificateStep } from './state.js';

type CertificateEntry = Entry & CertificateEntryContent;

const KIND: Readonly<Record<Exclude<CertificateEntryContent['type'], 'CERT_ISSUED'>, CertificateStatus>> = {
  CERT_WITHDRAWN: 'WITHDRAWN',
  CERT_RECEIVED: 'RECEIVED',
  CERT_ACCEPTED: 'ACCEPTED',
  CERT_REJECTED: 'REJECTED',
  CERT_CONSUMED: 'CONSUMED',
};

/** Folds a verified certificate entry into the state; never throws (entries arrive verified). */
export function evolveCertificate(state: LedgerState, entry: CertificateEntry): LedgerState {
  const p = entry.payload;
  if (entry.type === 'CERT_ISSUED') {
    const issued = { importer: entry.payload.importer, digest: entry.payload.digest, replaces: entry.payload.replaces, at: entry.timestamp, sequence: entry.sequence, entryHash: entry.hash };
    const withIssue = change(state, p.number, (r) => ({ ...r, issued, steps: withStep(r.steps, step(entry, 'ISSUED', null, null)) }));
    const replaces = entry.payload.replaces;
    if (replaces === null) return withIssue;
    return change(withIssue, replaces, (r) => ({ ...r, steps: withStep(r.steps, step(entry, 'REPLACED', null, p.number)) }));
  }
  const reason = 'reason' in p ? p.reason : null;
  const reference = 'clearance' in p ? p.clearance : null;
  return change(state, p.number, (r) => ({ ...r, steps: withStep(r.steps, step(entry, KIND[entry.type], reason, reference)) }));
}

function step(entry: Entry, kind: CertificateStatus, reason: string | null, reference: string | null): CertificateStep {
  return { kind, authority: entry.authority, at: entry.timestamp, reason, reference, sequence: entry.sequence, entryHash: entry.hash };
}

/**
 * Inserts in (time, authority, sequence) order, so every replica lists the same steps. Time is
 * the instant: an entry may be signed with any UTC offset, so its text does not sort.
 */
function withStep(steps: readonly CertificateStep[], added: CertificateStep): readonly CertificateStep[] {
  const order = (a: CertificateStep, b: CertificateStep) =>
    Date.parse(a.at) - Date.parse(b.at) || (a.authority < b.authority ? -1 : a.authority > b.authority ? 1 : a.sequence - b.sequence);
  return [...steps, added].sort(order);
}

function change(state: LedgerState, number: string, update: (record: CertificateRecord) => CertificateRecord): LedgerState {
  const record = state.certificates.get(number) ?? { number, exporter: number.slice(0, 2), issued: null, steps: [] };
  return { ...state, certificates: state.certificates.set(number, update(record)) };
}
