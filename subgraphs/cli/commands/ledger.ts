import { join } from 'node:path';
import type { Command } from 'commander';
import type { AuditReport } from '../../ledger/index.js';

/** `mra-hub ledger verify <dir>`: audit a node's data directory; exit 1 if anything fails. */
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('inspect and audit ledger replicas');
  ledger
    .command('verify')
    .description('re-verify every chain in a data directory from its genesis (read-only)')
    .argument('<dir>', 'data directory (holds genesis.json and chains/)')
    .option('--genesis <file>', 'genesis file (default: <dir>/genesis.json)')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, options: { genesis?: string; json?: boolean }) => {
      const { auditLedger, FileStore } = await import('../../ledger/index.js');
      const { readGenesis } = await import('../key-files.js');
      const genesis = readGenesis(options.genesis ?? join(dir, 'genesis.json'));
      const report = auditLedger(genesis, new FileStore(dir, { readOnly: true }).load());
      console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
      if (!report.ok) process.exitCode = 1;
    });
}

function formatReport(report: AuditReport): string {
  const lines = [`network ${report.network}`];
  for (const c of report.chains) {
    const status = c.verified === c.stored ? 'ok' : `only ${c.verified} of ${c.stored} verify`;
    lines.push(`  ${c.authority}  ${String(c.stored).padStart(6)} entries  ${status}  root ${c.root.slice(0, 16)}…  checkpoint ${c.checkpoint}`);
  }
  for (const p of report.problems) lines.push(`  ✗ ${p.code} ${p.authority}${p.sequence ? `#${p.sequence}` : ''}: ${p.message}`);
  if (report.forkEvidence > 0) lines.push(`  ! ${report.forkEvidence} piece(s) of fork evidence recorded`);
  lines.push(report.ok ? 'VERIFIED' : 'FAILED');
  return lines.join('\n');
}
