import type { KeyObject } from 'node:crypto';
import { canonicalBytes, sha256Hex } from './canonical.js';
import { LedgerError } from './errors.js';
import { signBytes, verifyBytes, type SigningKey } from './keys.js';
import { entryContentSchema, entryEnvelopeSchema, type Entry, type EntryContent } from './schemas.js';

/** Everything an entry's signature covers. */
export type EntryBody = Entry extends infer E ? (E extends Entry ? Omit<E, 'hash' | 'signature'> : never) : never;

/** The signed fields of an entry (drops `hash` and `signature`). */
export function bodyOf(entry: Entry): EntryBody {
  const { hash: _hash, signature: _signature, ...body } = entry;
  return body;
}

/** Hashes and signs a body: hash = SHA-256(JCS(body)), signature = Ed25519(JCS(body)). */
export function sealEntry(body: EntryBody, key: SigningKey): Entry {
  const bytes = canonicalBytes(body);
  return { ...body, hash: sha256Hex(bytes), signature: signBytes(key, bytes) };
}

/**
 * Checks an entry's integrity against the public key pinned for its author:
 * HASH_MISMATCH when any signed byte changed after hashing, BAD_SIGNATURE for a forgery.
 */
export function checkSeal(entry: Entry, publicKey: KeyObject): void {
  const bytes = canonicalBytes(bodyOf(entry));
  if (sha256Hex(bytes) !== entry.hash) {
    throw new LedgerError('HASH_MISMATCH', `entry ${label(entry)} does not match its hash`, { hash: entry.hash });
  }
  if (!verifyBytes(publicKey, bytes, entry.signature)) {
    throw new LedgerError('BAD_SIGNATURE', `entry ${label(entry)} has a signature that does not verify`, { hash: entry.hash });
  }
}

/** Validates untrusted input (from a file, a stream, a peer) as an entry, or throws MALFORMED_ENTRY. */
export function parseEntry(input: unknown): Entry {
  const envelope = entryEnvelopeSchema.safeParse(input);
  if (!envelope.success) throw malformed(envelope.error.issues);
  const content = entryContentSchema.safeParse({ type: envelope.data.type, payload: envelope.data.payload });
  if (!content.success) throw malformed(content.error.issues);
  return { ...envelope.data, ...content.data } as Entry; // the two parts were validated separately
}

/** Parses one serialised entry (a JSON line); truncated or invalid JSON is MALFORMED_ENTRY. */
export function parseEntryJson(text: string): Entry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LedgerError('MALFORMED_ENTRY', 'entry is not valid JSON (truncated or corrupted)');
  }
  return parseEntry(value);
}

/** Bytes of a whole entry (signature included) as a Merkle leaf, so proofs cover the signature. */
export function leafBytes(entry: Entry): Buffer {
  return canonicalBytes(entry);
}

/** `MX#12` — how messages name an entry. */
export function label(entry: Pick<Entry, 'authority' | 'sequence'>): string {
  return `${entry.authority}#${entry.sequence}`;
}

/** The typed content of an entry. */
export function contentOf(entry: Entry): EntryContent {
  return entryContentSchema.parse({ type: entry.type, payload: entry.payload });
}

function malformed(issues: readonly { path: readonly PropertyKey[]; message: string }[]): LedgerError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? first.path.map(String).join('.') : 'entry';
  return new LedgerError('MALFORMED_ENTRY', `malformed entry: ${where}: ${first?.message ?? 'invalid'}`, {
    issues: issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`),
  });
}
