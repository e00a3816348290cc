/*
 * One gateway under test, in its own process so its CPU time can be read alone:
 *   tsx test/bench/gateway-process.ts <mra-hub|apollo> <supergraph file>
 * Prints "ready <url>"; answers "cpu" messages (IPC) with process.cpuUsage().
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { gatewayConfig, jsonLogger, startGateway } from '../../gateway/index.js';

const [kind, file] = process.argv.slice(2);
if (!file || (kind !== 'mra-hub' && kind !== 'apollo')) throw new Error('usage: gateway-process.ts <mra-hub|apollo> <supergraph file>');

let url: string;
if (kind === 'mra-hub') {
  const gateway = await startGateway({
    config: gatewayConfig({ supergraph: file, listen: { port: 0 }, logLevel: 'error' }),
    log: jsonLogger({ level: 'error', now: () => new Date() }),
  });
  url = gateway.url;
} else {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(file, 'utf8') }) });
  url = (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
}
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
console.log(`ready ${url}`);
