/** Ledger storage: the durable file store (embedded default) and an in-memory store. */
export { assertHeld, HOLDER_FILE, LOCK_FILE, lockDirectory, type DirectoryLock } from './directory-lock.js';
export { FileStore, type FileStoreOptions } from './file-store.js';
export { takeoverWarning, type LockHolder } from './lock-holder.js';
export { MemoryStore } from './memory-store.js';
export { readChainFile } from './read-chain-file.js';
export type { ForkEvidence, LedgerStore, StoredLedger } from './store.js';
