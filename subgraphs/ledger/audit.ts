import { isLedgerError } from './errors.js';
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
  readonly forkEvidence: number;
}

/**
 * Re-verifies stored chains from scratch — every signature, sequence and link, the issuer rules
 * and each stored checkpoint — trusting nothing but the genesis. Reports, never repairs.
 */
export function auditLedger(genesis: Genesis, stored: StoredLedger): AuditReport {
  const replica = Replica.open({ genesis, now: () => new Date(0) });
  const problems: AuditProblem[] = loadChains(stored.chains, (entry) => replica.ingest(entry)).map((p) => ({ ...p }));
  const chains = [...stored.chains].map(([authority, entries]): ChainAudit => {
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
  return { network: replica.network, ok: problems.length === 0, chains, problems, forkEvidence: stored.evidence.length };
}
