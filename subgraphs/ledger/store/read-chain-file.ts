import { readFileSync, truncateSync } from 'node:fs';
import { parseEntryJson } from '../entry.js';
import { LedgerError, isLedgerError } from '../errors.js';
import type { Entry } from '../schemas.js';

/**
 * Reads a chain file, cutting a torn tail: bytes after the last newline belong to a write that
 * crashed before it was acknowledged, so dropping them loses nothing. A complete line that does
 * not parse was acknowledged and then damaged: that is STORAGE_CORRUPT, never silently dropped.
 */
export function readChainFile(path: string, options: { readonly repair: boolean } = { repair: true }): Entry[] {
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end < bytes.length && options.repair) truncateSync(path, end);
  const lines = bytes.subarray(0, end).toString('utf8').split('\n');
  lines.pop(); // the empty string after the final newline
  return lines.map((line, index) => {
    try {
      return parseEntryJson(line);
    } catch (error) {
      const reason = isLedgerError(error) ? error.message : String(error);
      throw new LedgerError('STORAGE_CORRUPT', `${path}:${index + 1}: ${reason}`, { path, line: index + 1 });
    }
  });
}
