/** `mra-hub ledger verify|prove`: audits of a data directory and consistency proofs from a node. */
export { findLedgerDir, genesisPathFor, readCheckpointArg } from './ledger-dir.js';
export { runProve, type ProveOptions } from './prove.js';
export { runVerify, type VerifyOptions } from './verify.js';
