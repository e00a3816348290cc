import { readFileSync } from 'node:fs';
import { CertificateError } from './errors.js';
import { importJson } from './json-codec.js';
import type { PhytosanitaryCertificate } from './model.js';
import { importXml } from './xml/index.js';

export type CertificateFormat = 'xml' | 'json';

/** XML when the text starts with `<` (after any byte-order mark and blanks), JSON otherwise. */
export function formatOf(text: string): CertificateFormat {
  return /^\uFEFF?\s*</.test(text) ? 'xml' : 'json';
}

/** Imports a certificate document from text, in whichever format it is. */
export function importCertificate(text: string, file: string): { certificate: PhytosanitaryCertificate; format: CertificateFormat } {
  const format = formatOf(text);
  return { certificate: format === 'xml' ? importXml(text.replace(/^\uFEFF/, ''), file) : importJson(text, file), format };
}

/** Reads and imports a certificate file (XML or JSON); an unreadable file is UNREADABLE_CERTIFICATE. */
export function readCertificateFile(path: string): { certificate: PhytosanitaryCertificate; format: CertificateFormat } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CertificateError('UNREADABLE_CERTIFICATE', { file: path, path: '(file)' }, error instanceof Error ? error.message : 'cannot read');
  }
  return importCertificate(text, path);
}
