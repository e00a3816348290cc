import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readSigningKey, writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { generateSigningKey, type Genesis } from '../../subgraphs/ledger/index.js';
import { mintToken } from '../../subgraphs/node/index.js';
import { gql } from './graphql-client.js';
import { freePort, startCli, stop } from './node-process.js';

/** Keys and a genesis on disk for `countries`, as `mra-hub keys` would write them. */
export function writeNetwork(dir: string, countries: readonly string[]): { keys: string; genesisPath: string; genesis: Genesis } {
  const keys = join(dir, 'keys');
  const members = countries.map((country) => {
    const key = generateSigningKey();
    writeKeyPair(keys, { country, name: `Customs ${country}` }, key);
    return { country, name: `Customs ${country}`, publicKey: key.publicKey };
  });
  const genesisPath = join(dir, 'genesis.json');
  return { keys, genesisPath, genesis: writeGenesis(genesisPath, 'ledger-it', members, new Date('2026-01-01T00:00:00Z')) };
}

/** One `mra-hub node` process, its GraphQL URL and the way to stop it. */
export interface NodeProcess {
  readonly country: string;
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `mra-hub node` for `country` with extra flags (`--redis`, `--peer`, `--recover-from` …). */
export async function startNodeProcess(
  net: { keys: string; genesisPath: string }, dir: string, country: string, extra: readonly string[], options: { port?: number; host?: string; prefix?: readonly string[] } = {},
): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const host = options.host ?? '127.0.0.1';
  const args = ['node', '--country', country, '--data', join(dir, country), '--keys', net.keys, '--genesis', net.genesisPath, '--port', String(port), '--host', host, ...extra];
  const { child, output } = await startCli(args, / node \(/, options.prefix);
  return { country, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`, child, output, stop: (signal = 'SIGTERM') => stop(child, signal) };
}

/** An admin token for `country`, minted from its key on disk. */
export function adminToken(keys: string, country: string): Promise<string> {
  return mintToken(readSigningKey(keys, country), { country, role: 'admin', subject: 'it' }, new Date());
}

/** Heads as a node serves them: sequence and Merkle root of every chain, or null when unreachable. */
export async function headsAt(url: string, countries: readonly string[]): Promise<Record<string, { sequence: number; rootHash: string }> | null> {
  const query = `{ ${countries.map((c) => `${c}: ledgerHead(country: "${c}") { sequence rootHash }`).join(' ')} }`;
  try {
    const response = await gql<Record<string, { sequence: number; rootHash: string }>>(url, query);
    return response.data ?? null;
  } catch {
    return null;
  }
}
