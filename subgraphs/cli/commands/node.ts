import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { NodeOptions } from '../node/index.js';
import { countryOption, fixedPortOption, httpUrlOption, positiveInt } from '../options.js';
import { onSignal } from '../shutdown.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const collectUrl = (value: string, previous: string[]): string[] => [...previous, httpUrlOption(value)];

/** `mra-hub node`: one authority's replica and its Federation 2 subgraph. */
export function registerNode(program: Command): void {
  program
    .command('node')
    .description('run a country node: ledger replica + GraphQL subgraph, following each partner\'s log and node directly')
    .requiredOption('--country <CC>', 'this authority, e.g. MX', countryOption)
    .requiredOption('--data <dir>', 'data directory (ledger files and private data)')
    .option('--keys <dir>', 'keys directory holding <CC>.key.json', 'keys')
    .option('--genesis <file>', 'genesis file', join('data', 'genesis.json'))
    .option('--port <n>', 'HTTP port', fixedPortOption, 4001)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--redis <[CC=]url>', 'a chain log over Redis Streams: <CC>=<url> is that authority\'s own log (one per authority, no hub); a bare <url> carries every other chain (repeatable)', collect, [])
    .option('--peer <CC=url>', 'a partner\'s node, e.g. CR=http://127.0.0.1:4002/graphql: caught up from over HTTP, and asked for certificates addressed to us (repeatable)', collect, [])
    .option('--peer-interval <ms>', 'how often to poll peer nodes', positiveInt, 1000)
    .option('--recover-from <url>', 'rebuild a lost data directory from this peer node before starting; signing stays off until the own chain is back (repeatable)', collectUrl, [])
    .addOption(new Option('--server <stack>', 'GraphQL server stack').choices(['apollo', 'mercurius']).default('apollo'))
    .action(async (options: NodeOptions) => {
      const shutdown = onSignal();
      const { startNode } = await import('../node/index.js');
      // Undefined when a signal came during start-up: it stopped before listening, closing what it opened.
      const running = await startNode(options, shutdown.requested);
      shutdown.closeWith(async () => running?.close());
    });
}
