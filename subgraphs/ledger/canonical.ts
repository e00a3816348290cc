import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

// canonicalize is CommonJS (`module.exports = fn`); Node's ESM default import is that function,
// but its typings declare an ES default export, which NodeNext resolution wraps once more.
const serialize = canonicalize as unknown as (input: unknown) => string | undefined;

/**
 * RFC 8785 (JCS) canonical JSON: the exact bytes that are hashed and signed, so that any
 * implementation re-serialising an entry gets the same signature input.
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/** Canonical JSON as UTF-8 bytes. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/** SHA-256 of bytes or of a value's canonical JSON, as lower-case hex. */
export function sha256Hex(input: Uint8Array | string): string {
  return createHash('sha256').update(input).digest('hex');
}

/** SHA-256 of a value's canonical JSON, as lower-case hex. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalBytes(value));
}
