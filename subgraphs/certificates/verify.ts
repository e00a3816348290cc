import { certificateStatus, validSteps, type CertificateStatus, type LedgerState } from '../ledger/index.js';
import { certificateDigest } from './digest.js';
import type { PhytosanitaryCertificate } from './model.js';

/**
 * GENUINE: the issuer's ledger entry carries this document's digest. ALTERED: the number is on
 * the ledger with another digest (the copy was changed). UNKNOWN: no issuer entry for the number.
 */
export type Authenticity = 'GENUINE' | 'ALTERED' | 'UNKNOWN';

export interface AuthenticityReport {
  readonly number: string;
  readonly digest: string;
  readonly authenticity: Authenticity;
  /** The certificate's current status on the ledger (WITHDRAWN, REPLACED, CONSUMED, …), null when unknown. */
  readonly status: CertificateStatus | null;
  /** Genuine, and neither withdrawn nor replaced: a copy an official may rely on. */
  readonly valid: boolean;
  readonly exporter: string | null;
  readonly importer: string | null;
  readonly issuedAt: string | null;
  /** The replacing certificate, when this one was replaced. */
  readonly replacedBy: string | null;
  readonly reason: string | null;
}

/** GeNS-style authenticity check of a copy against a replica's ledger state (no content needed). */
export function checkAuthenticity(certificate: PhytosanitaryCertificate, state: LedgerState): AuthenticityReport {
  return checkDigest(certificate.number, certificateDigest(certificate), state);
}

/** The same check from a number and a digest (what a node answers to anyone). */
export function checkDigest(number: string, digest: string, state: LedgerState): AuthenticityReport {
  const record = state.certificates.get(number);
  const issued = record?.issued ?? null;
  if (!record || !issued) {
    return { number, digest, authenticity: 'UNKNOWN', status: null, valid: false, exporter: null, importer: null, issuedAt: null, replacedBy: null, reason: null };
  }
  const authenticity: Authenticity = issued.digest === digest ? 'GENUINE' : 'ALTERED';
  const status = certificateStatus(record);
  const last = validSteps(record).at(-1);
  const replacedBy = validSteps(record).find((s) => s.kind === 'REPLACED')?.reference ?? null;
  return {
    number, digest, authenticity, status,
    valid: authenticity === 'GENUINE' && status !== 'WITHDRAWN' && status !== 'REPLACED',
    exporter: record.exporter, importer: issued.importer, issuedAt: issued.at, replacedBy, reason: last?.reason ?? null,
  };
}
