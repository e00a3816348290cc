import { basename, extname } from 'node:path';
import { auditLedger, FileStore, isLedgerError, networkId, type AuditReport, type Checkpoint, type Genesis } from '../../ledger/index.js';
import { readGenesis } from '../key-files.js';
import { findLedgerDir, genesisPathFor, readCheckpointArg } from './ledger-dir.js';

export interface VerifyOptions {
  readonly genesis?: string;
  readonly json?: boolean;
  readonly checkpoint: readonly string[];
}

/** `mra-hub ledger verify`: audits a data directory read-only; exit 1 if anything fails, a damaged file included. */
export function runVerify(dir: string, options: VerifyOptions): void {
  const ledgerDir = findLedgerDir(dir);
  const genesis = readGenesis(genesisPathFor(dir, ledgerDir, options.genesis));
  const checkpoints = options.checkpoint.map(readCheckpointArg);
  const report = auditFiles(genesis, ledgerDir, checkpoints);
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(ledgerDir, report));
  if (!report.ok) process.exitCode = 1;
}

/**
 * The audit of a ledger directory's files. A file the store cannot read (STORAGE_CORRUPT: a
 * damaged line, an entry out of place, a checkpoint that is not one) fails the audit as a bad
 * signature does, naming file and line: it is what an audit is for, not the auditor's mistake.
 */
function auditFiles(genesis: Genesis, ledgerDir: string, checkpoints: readonly Checkpoint[]): AuditReport {
  try {
    return auditLedger(genesis, new FileStore(ledgerDir, { readOnly: true }).load(), { checkpoints });
  } catch (error) {
    if (!isLedgerError(error, 'STORAGE_CORRUPT')) throw error;
    const path = error.details.path;
    const authority = typeof path === 'string' ? basename(path, extname(path)) : '';
    return {
      network: networkId(genesis), ok: false, chains: [], forkEvidence: 0, presented: [],
      problems: [{ authority, sequence: null, code: error.code, message: `${error.message} (the store cannot be read: no chain was verified)` }],
    };
  }
}

function formatReport(ledgerDir: string, report: AuditReport): string {
  const lines = [`ledger ${ledgerDir}`, `network ${report.network}`];
  for (const c of report.chains) {
    const status = c.verified === c.stored ? 'ok' : `only ${c.verified} of ${c.stored} verify`;
    lines.push(`  ${c.authority}  ${String(c.stored).padStart(6)} entries  ${status}  root ${c.root.slice(0, 16)}…  checkpoint ${c.checkpoint}`);
  }
  for (const p of report.presented) lines.push(`  checkpoint ${p.authority}@${p.treeSize} (presented): ${p.result}`);
  for (const p of report.problems) lines.push(`  ✗ ${p.code} ${p.authority}${p.sequence ? `#${p.sequence}` : ''}: ${p.message}`);
  if (report.forkEvidence > 0) lines.push(`  ! ${report.forkEvidence} piece(s) of verified fork evidence recorded`);
  lines.push(report.ok ? 'VERIFIED' : 'FAILED');
  return lines.join('\n');
}
