import { join } from 'node:path';
import { autoCheckpoint, FileStore, initialState, networkId, Replica, type DirectoryLock, type Genesis, type ReplicationNotice, type SigningKey } from '../../ledger/index.js';
import {
  CountryNode, FileCertificateStore, FilePrivateStore, mintToken, PeerClient, peerFetch, recoverFromPeers, serveWithApollo, serveWithMercurius, type RunningServer,
} from '../../node/index.js';
import { CliError, listenFailure } from '../errors.js';
import { keyFilePath, readGenesis, readSigningKey } from '../key-files.js';
import { checkSigningKey } from './check-signing-key.js';
import { holdDataDirectory } from './data-dir.js';
import { startReplication } from './replication.js';
import { parseTopology, shownUrl, type Topology } from './topology.js';

export interface NodeOptions {
  country: string;
  data: string;
  keys: string;
  genesis: string;
  port: number;
  host: string;
  redis: string[];
  peer: string[];
  recoverFrom: string[];
  peerInterval: number;
  server: 'apollo' | 'mercurius';
}

/** A peer client that presents a short-lived admin token signed with this authority's key. */
function peerClient(url: string, country: string, key: SigningKey): PeerClient {
  let token: { value: string; until: number } | null = null;
  return new PeerClient(url, {
    token: async () => {
      if (!token || token.until < Date.now()) {
        token = { value: await mintToken(key, { country, role: 'admin', subject: `${country}-node` }, new Date(), 3600), until: Date.now() + 3_000_000 };
      }
      return token.value;
    },
  });
}

type RunningNode = { url: string; close(): Promise<void> };

/** What a node is started with, read and checked before anything is written. */
interface Prepared {
  readonly genesis: Genesis;
  readonly topology: Topology;
  readonly key: SigningKey;
  readonly keyPath: string;
}

/**
 * Opens the replica (rebuilt from peers with --recover-from), joins replication, serves the
 * subgraph. The data directory stays locked from before anything is written there until `close`
 * (or a failed start) releases it. Once `stopping` is aborted (SIGINT or SIGTERM during start-up)
 * it goes no further: after each step that waits (recovery, joining the logs, the listen) it
 * closes what it opened and returns undefined, never announcing or serving a node asked to stop.
 */
export async function startNode(options: NodeOptions, stopping?: AbortSignal): Promise<RunningNode | undefined> {
  const genesis = readGenesis(options.genesis);
  const topology = parseTopology(options.country, options.redis, options.peer);
  const key = readSigningKey(options.keys, options.country);
  const keyPath = keyFilePath(options.keys, options.country);
  // Another authority's key is refused before anything is written; the full check needs the replica.
  checkSigningKey(initialState(genesis, networkId(genesis)), options.country, key.publicKey, keyPath, false);
  const dataLock = holdDataDirectory(options.data, genesis, options.recoverFrom.length > 0, warn);
  let running: RunningNode | undefined;
  try {
    running = await startOnHeldData(options, { genesis, topology, key, keyPath }, dataLock, stopping);
  } catch (error) {
    dataLock.release();
    throw error;
  }
  if (!running) {
    dataLock.release();
    return undefined;
  }
  const started = running;
  return {
    url: started.url,
    close: async () => {
      try {
        await started.close();
      } finally {
        dataLock.release();
      }
    },
  };
}

function warn(message: string): void {
  console.error(`warning: ${message}`);
}

async function startOnHeldData(options: NodeOptions, prepared: Prepared, dataLock: DirectoryLock, stopping?: AbortSignal): Promise<RunningNode | undefined> {
  // The ledger locks its own directory too; a lock left there by the same dead node was told about already.
  const store = new FileStore(join(options.data, 'ledger'), { warn: dataLock.tookOver ? () => undefined : warn });
  const replica = Replica.open({ genesis: prepared.genesis, store, signer: { authority: options.country, key: prepared.key }, now: () => new Date() });
  try {
    return await serveReplica(options, prepared, replica, dataLock, stopping);
  } catch (error) {
    replica.close(); // closes the ledger store, releasing its lock (a second close is harmless)
    throw error;
  }
}

async function serveReplica(options: NodeOptions, { genesis, topology, key, keyPath }: Prepared, replica: Replica, dataLock: DirectoryLock, stopping?: AbortSignal): Promise<RunningNode | undefined> {
  // Problems (a transport lost, an entry refused) are warnings on stderr; news (a transport back) is info on stdout.
  const report = (notice: ReplicationNotice) => (notice.level === 'info' ? console.log : console.error)(`replication: ${notice.code}: ${notice.message}`);
  if (options.recoverFrom.length > 0) {
    const recovered = await recoverFromPeers(replica, options.recoverFrom.map((url) => peerClient(url, options.country, key)), report).catch((error: unknown) => {
      throw new CliError(`--recover-from: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (stopping?.aborted) {
      replica.close();
      return undefined;
    }
    const heights = Object.entries(recovered.heights).map(([a, h]) => `${a} ${h}`).join(', ');
    console.log(`recovered from ${options.recoverFrom.length} peer(s): ${heights}; own checkpoint ${recovered.ownFloor}` +
      (recovered.complete ? '' : ` — not reached: signing stays off until ${options.country}'s chain is back to ${recovered.ownFloor}`));
  }
  // Against the genesis and what the replica holds (admissions, rotations), recovered ones included.
  const { warning } = checkSigningKey(replica.state, options.country, key.publicKey, keyPath);
  if (warning) console.error(`warning: ${warning}`);
  for (const [option, named] of [['--redis', topology.logs], ['--peer', topology.peers]] as const) {
    for (const [cc, url] of named) {
      if (cc !== options.country && !replica.state.authorities[cc]) {
        console.error(`warning: ${option} ${cc}=${shownUrl(url)}: ${cc} is not in the genesis nor admitted in this replica yet; followed once its admission arrives`);
      }
    }
  }
  const checkpoints = autoCheckpoint(replica);
  // Certificates addressed to us are fetched from their issuer's node (a --peer) with our own key.
  const fetch = peerFetch({ country: options.country, key, peers: Object.fromEntries(topology.peers), now: () => new Date() });
  const certificates = { store: new FileCertificateStore(dataLock), fetch };
  const node = new CountryNode({ country: options.country, replica, privateStore: new FilePrivateStore(dataLock), certificates, now: () => new Date() });
  const replication = await startReplication({
    replica, country: options.country, prefix: `mra:${networkId(genesis).slice(0, 16)}`, topology,
    peers: [...topology.peers.values()].map((url) => peerClient(url, options.country, key)), peerIntervalMs: options.peerInterval, onProblem: report,
  });
  const closeLedger = async () => {
    checkpoints.stop(); // the last checkpoint, so a restart can tell a truncated chain
    await replication.close();
    node.close();
    replica.close();
  };
  if (stopping?.aborted) {
    await closeLedger();
    return undefined;
  }
  const serve = options.server === 'mercurius' ? serveWithMercurius : serveWithApollo;
  let server: RunningServer;
  try {
    server = await serve(node, { port: options.port, host: options.host });
  } catch (error) {
    // Nothing may outlive a failed start: open Redis connections would keep the process running.
    await closeLedger();
    throw listenFailure(error, options.host, options.port);
  }
  if (stopping?.aborted) {
    await server.close();
    await closeLedger();
    return undefined;
  }
  console.log(`${options.country} node (${server.stack}) at ${server.url} — ledger ${replica.height(options.country)} own entries, ${replication.describe}`);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await closeLedger();
    },
  };
}
