import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { packageRoot } from '../config/package-root.js';
import { registerCommands } from './commands/index.js';
import { CliError } from './errors.js';

/**
 * Entry of the `mra-hub` command; subcommands register themselves from ./commands and inherit
 * the settings below. A usage mistake is commander's message on one line (its "Did you mean"
 * joined on), without the whole help after it, and exits 2 like any other user error.
 */
const program = new Command('mra-hub')
  .description('share AEO data under Mutual Recognition Agreements: ledger replicas, country nodes, gateway, simulator')
  .version(packageVersion(), '-V, --version', 'print the version of mra-hub')
  .configureOutput({ outputError: (message, write) => write(`${message.trim().replace(/\s*\n\s*/g, ' ')}\n`) })
  .exitOverride();

registerCommands(program);

try {
  await traceServersFromEnv(process.argv[2]);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its message, or the help or version asked for (exit code 0). Its
    // exit code for a mistake is 1, which is the CLI's "a check failed" (ledger verify).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
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

/** The version in package.json (one small file read: `mra-hub --help` stays quick). */
function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(packageRoot(import.meta.dirname), 'package.json'), 'utf8')) as { version: string };
  return version;
}

/**
 * Servers (node, gateway, demo) send OpenTelemetry traces when the standard variable
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set; a gateway can also
 * switch them on in its config. Loaded only then. Every node is the service `mra-hub-node`; its
 * authority is the resource attribute `mra.country` (the node's own spans say `mra.node` too).
 */
async function traceServersFromEnv(command: string | undefined): Promise<void> {
  if (!command || !['node', 'gateway', 'demo'].includes(command)) return;
  const { setupTracing, tracesEndpointFromEnv } = await import('../telemetry/index.js');
  const endpoint = tracesEndpointFromEnv();
  // As the node takes it (countryOption upper-cases it).
  const country = command === 'node' ? optionValue(process.argv, '--country')?.toUpperCase() : undefined;
  if (endpoint) {
    checkTracesEndpoint(endpoint);
    setupTracing({ serviceName: process.env.OTEL_SERVICE_NAME ?? `mra-hub-${command}`, endpoint, ...(country ? { attributes: { 'mra.country': country } } : {}) });
  }
}

/** The collector's address must be an http(s) URL: the OTLP exporter throws a bare stack at start-up on anything else. */
function checkTracesEndpoint(endpoint: string): void {
  if (URL.canParse(endpoint) && ['http:', 'https:'].includes(new URL(endpoint).protocol)) return;
  const variable = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  throw new CliError(`${variable}=${process.env[variable] ?? ''}: expected an http:// or https:// URL such as http://127.0.0.1:4318`);
}

/** The value of `--name value` or `--name=value` (before commander has parsed them). */
function optionValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  const arg = argv[at];
  if (arg === undefined) return undefined;
  return arg === name ? argv[at + 1] : arg.slice(name.length + 1);
}
