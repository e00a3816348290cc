import { digestOf } from '../ledger/index.js';
import type { PhytosanitaryCertificate } from './model.js';

/**
 * SHA-256 of the certificate's RFC 8785 canonical JSON: the same for its XML and JSON forms
 * (layout, namespace prefixes and key order do not count; every field's value does).
 */
export function certificateDigest(certificate: PhytosanitaryCertificate): string {
  return digestOf(certificate);
}
