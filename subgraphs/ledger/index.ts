/**
 * The ledger: one signed, hash-linked chain per authority, replicated everywhere and verified by
 * every replica. This file is the folder's public API; add exports with intention.
 */
export { autoCheckpoint } from './auto-checkpoint.js';
export { auditLedger, type AuditProblem, type AuditReport, type ChainAudit } from './audit.js';
export { canonicalBytes, canonicalJson, digestOf, sha256Hex } from './canonical.js';
export { Chain } from './chain.js';
export { checkCheckpointSignature, parseCheckpoint, signCheckpoint, verifyCheckpoint, type Checkpoint } from './checkpoint.js';
export type { CheckpointOutcome } from './checkpoint-book.js';
export { isCanonicalBase64url } from './encoding.js';
export { parseEvidence, verifyEvidence } from './fork-evidence.js';
export { decide, type Command } from './decide.js';
export { bodyOf, checkSeal, label, parseEntry, parseEntryJson, sealEntry, type EntryBody } from './entry.js';
export { LEDGER_ERROR_CODES, LedgerError, isLedgerError, type LedgerErrorCode } from './errors.js';
export { evolve, fold } from './evolve.js';
export { createGenesis, networkId, parseGenesis, type Genesis } from './genesis.js';
export {
  exportPrivateJwk, generateSigningKey, importPrivateJwk, keyIdOf, publicKeyObject, signingKeyFromSeed, type PrivateJwk, type SigningKey,
} from './keys.js';
export { loadChains, type LoadProblem } from './load-chains.js';
export { activeMrasBetween, mraView, mraViews, type MraStatus, type MraView } from './mra-view.js';
export {
  verifyConsistencyProof, verifyInclusionProof, type ConsistencyProof, type InclusionProof,
} from './proofs.js';
export { Replica, type IngestResult, type ReplicaEvent, type ReplicaOptions } from './replica.js';
export {
  CALLER_ROLES, OPERATOR_ROLES, type Address, type CallerRole, type Entry, type EntryContent, type EntryType,
  type Member, type MraTerm, type OperatorRole, type PayloadOf,
} from './schemas.js';
export * from './state.js';
export {
  assertHeld, FileStore, HOLDER_FILE, LOCK_FILE, lockDirectory, MemoryStore, takeoverWarning,
  type DirectoryLock, type FileStoreOptions, type ForkEvidence, type LedgerStore, type LockHolder, type StoredLedger,
} from './store/index.js';
export { verifyEntry, type Verdict } from './verify-entry.js';
export * from './replication/index.js';
export * from './certificates/index.js';
