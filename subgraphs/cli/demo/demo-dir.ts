import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOLDER_FILE, LOCK_FILE, type DirectoryLock } from '../../ledger/index.js';
import { ensureDirectory } from '../directories.js';
import { CliError } from '../errors.js';
import { pathFailure } from '../user-files.js';

/** The file the demo writes first into its `--data` directory: the only proof that it may wipe it. */
export const DEMO_MARKER = '.mra-hub-demo';

/** What a demo writes into its directory (a genesis and the three nodes' folders). */
const DEMO_ENTRIES = new Set(['genesis.json', 'mx', 'cr', 'pe']);

/**
 * Makes `dir` ready for a fresh demo, held by `hold` (its lock) for as long as the demo runs, and marks it as the demo's: created if missing, kept if
 * empty, emptied if an earlier demo made it (its marker is there; or, in the default `data/demo`
 * the user did not name, what demos wrote before they left a marker). Anything else (`.`, a home
 * folder, a node's real data directory) is refused as one line before anything is deleted:
 * `--data` names a directory the demo wipes, and a slip must not cost the user their files.
 */
export function prepareDemoDir(dir: string, isDefault: boolean, hold: (dir: string) => DirectoryLock): DirectoryLock {
  const entries = listDirectory(dir);
  const earlierDemo = isDefault && entries?.every((entry) => DEMO_ENTRIES.has(entry));
  if (entries === undefined) {
    ensureDirectory(dir, '--data');
  } else if (entries.length > 0 && !entries.includes(DEMO_MARKER) && !earlierDemo) {
    throw new CliError(`--data ${dir}: holds files the demo did not write (no ${DEMO_MARKER} in it); refusing to wipe it: name a new or empty directory`);
  }
  // Locked before anything is deleted: a second demo on it is refused (DATA_DIR_LOCKED) rather
  // than deleting the files of one that is running. The lock's own files stay (LOCK is never deleted).
  const lock = hold(dir);
  // The marker stays until the rest is gone: a wipe cut short is finished by the next demo.
  const kept = new Set([DEMO_MARKER, LOCK_FILE, HOLDER_FILE]);
  for (const entry of entries ?? []) if (!kept.has(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  writeFileSync(join(dir, DEMO_MARKER), 'made by `mra-hub demo`, which wipes this directory when it starts again\n');
  return lock;
}

/** The names in `dir`, or undefined when there is no such directory yet. */
function listDirectory(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw pathFailure(error, '--data', dir, 'read the directory');
  }
}
