/** Ledger storage: the durable file store (embedded default) and an in-memory store. */
export { FileStore } from './file-store.js';
export { MemoryStore } from './memory-store.js';
export { readChainFile } from './read-chain-file.js';
export type { ForkEvidence, LedgerStore, StoredLedger } from './store.js';
