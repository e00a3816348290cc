import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '../errors.js';
import { describeHolder, readHolder, removeHolder, writeHolder, type LockHolder } from './lock-holder.js';

/** The file the lock is held on. Never deleted, and never opened by anything but the lock. */
export const LOCK_FILE = 'LOCK';
/** Names the holder while the lock is held (written once taken, removed before released). */
export const HOLDER_FILE = 'LOCK.pid';

/** A directory held for writing by this process until `release`. */
export interface DirectoryLock {
  readonly dir: string;
  /**
   * The holder LOCK.pid still named when this lock was taken: one that ended without releasing
   * it (killed, crashed, power lost). Null after a clean release, or for a new directory.
   */
  readonly tookOver: LockHolder | null;
  /** True until `release`. */
  readonly held: boolean;
  /** Idempotent. */
  release(): void;
}

/*
 * Why an OS lock, taken through node:sqlite. Node has no flock(). proper-lockfile is not
 * installed, and it is mtime-based: a holder must refresh its lock on a timer, so a busy or paused
 * process loses it and a dead one blocks starts until the lock goes stale. A pid file created with
 * O_EXCL needs stale-pid detection, which cannot be made safe: two starters that both find a dead
 * holder's file can both take it over, and a recycled pid (a container restarts its node with the
 * same pid, or another program got it) looks alive. SQLite, built into Node 24 and synchronous as
 * the stores are, holds a POSIX advisory lock (fcntl) on its file in EXCLUSIVE locking mode: the
 * kernel refuses it to every other process and drops it when the holder exits, however it exits
 * (SIGKILL, power loss), so a lock is never stale and there is no takeover race; SQLite refuses a
 * second connection in the same process too. LOCK.pid only names the holder: for the refusal, and,
 * found when the lock is taken, as the trace of a holder that died (the takeover warning).
 *
 * The price of fcntl locks: a process loses all its locks on a file when it closes *any*
 * descriptor of that file. So a process holding a lock must not open LOCK otherwise (an in-process
 * copy of a data directory leaves LOCK out), and LOCK is never deleted (a process that opened the
 * old file would lock one nobody else sees).
 */
const SQLITE_BUSY = 5;
const SQLITE_NOTADB = 26;

/**
 * Takes `dir` (created if missing) for writing, or throws DATA_DIR_LOCKED naming the directory
 * and the holder's pid. Release it when closing; a process that dies releases it too.
 */
export function lockDirectory(dir: string): DirectoryLock {
  mkdirSync(dir, { recursive: true });
  // Loaded here, not on import: code that takes no lock (the simulator, the gateway, audits)
  // never loads SQLite (before Node 24.15 loading it printed an ExperimentalWarning).
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
  const db = new DatabaseSync(join(dir, LOCK_FILE));
  try {
    // EXCLUSIVE locking mode keeps the lock of the first write transaction until close; the
    // journal stays in memory, so LOCK is the only file SQLite keeps here.
    db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY; BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    db.close();
    throw refusal(dir, error);
  }
  const holderFile = join(dir, HOLDER_FILE);
  const tookOver = readHolder(holderFile);
  writeHolder(holderFile);
  let held = true;
  return {
    dir,
    tookOver,
    get held() {
      return held;
    },
    release() {
      if (!held) return;
      held = false;
      removeHolder(holderFile); // first: a LOCK.pid left behind means the holder died
      db.close();
    },
  };
}

/**
 * For stores opened on a directory someone else locked (a node's private records, certificates):
 * a write after the lock was released is refused (DATA_DIR_LOCKED), never made unlocked.
 */
export function assertHeld(lock: DirectoryLock, what: string): void {
  if (!lock.held) throw new LedgerError('DATA_DIR_LOCKED', `${lock.dir} is no longer held by this process (it was closed): ${what} not written`, { dir: lock.dir, pid: null });
}

function refusal(dir: string, error: unknown): unknown {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  if (code === SQLITE_BUSY) {
    const holder = readHolder(join(dir, HOLDER_FILE));
    return new LedgerError('DATA_DIR_LOCKED', `${dir} is in use: locked by ${describeHolder(holder)}, which has it open for writing (a second writer would fork its chains); stop that process first`, {
      dir, pid: holder?.pid ?? null,
    });
  }
  if (code === SQLITE_NOTADB) {
    const path = join(dir, LOCK_FILE);
    return new LedgerError('STORAGE_CORRUPT', `${path} is not a lock file mra-hub wrote; remove it once no process has ${dir} open`, { path });
  }
  return error;
}
