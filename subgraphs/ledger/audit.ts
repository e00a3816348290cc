import type { Checkpoint } from './checkpoint.js';
import { isLedgerError } from './errors.js';
import { verifyEvidence } from './fork-evidence.js';
import type { Genesis } from './genesis.js';
import { loadChains } from './load-chains.js';
import { Replica } from './replica.js';
import type { StoredLedger } from './store/index.js';

export interface ChainAudit {
  readonly authority: string;
  readonly stored: number;
  readonly verified: number;
  readonly head: string | null;
  readonly root: string;
  readonly checkpoint: 'none' | 'ok' | string;
}

export interface AuditProblem {
  readonly authority: string;
  readonly sequence: number | null;
  readonly code: string;
  readonly message: string;
}

/** What an auditor learns from a replica's files, verified from the genesis alone. */
export interface AuditReport {
  readonly network: string;
  readonly ok: boolean;
  readonly chains: readonly ChainAudit[];
  readonly problems: readonly AuditProblem[];
  /** Pieces of fork evidence whose two entries both verify (bad ones are problems). */
  readonly forkEvidence: number;
  /** Checkpoints the auditor brought (`--checkpoint`), each `ok` or the code it failed with. */
  readonly presented: readonly { readonly authority: string; readonly treeSize: number; readonly result: string }[];
}

/**
 * Re-verifies stored chains from scratch — every signature, sequence and link, the issuer rules
 * and each stored checkpoint — trusting nothing but the genesis. Reports, never repairs.
 */
export function auditLedger(genesis: Genesis, stored: StoredLedger, options: { readonly checkpoints?: readonly Checkpoint[] } = {}): AuditReport {
  const replica = Replica.open({ genesis, now: () => new Date(0) });
  const problems: AuditProblem[] = loadChains(stored.chains, (entry) => replica.ingest(entry)).map((p) => ({ ...p }));
  // A checkpoint without its chain file still counts: a deleted chain is a truncated one.
  const authorities = [...new Set([...stored.chains.keys(), ...stored.checkpoints.keys()])].sort();
  const chains = authorities.map((authority): ChainAudit => {
    const entries = stored.chains.get(authority) ?? [];
    let checkpoint = 'none';
    const signed = stored.checkpoints.get(authority);
    if (signed) {
      try {
        replica.verifyCheckpoint(signed);
        checkpoint = 'ok';
      } catch (error) {
        checkpoint = isLedgerError(error) ? error.code : 'BAD_CHECKPOINT';
        problems.push({ authority, sequence: signed.treeSize, code: checkpoint, message: error instanceof Error ? error.message : String(error) });
      }
    }
    const chain = replica.chain(authority);
    return { authority, stored: entries.length, verified: chain.length, head: chain.head?.hash ?? null, root: chain.root(), checkpoint };
  });
  let forkEvidence = 0;
  for (const evidence of stored.evidence) {
    try {
      verifyEvidence(replica.state, evidence);
      forkEvidence += 1;
    } catch (error) {
      problems.push({ authority: evidence.authority, sequence: evidence.sequence, code: 'BAD_EVIDENCE', message: error instanceof Error ? error.message : String(error) });
    }
  }
  // A checkpoint obtained elsewhere (from the owner, a partner, a log) must be held here in full.
  const presented = (options.checkpoints ?? []).map((checkpoint) => {
    try {
      replica.verifyCheckpoint(checkpoint);
      return { authority: checkpoint.authority, treeSize: checkpoint.treeSize, result: 'ok' };
    } catch (error) {
      const code = isLedgerError(error) ? error.code : 'BAD_CHECKPOINT';
      problems.push({ authority: checkpoint.authority, sequence: checkpoint.treeSize, code, message: error instanceof Error ? error.message : String(error) });
      return { authority: checkpoint.authority, treeSize: checkpoint.treeSize, result: code };
    }
  });
  return { network: replica.network, ok: problems.length === 0, chains, problems, forkEvidence, presented };
}
