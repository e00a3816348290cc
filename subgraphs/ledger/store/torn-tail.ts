/** What follows a chain file's last newline. */
export type Tail =
  | { readonly kind: 'none' }
  /** A prefix of a line a crash interrupted: never acknowledged. */
  | { readonly kind: 'torn' }
  /** A whole entry whose newline is missing (the write stopped one byte short). */
  | { readonly kind: 'complete'; readonly text: string }
  /** A whole entry followed by other bytes: damage, not a crash. */
  | { readonly kind: 'damaged'; readonly extra: number };

/**
 * Splits a chain file into its complete lines and its tail. Every line is canonical JSON of one
 * object, so a prefix of a line parses as JSON only if it holds the whole object: that is how a
 * torn write (cut anywhere, possibly followed by the zero bytes some file systems leave after a
 * crash) is told apart from a complete entry whose newline was lost or changed.
 */
export function splitTail(bytes: Buffer): { body: Buffer; tail: Tail } {
  const end = bytes.lastIndexOf(0x0a) + 1;
  const body = bytes.subarray(0, end);
  const rest = bytes.subarray(end);
  if (rest.length === 0) return { body, tail: { kind: 'none' } };
  const close = rest.lastIndexOf(0x7d) + 1; // the last '}'
  if (close === 0) return { body, tail: { kind: 'torn' } };
  const text = rest.subarray(0, close).toString('utf8');
  if (!parsesAsObject(text)) return { body, tail: { kind: 'torn' } };
  const extra = rest.length - close;
  if (extra === 0) return { body, tail: { kind: 'complete', text } };
  return { body, tail: { kind: 'damaged', extra } };
}

function parsesAsObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
