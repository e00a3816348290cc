import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { assertHeld, digestOf, type DirectoryLock } from '../ledger/index.js';

/** An operator's off-ledger data, kept only at its issuing authority's node. */
export interface PrivateRecord {
  readonly taxId: string;
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
  readonly riskScore: number;
  readonly auditNotes: string;
  /** Random salt, so the digest on the ledger cannot be brute-forced from a guessable tax id. */
  readonly salt: string;
}

/** The digest the ledger carries for a private record. */
export function privateDigest(record: PrivateRecord): string {
  return digestOf(record);
}

/** Where a node keeps private records. */
export interface PrivateStore {
  get(aeoId: string): PrivateRecord | undefined;
  put(aeoId: string, record: PrivateRecord): void;
  delete(aeoId: string): void;
}

export class MemoryPrivateStore implements PrivateStore {
  readonly #records = new Map<string, PrivateRecord>();
  get(aeoId: string): PrivateRecord | undefined {
    return this.#records.get(aeoId);
  }
  put(aeoId: string, record: PrivateRecord): void {
    this.#records.set(aeoId, record);
  }
  delete(aeoId: string): void {
    this.#records.delete(aeoId);
  }
}

/**
 * One JSON file per operator under `<data>/private/`, written atomically (temp file, fsync,
 * rename). Opened on a node's data directory as its lock (`lockDirectory`, held by whoever runs
 * the node): only the holder writes here, and nothing is written once the lock is released.
 */
export class FilePrivateStore implements PrivateStore {
  readonly #data: DirectoryLock;
  readonly #dir: string;
  readonly #cache = new Map<string, PrivateRecord>();

  constructor(data: DirectoryLock) {
    this.#data = data;
    this.#dir = join(data.dir, 'private');
    mkdirSync(this.#dir, { recursive: true });
    for (const file of readdirSync(this.#dir).filter((f) => f.endsWith('.json'))) {
      this.#cache.set(file.slice(0, -5), JSON.parse(readFileSync(join(this.#dir, file), 'utf8')) as PrivateRecord);
    }
  }

  get(aeoId: string): PrivateRecord | undefined {
    return this.#cache.get(aeoId);
  }

  put(aeoId: string, record: PrivateRecord): void {
    assertHeld(this.#data, `private record ${aeoId}`);
    const file = join(this.#dir, `${aeoId}.json`);
    const fd = openSync(`${file}.tmp`, 'w', 0o600);
    writeSync(fd, JSON.stringify(record, null, 2));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(`${file}.tmp`, file);
    this.#cache.set(aeoId, record);
  }

  delete(aeoId: string): void {
    assertHeld(this.#data, `deletion of private record ${aeoId}`);
    const file = join(this.#dir, `${aeoId}.json`);
    if (existsSync(file)) rmSync(file);
    this.#cache.delete(aeoId);
  }
}
