import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { validateCertificate, type PhytosanitaryCertificate } from '../../certificates/index.js';
import { assertHeld, type DirectoryLock } from '../../ledger/index.js';

/**
 * Certificate content held at a node: the ones it issued, and the ones addressed to it that it
 * received. Never on the ledger, never on the replication transport.
 */
export interface CertificateStore {
  get(number: string): PhytosanitaryCertificate | undefined;
  put(certificate: PhytosanitaryCertificate): void;
}

export class MemoryCertificateStore implements CertificateStore {
  readonly #certificates = new Map<string, PhytosanitaryCertificate>();
  get(number: string): PhytosanitaryCertificate | undefined {
    return this.#certificates.get(number);
  }
  put(certificate: PhytosanitaryCertificate): void {
    this.#certificates.set(certificate.number, certificate);
  }
}

/**
 * One JSON file per certificate under `<data>/certificates/`, written atomically (temp file,
 * fsync, rename). Opened on a node's data directory as its lock, as the private store is: only
 * the holder writes here, and nothing once the lock is released.
 */
export class FileCertificateStore implements CertificateStore {
  readonly #data: DirectoryLock;
  readonly #dir: string;
  readonly #cache = new Map<string, PhytosanitaryCertificate>();

  constructor(data: DirectoryLock) {
    this.#data = data;
    this.#dir = join(data.dir, 'certificates');
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    for (const file of readdirSync(this.#dir).filter((f) => f.endsWith('.json'))) {
      const path = join(this.#dir, file);
      const certificate = validateCertificate(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
      this.#cache.set(certificate.number, certificate);
    }
  }

  get(number: string): PhytosanitaryCertificate | undefined {
    return this.#cache.get(number);
  }

  put(certificate: PhytosanitaryCertificate): void {
    assertHeld(this.#data, `certificate ${certificate.number}`);
    // Numbers may hold `/`; the file name must not.
    const file = join(this.#dir, `${encodeURIComponent(certificate.number)}.json`);
    const fd = openSync(`${file}.tmp`, 'w', 0o600);
    writeSync(fd, JSON.stringify(certificate, null, 2));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(`${file}.tmp`, file);
    this.#cache.set(certificate.number, certificate);
  }
}
