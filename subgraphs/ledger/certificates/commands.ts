import type { CertificateEntryContent } from './schemas.js';

/** What an authority asks its chain to record about a certificate (imperative). */
export type CertificateCommand =
  | { readonly kind: 'issueCertificate'; readonly number: string; readonly importer: string; readonly digest: string; readonly replaces?: string | null }
  | { readonly kind: 'withdrawCertificate'; readonly number: string; readonly reason: string }
  | { readonly kind: 'receiveCertificate'; readonly number: string; readonly digest: string }
  | { readonly kind: 'acceptCertificate'; readonly number: string }
  | { readonly kind: 'rejectCertificate'; readonly number: string; readonly reason: string }
  | { readonly kind: 'consumeCertificate'; readonly number: string; readonly clearance: string };

export const CERTIFICATE_COMMANDS: ReadonlySet<string> = new Set([
  'issueCertificate', 'withdrawCertificate', 'receiveCertificate', 'acceptCertificate', 'rejectCertificate', 'consumeCertificate',
]);

/** The entry content a certificate command asks for (validated and checked by `decide`). */
export function certificateContent(command: CertificateCommand): CertificateEntryContent {
  switch (command.kind) {
    case 'issueCertificate':
      return { type: 'CERT_ISSUED', payload: { number: command.number, importer: command.importer, digest: command.digest, replaces: command.replaces ?? null } };
    case 'withdrawCertificate':
      return { type: 'CERT_WITHDRAWN', payload: { number: command.number, reason: command.reason } };
    case 'receiveCertificate':
      return { type: 'CERT_RECEIVED', payload: { number: command.number, digest: command.digest } };
    case 'acceptCertificate':
      return { type: 'CERT_ACCEPTED', payload: { number: command.number } };
    case 'rejectCertificate':
      return { type: 'CERT_REJECTED', payload: { number: command.number, reason: command.reason } };
    case 'consumeCertificate':
      return { type: 'CERT_CONSUMED', payload: { number: command.number, clearance: command.clearance } };
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
