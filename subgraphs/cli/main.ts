import { Command, CommanderError } from 'commander';
import { GatewayConfigError } from '../../gateway/index.js';
import { SimulationError } from '../../simulator/index.js';
import { isLedgerError } from '../ledger/index.js';
import { registerCommands } from './commands/index.js';
import { CliError } from './errors.js';

/** Entry of the `mra-hub` command; subcommands register themselves from ./commands. */
const program = new Command('mra-hub')
  .description('share AEO data under Mutual Recognition Agreements: ledger replicas, country nodes, gateway, simulator')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError || error instanceof SimulationError || error instanceof GatewayConfigError || isLedgerError(error)) {
    console.error(`mra-hub: ${isLedgerError(error) ? `${error.code}: ` : ''}${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
