/*
 * One gateway under test, in its own process so its CPU time can be read alone:
 *   node dist/test/bench/gateway-process.js <mra-hub|hive|apollo> <supergraph file>
 * mra-hub: this gateway (`mra-hub gateway --supergraph`, with all its plugins); hive: a bare Hive
 * Gateway runtime with the Rust planner and nothing else; apollo: @apollo/gateway.
 * Prints "ready <json url>"; answers "cpu" messages (IPC) with process.cpuUsage().
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { gatewayConfig, jsonLogger, startGateway } from '../../gateway/index.js';

const [kind, file] = process.argv.slice(2);
if (!file || (kind !== 'mra-hub' && kind !== 'hive' && kind !== 'apollo')) throw new Error('usage: gateway-process.js <mra-hub|hive|apollo> <supergraph file>');

async function start(): Promise<string> {
  if (kind === 'mra-hub') {
    const gateway = await startGateway({
      config: gatewayConfig({ supergraph: file, listen: { port: 0 }, logLevel: 'error' }),
      log: jsonLogger({ level: 'error', now: () => new Date() }),
    });
    return gateway.url;
  }
  if (kind === 'hive') {
    const runtime = createGatewayRuntime({ supergraph: readFileSync(file as string, 'utf8'), unifiedGraphHandler, logging: false });
    const server = createServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(file as string, 'utf8') }) });
  return (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
}

const url = await start();
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
console.log(`ready ${JSON.stringify(url)}`);
