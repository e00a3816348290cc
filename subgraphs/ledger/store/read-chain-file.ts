import { basename } from 'node:path';
import { appendFileSync, readFileSync, truncateSync } from 'node:fs';
import { parseCheckpoint, type Checkpoint } from '../checkpoint.js';
import { parseEntryJson } from '../entry.js';
import { LedgerError, isLedgerError } from '../errors.js';
import type { Entry } from '../schemas.js';
import { splitTail } from './torn-tail.js';

/**
 * Reads `<dir>/<AUTHORITY>.jsonl`. Line n must hold `<AUTHORITY>#n`: a repeated line, a line from
 * another chain or a line out of order is STORAGE_CORRUPT (file and line named), never skipped.
 *
 * A torn tail — bytes after the last newline that are not a complete entry — belongs to a write
 * that crashed before it was acknowledged, so cutting it (when `repair`) loses nothing. A complete
 * entry that only lacks its newline is kept (the newline is restored); a complete entry followed
 * by anything but a newline was damaged after the fact: STORAGE_CORRUPT.
 */
export function readChainFile(path: string, options: { readonly repair: boolean } = { repair: true }): Entry[] {
  const authority = basename(path, '.jsonl');
  const bytes = readFileSync(path);
  const { body, tail } = splitTail(bytes);
  const lines = body.toString('utf8').split('\n');
  lines.pop(); // the empty string after the final newline
  if (tail.kind === 'torn' && options.repair) truncateSync(path, body.length);
  if (tail.kind === 'damaged') {
    throw new LedgerError('STORAGE_CORRUPT', `${path}:${lines.length + 1}: a complete entry is followed by ${tail.extra} unexpected byte(s) instead of a newline`, {
      path, line: lines.length + 1,
    });
  }
  if (tail.kind === 'complete') {
    lines.push(tail.text);
    if (options.repair) appendFileSync(path, '\n', { flush: true });
  }
  return lines.map((line, index) => {
    const where = { path, line: index + 1 };
    let entry: Entry;
    try {
      entry = parseEntryJson(line);
    } catch (error) {
      const reason = isLedgerError(error) ? error.message : String(error);
      throw new LedgerError('STORAGE_CORRUPT', `${path}:${index + 1}: ${reason}`, where);
    }
    if (entry.authority !== authority || entry.sequence !== index + 1) {
      throw new LedgerError('STORAGE_CORRUPT', `${path}:${index + 1}: holds ${entry.authority}#${entry.sequence} where ${authority}#${index + 1} belongs`, where);
    }
    return entry;
  });
}

/** Reads `<dir>/<AUTHORITY>.json`, a checkpoint of that authority's chain, or STORAGE_CORRUPT. */
export function readCheckpointFile(path: string): Checkpoint {
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new LedgerError('STORAGE_CORRUPT', `${path}: ${error instanceof Error ? error.message : String(error)}`, { path });
  }
  if (checkpoint.authority !== basename(path, '.json')) {
    throw new LedgerError('STORAGE_CORRUPT', `${path}: holds a checkpoint of ${checkpoint.authority}`, { path });
  }
  return checkpoint;
}
