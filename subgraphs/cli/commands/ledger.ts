import type { Command } from 'commander';
import { countryOption, httpUrlOption } from '../options.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `mra-hub ledger verify|prove`: audit a data directory; check a node's consistency proofs. */
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('inspect and audit ledger replicas');
  ledger
    .command('verify')
    .description('re-verify every chain of a node\'s data directory from the genesis, read-only; exit 1 if anything fails')
    .argument('<dir>', 'a node\'s data directory (as given to `mra-hub node --data`), or the ledger directory inside it')
    .option('--genesis <file>', 'genesis to trust (default: genesis.json in the node\'s data directory, else in the ledger directory)')
    .option('--checkpoint <file>', 'also check a signed checkpoint obtained elsewhere: this replica must hold all it vouches for (repeatable)', collect, [])
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, options: { genesis?: string; json?: boolean; checkpoint: string[] }) => {
      const { runVerify } = await import('../ledger/index.js');
      runVerify(dir, options);
    });
  ledger
    .command('prove')
    .description('ask a node for a consistency proof between two sizes (or checkpoints) of a chain and verify it locally')
    .requiredOption('--node <url>', 'the node to ask, e.g. http://127.0.0.1:4001/graphql', httpUrlOption)
    .requiredOption('--country <CC>', 'whose chain', countryOption)
    .requiredOption('--from <size|file>', 'older tree size, or a checkpoint file')
    .option('--to <size|file>', 'newer tree size, or a checkpoint file (default: the node\'s newest checkpoint)')
    .option('--genesis <file>', 'genesis whose keys check the checkpoints\' signatures')
    .option('--save <file>', 'write the newer signed checkpoint here once everything verified')
    .action(async (options: { node: string; country: string; from: string; to?: string; genesis?: string; save?: string }) => {
      const { runProve } = await import('../ledger/index.js');
      await runProve(options);
    });
}
