import { CertificateError } from './errors.js';
import { certificateSchema, type PhytosanitaryCertificate } from './model.js';

/** `commodities[0].quantity` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(document)';
}

/**
 * Validates a value as a certificate, or throws INVALID_CERTIFICATE naming the first bad field.
 * `locate` turns a model path into the place in the source file (XML element and line).
 */
export function validateCertificate(
  value: unknown,
  file: string,
  locate: (path: string) => { path: string; line?: number | null } = (path) => ({ path }),
): PhytosanitaryCertificate {
  const parsed = certificateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = jsonPath(issue?.path ?? []);
  throw new CertificateError('INVALID_CERTIFICATE', { file, ...locate(path) }, issue?.message ?? 'invalid');
}
