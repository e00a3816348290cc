import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { countryOption, peerOption, positiveInt } from '../options.js';
import { closeOnSignal } from '../shutdown.js';

interface NodeOptions {
  country: string;
  data: string;
  keys: string;
  genesis: string;
  port: number;
  host: string;
  redis?: string;
  server: 'apollo' | 'mercurius';
  /** Partners' node URLs, for fetching certificate content addressed to this authority. */
  peer?: Record<string, string>;
}

/** `mra-hub node`: one authority's replica and its Federation 2 subgraph. */
export function registerNode(program: Command): void {
  program
    .command('node')
    .description('run a country node: ledger replica + GraphQL subgraph (replicates over Redis when --redis is given)')
    .requiredOption('--country <CC>', 'this authority, e.g. MX', countryOption)
    .requiredOption('--data <dir>', 'data directory (ledger files and private data)')
    .option('--keys <dir>', 'keys directory holding <CC>.key.json', 'keys')
    .option('--genesis <file>', 'genesis file', join('data', 'genesis.json'))
    .option('--port <n>', 'HTTP port', positiveInt, 4001)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--redis <url>', 'replicate over Redis Streams, e.g. redis://127.0.0.1:6379')
    .option('--peer <CC=URL>', 'a partner\'s node, to fetch certificates addressed to us (repeatable)', peerOption, {})
    .addOption(new Option('--server <stack>', 'GraphQL server stack').choices(['apollo', 'mercurius']).default('apollo'))
    .action(async (options: NodeOptions) => {
      const running = await startNode(options);
      closeOnSignal(() => running.close());
    });
}

/** Opens the replica from its files, joins replication, and serves the subgraph. */
export async function startNode(options: NodeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { networkId, openRedisLog, FileStore, Replica, Replicator } = await import('../../ledger/index.js');
  const { CountryNode, FileCertificateStore, FilePrivateStore, peerFetch, serveWithApollo, serveWithMercurius } = await import('../../node/index.js');
  const { readGenesis, readSigningKey } = await import('../key-files.js');
  const genesis = readGenesis(options.genesis);
  const replica = Replica.open({
    genesis,
    store: new FileStore(join(options.data, 'ledger')),
    signer: { authority: options.country, key: readSigningKey(options.keys, options.country) },
    now: () => new Date(),
  });
  const fetch = peerFetch({ country: options.country, key: readSigningKey(options.keys, options.country), peers: options.peer ?? {}, now: () => new Date() });
  const certificates = { store: new FileCertificateStore(options.data), fetch };
  const node = new CountryNode({ country: options.country, replica, privateStore: new FilePrivateStore(options.data), certificates, now: () => new Date() });
  const log = options.redis ? await openRedisLog({ url: options.redis, prefix: `mra:${networkId(genesis).slice(0, 16)}` }) : null;
  const replicator = log
    ? new Replicator({ replica, log, name: options.country, onProblem: (p) => console.error(`replication: ${p.code}: ${p.message}`) })
    : null;
  await replicator?.start();
  const serve = options.server === 'mercurius' ? serveWithMercurius : serveWithApollo;
  const server = await serve(node, { port: options.port, host: options.host });
  console.log(`${options.country} node (${server.stack}) at ${server.url} — ledger ${replica.height(options.country)} own entries, ` +
    (log ? `replicating over ${options.redis}` : 'no replication (pass --redis to join partners)'));
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await replicator?.stop();
      await log?.close();
      node.close();
      replica.close();
    },
  };
}
