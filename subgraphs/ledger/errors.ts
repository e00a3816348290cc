/**
 * Stable error codes of the ledger. Each rejection names one cause, so a replica's log and an
 * auditor's report say *why* an entry was refused (forgery, wrong key, gap, fork, ...).
 */
export const LEDGER_ERROR_CODES = [
  'MALFORMED_ENTRY',
  'WRONG_NETWORK',
  'UNKNOWN_AUTHORITY',
  'KEY_MISMATCH',
  'HASH_MISMATCH',
  'BAD_SIGNATURE',
  'SEQUENCE_GAP',
  'BROKEN_LINK',
  'FORK_DETECTED',
  'CHAIN_TRUNCATED',
  'BAD_CHECKPOINT',
  'BAD_PROOF',
  'BAD_EVIDENCE',
  // A signer that has seen a checkpoint of its own chain beyond what it holds (it lost data) must
  // not sign: a new entry would fork its own chain. Recovery from peers lifts it.
  'RECOVERY_INCOMPLETE',
  'STORAGE_CORRUPT',
  // A directory another process (or another store in this one) holds open for writing: two
  // writers on one ledger directory would fork its chains (store/directory-lock.ts).
  'DATA_DIR_LOCKED',
  // Domain (decide) errors: a command that would break a rule changes nothing.
  'BAD_USER_INPUT',
  'NOT_ISSUER',
  'AEO_EXISTS',
  'AEO_NOT_FOUND',
  'INVALID_TRANSITION',
  'MRA_EXISTS',
  'MRA_NOT_FOUND',
  'NOT_A_PARTY',
  'ALREADY_APPROVED',
  // Certificate lifecycle (certificates/rules.ts).
  'CERTIFICATE_EXISTS',
  'CERTIFICATE_NOT_FOUND',
  'NOT_IMPORTER',
  'CERTIFICATE_CONSUMED',
  'DIGEST_MISMATCH',
] as const;

export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

/** An error with a stable `code`, surfaced to GraphQL clients as `extensions.code`. */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: LedgerErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a LedgerError, optionally with the given code. */
export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  return error instanceof LedgerError && (code === undefined || error.code === code);
}
