import { Command, CommanderError } from 'commander';
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
  } else {
    const message = await userErrorMessage(error);
    if (message === undefined) throw error;
    console.error(`mra-hub: ${message}`);
    process.exitCode = 2;
  }
}

/**
 * The one-line message for a user's mistake (bad option, scenario, gateway.yaml, ledger input),
 * or undefined for a fault. Each kind's module is loaded here, on the error path only: a command
 * loads its own code when it runs, so `mra-hub --help` stays quick.
 */
async function userErrorMessage(error: unknown): Promise<string | undefined> {
  if (error instanceof CliError) return error.message;
  const [{ GatewayConfigError }, { SimulationError }, { isLedgerError }] = await Promise.all([
    import('../../gateway/errors.js'), import('../../simulator/errors.js'), import('../ledger/errors.js'),
  ]);
  if (isLedgerError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof GatewayConfigError || error instanceof SimulationError) return error.message;
  return undefined;
}
