import { parseCheckpoint, type Checkpoint } from '../checkpoint.js';
import { parseEntryJson } from '../entry.js';
import { isLedgerError } from '../errors.js';
import type { Entry } from '../schemas.js';

/** Decodes a transported entry, checking it sits where the log filed it. */
export function decodeTransported(authority: string, sequence: number, text: string): Entry | { reason: string } {
  try {
    const entry = parseEntryJson(text);
    if (entry.authority !== authority || entry.sequence !== sequence) {
      return { reason: `message filed as ${authority}#${sequence} holds ${entry.authority}#${entry.sequence}` };
    }
    return entry;
  } catch (error) {
    return { reason: isLedgerError(error) ? error.message : String(error) };
  }
}

/** Decodes a transported checkpoint, checking it belongs to the chain it was filed under. */
export function decodeCheckpoint(authority: string, text: string): Checkpoint | { reason: string } {
  try {
    const checkpoint = parseCheckpoint(JSON.parse(text));
    return checkpoint.authority === authority ? checkpoint : { reason: `checkpoint filed under ${authority} is ${checkpoint.authority}'s` };
  } catch (error) {
    return { reason: `checkpoint of ${authority}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
