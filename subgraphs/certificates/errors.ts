/** Stable codes of certificate documents. */
export type CertificateErrorCode = 'INVALID_CERTIFICATE' | 'UNREADABLE_CERTIFICATE';

/**
 * A document refused, naming the file, where in it (a JSON path like `commodities[0].quantity`
 * or an XML path like `/SPSCertificate/SPSConsignment/ImportSPSCountry/ID`, with the line when
 * known) and why. Nothing is imported from a refused document.
 */
export class CertificateError extends Error {
  override readonly name = 'CertificateError';
  readonly code: CertificateErrorCode;
  readonly file: string;
  readonly path: string;
  readonly line: number | null;
  readonly reason: string;

  constructor(code: CertificateErrorCode, where: { file: string; path: string; line?: number | null }, reason: string) {
    const line = where.line ?? null;
    super(`${where.file}${line !== null ? `:${line}` : ''}: ${where.path}: ${reason}`);
    this.code = code;
    this.file = where.file;
    this.path = where.path;
    this.line = line;
    this.reason = reason;
  }
}

export function isCertificateError(error: unknown): error is CertificateError {
  return error instanceof CertificateError;
}
