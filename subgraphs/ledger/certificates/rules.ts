import { LedgerError } from '../errors.js';
import type { RuleScope } from '../rules.js';
import type { LedgerState } from '../state.js';
import type { CertificateEntryContent } from './schemas.js';
import { certificateStatus, hasStep, type CertificateRecord, type CertificateStatus } from './state.js';

/** Statuses from which the exporter may still replace or withdraw a certificate. */
const OPEN: readonly CertificateStatus[] = ['ISSUED', 'RECEIVED', 'ACCEPTED', 'REJECTED'];

/**
 * Throws a coded LedgerError when `authority` may not take this certificate step. At `replica`
 * scope only facts from the author's own chain are used (the other party's chain may arrive
 * later); the author checks everything before it signs.
 */
export function assertCertificateAllowed(state: LedgerState, authority: string, content: CertificateEntryContent, scope: RuleScope): void {
  const number = content.payload.number;
  const record = state.certificates.get(number);
  switch (content.type) {
    case 'CERT_ISSUED': {
      assertExporter(authority, number);
      if (record?.issued) throw new LedgerError('CERTIFICATE_EXISTS', `certificate ${number} is already issued`, { number });
      const { importer, replaces } = content.payload;
      if (importer === authority) throw new LedgerError('BAD_USER_INPUT', `certificate ${number}: the importing country must differ from ${authority}`);
      if (scope === 'author' && !state.authorities[importer]) {
        throw new LedgerError('BAD_USER_INPUT', `certificate ${number}: importing authority ${importer} is not on the network`);
      }
      if (replaces !== null) assertReplaceable(state, authority, replaces, importer, scope);
      return;
    }
    case 'CERT_WITHDRAWN':
      assertExporterMayClose(issuedBy(authority, record, number), 'withdraw', scope);
      return;
    case 'CERT_RECEIVED':
    case 'CERT_ACCEPTED':
    case 'CERT_REJECTED':
    case 'CERT_CONSUMED':
      assertImporterStep(state, authority, content, scope);
      return;
    default: {
      const unreachable: never = content;
      throw new Error(`unknown certificate content ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Only the issuing NPPO writes its certificates (the number's prefix names it). */
function assertExporter(authority: string, number: string): void {
  if (!number.startsWith(`${authority}-`)) {
    throw new LedgerError('NOT_ISSUER', `${authority} cannot issue, replace or withdraw ${number}: only ${number.slice(0, 2)} may`, { number });
  }
}

function issuedBy(authority: string, record: CertificateRecord | undefined, number: string): CertificateRecord {
  assertExporter(authority, number);
  if (!record?.issued) throw new LedgerError('CERTIFICATE_NOT_FOUND', `certificate ${number} was not issued`, { number });
  return record;
}

function assertReplaceable(state: LedgerState, authority: string, replaces: string, importer: string, scope: RuleScope): void {
  const old = issuedBy(authority, state.certificates.get(replaces), replaces);
  assertExporterMayClose(old, 'replace', scope);
  if (old.issued?.importer !== importer) {
    throw new LedgerError('BAD_USER_INPUT', `replacement for ${replaces} must be addressed to ${old.issued?.importer ?? '?'}, like the original`);
  }
}

function assertExporterMayClose(record: CertificateRecord, step: 'replace' | 'withdraw', scope: RuleScope): void {
  // Own-chain facts: a replica can check these too.
  const closed = hasStep(record, record.exporter, 'WITHDRAWN') ? 'WITHDRAWN' : hasStep(record, record.exporter, 'REPLACED') ? 'REPLACED' : null;
  const status = scope === 'author' ? certificateStatus(record) : closed;
  if (status !== null && !OPEN.includes(status)) {
    throw new LedgerError('INVALID_TRANSITION', `cannot ${step} certificate ${record.number}: it is ${status}`, { number: record.number, status, step });
  }
}

/** Received → accepted or rejected → consumed, by the named importer; a consumed certificate is never used again. */
function assertImporterStep(state: LedgerState, authority: string, content: CertificateEntryContent, scope: RuleScope): void {
  const number = content.payload.number;
  const record = state.certificates.get(number);
  const own = (kind: CertificateStatus) => record !== undefined && hasStep(record, authority, kind);
  const refuse = (why: string) => {
    throw new LedgerError('INVALID_TRANSITION', `${authority} cannot record ${content.type} for ${number}: ${why}`, { number, step: content.type });
  };
  if (scope === 'author') {
    if (!record?.issued) throw new LedgerError('CERTIFICATE_NOT_FOUND', `certificate ${number} was not issued`, { number });
    if (record.issued.importer !== authority) {
      throw new LedgerError('NOT_IMPORTER', `only ${record.issued.importer}, the importing authority named on ${number}, may take this step`, { number });
    }
    const status = certificateStatus(record);
    if (status === 'WITHDRAWN' || status === 'REPLACED') refuse(`it is ${status}`);
  }
  switch (content.type) {
    case 'CERT_RECEIVED':
      if (own('RECEIVED')) refuse('it was already received');
      if (scope === 'author' && record?.issued?.digest !== content.payload.digest) {
        throw new LedgerError('DIGEST_MISMATCH', `the content received for ${number} does not match the digest its issuer put on the ledger`, { number });
      }
      return;
    case 'CERT_ACCEPTED':
    case 'CERT_REJECTED':
      if (!own('RECEIVED')) refuse('it was not received');
      if (own('ACCEPTED') || own('REJECTED')) refuse(`it was already ${own('ACCEPTED') ? 'accepted' : 'rejected'}`);
      return;
    case 'CERT_CONSUMED':
      if (own('CONSUMED')) throw new LedgerError('CERTIFICATE_CONSUMED', `certificate ${number} already cleared a consignment and cannot be used again`, { number });
      if (!own('ACCEPTED')) refuse(own('REJECTED') ? 'it was rejected' : 'it was not accepted');
      return;
    default:
      return;
  }
}
