import { z } from 'zod';

/*
 * One spelling per value. Base64url has several spellings of the same bytes (the unused low bits
 * of the last character, padding), and a field that is not covered by the hash — the signature —
 * could then change an entry's bytes and its Merkle leaf without changing what it proves. So
 * every encoded field is accepted only in the exact form our encoder writes: unpadded base64url
 * of a fixed length whose decoding re-encodes to the same text.
 */

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** True when `text` is the canonical unpadded base64url of exactly `bytes` bytes. */
export function isCanonicalBase64url(text: string, bytes: number): boolean {
  if (text.length !== Math.ceil((bytes * 4) / 3) || !ALPHABET.test(text)) return false;
  const raw = Buffer.from(text, 'base64url');
  return raw.length === bytes && raw.toString('base64url') === text;
}

/** Decodes canonical base64url of `bytes` bytes, or returns null for any other spelling. */
export function decodeCanonicalBase64url(text: string, bytes: number): Buffer | null {
  return isCanonicalBase64url(text, bytes) ? Buffer.from(text, 'base64url') : null;
}

/** An Ed25519 signature: 64 bytes, canonical base64url (86 characters). */
export const signatureSchema = z.string().refine((s) => isCanonicalBase64url(s, 64), 'a canonical base64url Ed25519 signature (64 bytes, 86 characters)');

/** A raw Ed25519 public key: 32 bytes, canonical base64url (43 characters). */
export const publicKeySchema = z.string().refine((s) => isCanonicalBase64url(s, 32), 'a canonical base64url Ed25519 public key (32 bytes, 43 characters)');
