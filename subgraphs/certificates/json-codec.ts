import { CertificateError } from './errors.js';
import type { PhytosanitaryCertificate } from './model.js';
import { validateCertificate } from './validate.js';

/** The certificate as JSON: the model's own field names, in schema order, two-space indented. */
export function exportJson(certificate: PhytosanitaryCertificate): string {
  return `${JSON.stringify(validateCertificate(certificate, '(certificate)'), null, 2)}\n`;
}

/** Reads a JSON certificate; bad JSON or a bad field is refused with the file, path and reason. */
export function importJson(text: string, file: string): PhytosanitaryCertificate {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not JSON';
    throw new CertificateError('UNREADABLE_CERTIFICATE', { file, path: '(document)' }, `not valid JSON: ${reason}`);
  }
  return validateCertificate(value, file);
}
