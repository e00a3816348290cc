import type { Command } from 'commander';
import type { GatewayConfig, GatewayConfigInput } from '../../../gateway/index.js';
import { CliError } from '../errors.js';
import { countryOption, portOption } from '../options.js';
import { onSignal } from '../shutdown.js';

interface GatewayOptions {
  config?: string;
  home?: string;
  node: string[];
  subgraph: string[];
  supergraph?: string;
  serviceTokenFile?: string;
  printSupergraph?: boolean;
  port?: number;
  host?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `mra-hub gateway`: one federated endpoint across the MRA (see gateway/README.md). */
export function registerGateway(program: Command): void {
  program
    .command('gateway')
    .description('serve one GraphQL endpoint across the MRA: compose the nodes (and other subgraphs), route by jurisdiction, apply the MRA terms')
    .option('--config <file>', 'gateway.yaml (see gateway/README.md); flags below override its listen address')
    .option('--home <CC>', 'the authority whose users this gateway serves', countryOption)
    .option('--node <CC=url>', 'a country node, e.g. MX=http://127.0.0.1:4001/graphql (repeat)', collect, [])
    .option('--subgraph <name=url>', 'another Federation 2 subgraph (repeat)', collect, [])
    .option('--supergraph <file>', 'serve this supergraph SDL as it is (standard Federation 2, no MRA routing)')
    .option('--service-token-file <file>', 'bearer token the gateway uses to read the nodes\' _service { sdl }')
    .option('--print-supergraph', 'print the supergraph it would serve (the nodes and subgraphs composed) to stdout, and exit')
    .option('--port <n>', 'HTTP port (0: any free port)', portOption)
    .option('--host <host>', 'interface to listen on')
    .action(async (options: GatewayOptions) => {
      const { jsonLogger, loadSupergraph, startGateway } = await import('../../../gateway/index.js');
      if (options.printSupergraph) {
        const config = await configFrom(options);
        // Warnings (a node's SDL unavailable) go to stderr; stdout is the supergraph alone, for a file.
        process.stdout.write(`${await loadSupergraph(config, { log: jsonLogger({ level: config.logLevel, now: () => new Date() }) })}\n`);
        return;
      }
      const shutdown = onSignal();
      const running = await startGateway({ config: await configFrom(options) });
      console.log(`gateway at ${running.url} (GraphiQL in a browser; graphql-ws and SSE at the same address)`);
      shutdown.closeWith(() => running.close());
    });
}

async function configFrom(options: GatewayOptions): Promise<GatewayConfig> {
  const { gatewayConfig, loadGatewayConfig } = await import('../../../gateway/index.js');
  const listen = { ...(options.port !== undefined ? { port: options.port } : {}), ...(options.host ? { host: options.host } : {}) };
  if (options.config) {
    if (options.node.length > 0 || options.subgraph.length > 0 || options.supergraph || options.home) {
      throw new CliError('give either --config or --home/--node/--subgraph/--supergraph, not both');
    }
    const loaded = loadGatewayConfig(options.config);
    return { ...loaded, listen: { ...loaded.listen, ...listen } };
  }
  const input: GatewayConfigInput = {
    ...(options.home ? { home: options.home } : {}),
    nodes: options.node.map((pair) => {
      const [country, url] = split(pair, '--node');
      return { country: nodeCountry(country, pair), url };
    }),
    subgraphs: options.subgraph.map((pair) => {
      const [name, url] = split(pair, '--subgraph');
      return { name, url };
    }),
    ...(options.supergraph ? { supergraph: options.supergraph } : {}),
    ...(options.serviceTokenFile ? { serviceTokenFile: options.serviceTokenFile } : {}),
    listen,
  };
  return gatewayConfig(input);
}

/** The country of a `--node CC=url`, refused as a CliError naming the pair: commander prints no refusal thrown in an action. */
function nodeCountry(country: string, pair: string): string {
  try {
    return countryOption(country);
  } catch (error) {
    throw new CliError(`--node ${pair}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function split(pair: string, flag: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new CliError(`${flag} expects name=url, got ${pair}`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}
