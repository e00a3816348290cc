import { join } from 'node:path';
import { autoCheckpoint, createGenesis, FileStore, generateSigningKey, InProcessBus, mraView, Replica, Replicator, type CallerRole, type SigningKey } from '../../ledger/index.js';
import {
  CountryNode, FileCertificateStore, FilePrivateStore, mintToken, peerFetch, serveWithApollo, serveWithMercurius, type RunningServer,
} from '../../node/index.js';
import { CliError } from '../errors.js';
import { writeGenesisFile, writeKeyPair } from '../key-files.js';
import { holdDemoDirectory } from './demo-data-dir.js';
import { DEMO_AUTHORITIES } from './demo-data.js';

export type DemoCountry = (typeof DEMO_AUTHORITIES)[number]['country'];

export interface DemoNetwork {
  readonly nodes: Readonly<Record<DemoCountry, { node: CountryNode; server: RunningServer; replicator: Replicator; replica: Replica }>>;
  token(country: DemoCountry, role: CallerRole): Promise<string>;
  /** Waits until `country`'s replica shows what `check` looks for. */
  until(country: DemoCountry, check: (replica: Replica) => boolean, what: string): Promise<void>;
  /**
   * Writes `country`'s key pair into `dir` as `mra-hub keys generate` does, so that authority's
   * node can also run as `mra-hub node --keys <dir>`; the demo itself keeps its keys in memory.
   */
  writeKeys(country: DemoCountry, dir: string): void;
  close(): Promise<void>;
}

/**
 * MX, CR and PE on the embedded default: fresh keys, a genesis, durable replicas under `dataDir`
 * (each node's directory `<dataDir>/<cc>` locked while it runs, as `mra-hub node` locks its own),
 * replication over the in-process bus, MX's node on mercurius and the others on Apollo Server.
 * Each node keeps certificates in its data folder and fetches a partner's with its own key from
 * the partner's node (`peers`, filled in as each server starts). PE takes any free port unless given.
 */
export async function startDemoNetwork(dataDir: string, ports: { MX: number; CR: number; PE?: number }): Promise<DemoNetwork> {
  const keys: Record<DemoCountry, SigningKey> = { MX: generateSigningKey(), CR: generateSigningKey(), PE: generateSigningKey() };
  const peers: Record<string, string> = {};
  const now = () => new Date();
  const genesis = createGenesis('cadena-demo', DEMO_AUTHORITIES.map((a) => ({ ...a, publicKey: keys[a.country].publicKey })), new Date());
  writeGenesisFile(join(dataDir, 'genesis.json'), genesis);
  const bus = new InProcessBus();
  const nodes = {} as Record<DemoCountry, { node: CountryNode; server: RunningServer; replicator: Replicator; replica: Replica }>;
  const stopped: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const stop of stopped.reverse()) await stop();
  };
  try {
    for (const { country } of DEMO_AUTHORITIES) {
      const dir = join(dataDir, country.toLowerCase());
      const lock = holdDemoDirectory(dir);
      stopped.push(() => lock.release());
      const replica = Replica.open({ genesis, store: new FileStore(join(dir, 'ledger')), signer: { authority: country, key: keys[country] }, now: () => new Date() });
      stopped.push(() => replica.close());
      const replicator = new Replicator({ replica, log: bus.connect(), name: country, blockMs: 50 });
      await replicator.start();
      stopped.push(() => replicator.stop());
      // As `mra-hub node` does: a signed checkpoint of the own chain after each batch and on stopping.
      const checkpoints = autoCheckpoint(replica);
      stopped.push(() => checkpoints.stop());
      const node = new CountryNode({
        country, replica, privateStore: new FilePrivateStore(lock), now,
        certificates: { store: new FileCertificateStore(lock), fetch: peerFetch({ country, key: keys[country], peers, now }) },
      });
      stopped.push(() => node.close());
      const port = ports[country] ?? 0;
      const server = await (country === 'MX' ? serveWithMercurius : serveWithApollo)(node, { port }).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`${country}'s node cannot listen on port ${port} (${error.code ?? error.message}); try npm start -- --port 5000`);
      });
      stopped.push(() => server.close());
      peers[country] = server.url;
      nodes[country] = { node, server, replicator, replica };
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    nodes,
    token: (country, role) => mintToken(keys[country], { country, role, subject: `demo-${role}@${country}` }, new Date()),
    until: async (country, check, what) => {
      const deadline = Date.now() + 10_000;
      while (!check(nodes[country].replica)) {
        if (Date.now() > deadline) throw new Error(`demo: ${what} did not happen within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    writeKeys: (country, dir) => {
      for (const authority of DEMO_AUTHORITIES) if (authority.country === country) writeKeyPair(dir, authority, keys[country]);
    },
    close,
  };
}

/** True once the MRA is ACTIVE in this replica. */
export function mraActive(replica: Replica, id: string): boolean {
  const mra = replica.state.mras[id];
  return mra !== undefined && mraView(mra).status === 'ACTIVE';
}
