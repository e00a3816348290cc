import { closeSync, existsSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../canonical.js';
import { LedgerError } from '../errors.js';
import { parseEvidence } from '../fork-evidence.js';
import type { Checkpoint } from '../checkpoint.js';
import type { Entry } from '../schemas.js';
import { lockDirectory, type DirectoryLock } from './directory-lock.js';
import { takeoverWarning } from './lock-holder.js';
import { readChainFile, readCheckpointFile } from './read-chain-file.js';
import type { ForkEvidence, LedgerStore, StoredLedger } from './store.js';

export interface FileStoreOptions {
  /** For audits: touch nothing, take no lock, leave a torn tail in place (it is still not loaded). */
  readonly readOnly?: boolean;
  /** Told when the lock is taken over from a writer that died holding it (default: a process warning). */
  readonly warn?: (message: string) => void;
}

/**
 * The embedded default: one append-only JSON-lines file per chain under `<dir>/chains/`.
 * Each entry is one line, written with one write() and fdatasync'd before `append` returns, so
 * every acknowledged entry is on disk. A line cut by a crash (no trailing newline) was never
 * acknowledged; `load` cuts it off. Checkpoints and fork evidence live beside the chains.
 *
 * A writable store holds the directory's lock from construction to `close`: a second writer, in
 * this process or another, is refused (DATA_DIR_LOCKED) rather than forking the chains.
 */
export class FileStore implements LedgerStore {
  readonly dir: string;
  readonly #fds = new Map<string, number>();
  readonly #readOnly: boolean;
  readonly #lock: DirectoryLock | null = null;

  constructor(dir: string, options: FileStoreOptions = {}) {
    this.dir = dir;
    this.#readOnly = options.readOnly ?? false;
    if (this.#readOnly) return;
    this.#lock = lockDirectory(dir);
    const warn = options.warn ?? ((message: string) => process.emitWarning(message, 'DataDirLockWarning'));
    if (this.#lock.tookOver) warn(takeoverWarning(dir, this.#lock.tookOver));
    for (const sub of ['chains', 'checkpoints']) mkdirSync(join(dir, sub), { recursive: true });
  }

  load(): StoredLedger {
    const chains = new Map<string, Entry[]>();
    for (const file of listFiles(join(this.dir, 'chains'), '.jsonl')) {
      chains.set(file.slice(0, -'.jsonl'.length), readChainFile(join(this.dir, 'chains', file), { repair: !this.#readOnly }));
    }
    const checkpoints = new Map<string, Checkpoint>();
    for (const file of listFiles(join(this.dir, 'checkpoints'), '.json')) {
      const checkpoint = readCheckpointFile(join(this.dir, 'checkpoints', file));
      checkpoints.set(checkpoint.authority, checkpoint);
    }
    return { chains, checkpoints, evidence: this.#readEvidence() };
  }

  append(entry: Entry): void {
    if (this.#readOnly) throw new Error(`${this.dir} is open read-only`);
    const fd = this.#fd(entry.authority);
    writeSync(fd, `${canonicalJson(entry)}\n`);
    fdatasyncSync(fd);
  }

  saveCheckpoint(checkpoint: Checkpoint): void {
    const file = join(this.dir, 'checkpoints', `${checkpoint.authority}.json`);
    const temp = `${file}.tmp`;
    const fd = openSync(temp, 'w');
    writeSync(fd, `${JSON.stringify(checkpoint, null, 2)}\n`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, file);
    fsyncDir(join(this.dir, 'checkpoints')); // the rename itself must survive a crash
  }

  recordEvidence(evidence: ForkEvidence): void {
    const fd = openSync(join(this.dir, 'evidence.jsonl'), 'a');
    writeSync(fd, `${JSON.stringify(evidence)}\n`);
    fsyncSync(fd);
    closeSync(fd);
  }

  close(): void {
    for (const fd of this.#fds.values()) closeSync(fd);
    this.#fds.clear();
    this.#lock?.release();
  }

  #fd(authority: string): number {
    let fd = this.#fds.get(authority);
    if (fd === undefined) {
      fd = openSync(join(this.dir, 'chains', `${authority}.jsonl`), 'a');
      fsyncDir(join(this.dir, 'chains')); // make a newly created file's name durable too
      this.#fds.set(authority, fd);
    }
    return fd;
  }

  /** Fork evidence is proof against an authority: a damaged file is STORAGE_CORRUPT, never dropped. */
  #readEvidence(): ForkEvidence[] {
    const file = join(this.dir, 'evidence.jsonl');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new LedgerError('STORAGE_CORRUPT', `${file}:${index + 1}: fork evidence is not valid JSON`, { path: file, line: index + 1 });
      }
      try {
        return parseEvidence(value);
      } catch (error) {
        throw new LedgerError('STORAGE_CORRUPT', `${file}:${index + 1}: ${error instanceof Error ? error.message : String(error)}`, { path: file, line: index + 1 });
      }
    });
  }
}

function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).sort();
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  fsyncSync(fd);
  closeSync(fd);
}
