/** Lifecycle status of a certificate, derived from the facts on the exporter's and importer's chains. */
export type CertificateStatus = 'ISSUED' | 'RECEIVED' | 'ACCEPTED' | 'REJECTED' | 'CONSUMED' | 'REPLACED' | 'WITHDRAWN';

export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['ISSUED', 'RECEIVED', 'ACCEPTED', 'REJECTED', 'CONSUMED', 'REPLACED', 'WITHDRAWN'];

/** One signed lifecycle step, with the entry that recorded it. */
export interface CertificateStep {
  readonly kind: CertificateStatus;
  readonly authority: string;
  readonly at: string;
  readonly reason: string | null;
  /** The clearance (consumed), or the replacing certificate's number (replaced). */
  readonly reference: string | null;
  readonly sequence: number;
  readonly entryHash: string;
}

export interface CertificateIssue {
  readonly importer: string;
  readonly digest: string;
  readonly replaces: string | null;
  readonly at: string;
  readonly sequence: number;
  readonly entryHash: string;
}

/**
 * A certificate as raw facts from two chains. Steps are kept whatever order the chains arrive
 * in (an importer's step may arrive before the issue it refers to), so the fold is order-free;
 * `certificateStatus` derives the status, counting only steps by the authority allowed to take them.
 */
export interface CertificateRecord {
  readonly number: string;
  /** The issuing authority: the number's country prefix. */
  readonly exporter: string;
  readonly issued: CertificateIssue | null;
  /** Sorted by time, then authority, then sequence: the same list on every replica. */
  readonly steps: readonly CertificateStep[];
}

const IMPORTER_PRECEDENCE: readonly CertificateStatus[] = ['CONSUMED', 'REJECTED', 'ACCEPTED', 'RECEIVED'];

/**
 * The status every replica derives: WITHDRAWN and REPLACED (the exporter's word) first, then the
 * importer's furthest step; null until the issue entry is known.
 */
export function certificateStatus(record: CertificateRecord): CertificateStatus | null {
  if (!record.issued) return null;
  if (hasStep(record, record.exporter, 'WITHDRAWN')) return 'WITHDRAWN';
  if (hasStep(record, record.exporter, 'REPLACED')) return 'REPLACED';
  const importer = record.issued.importer;
  return IMPORTER_PRECEDENCE.find((kind) => hasStep(record, importer, kind)) ?? 'ISSUED';
}

/** True when `authority` recorded a step of `kind` on this certificate. */
export function hasStep(record: CertificateRecord, authority: string, kind: CertificateStatus): boolean {
  return record.steps.some((s) => s.authority === authority && s.kind === kind);
}

/** Steps that count: the exporter's and the named importer's (anyone else's are ignored). */
export function validSteps(record: CertificateRecord): readonly CertificateStep[] {
  const importer = record.issued?.importer;
  return record.steps.filter((s) => s.authority === record.exporter || s.authority === importer);
}
