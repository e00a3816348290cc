/** Certificate lifecycle on the ledger: entry types, the rules every replica checks, the fold. */
export { certificateContent, CERTIFICATE_COMMANDS, type CertificateCommand } from './commands.js';
export { evolveCertificate } from './evolve.js';
export { assertCertificateAllowed } from './rules.js';
export {
  CERTIFICATE_ENTRY_TYPES, certificateEntrySchemas, certificateNumberSchema, type CertificateEntryContent, type CertificateEntryType,
} from './schemas.js';
export {
  CERTIFICATE_STATUSES, certificateStatus, hasStep, validSteps, type CertificateIssue, type CertificateRecord, type CertificateStatus, type CertificateStep,
} from './state.js';
