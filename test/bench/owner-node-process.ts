/*
 * A demo authority's node as it is deployed, for bench:gateway: `mra-hub node` in an OS process of
 * its own. In a real MRA the owner of private fields (CR) runs its node on its own machine, so a
 * gateway that asks it only waits for the answer, never computes it.
 */
import { cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DemoCountry, DemoNetwork } from '../../subgraphs/cli/demo/index.js';
import { HOLDER_FILE, LOCK_FILE } from '../../subgraphs/ledger/index.js';
import { startNodeProcess } from '../support/node-network.js';

/** A running `mra-hub node` process. */
export interface OwnerNodeProcess {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL, as for the other bench children: nothing it holds needs a graceful drain. */
  stop(): void;
}

/**
 * Starts `country`'s demo node again as `mra-hub node --country <CC> --data … --keys … --genesis …`,
 * and resolves when it serves. Call it once the demo is seeded, when nothing writes to the data
 * any more: it opens a copy of the demo's data directory (`<data>/<cc>`: ledger and private store),
 * because the demo's own node keeps serving from the original (the bench measures it too) and two
 * replicas must never write one ledger directory. The two are not joined by any replication (no
 * --redis, no --peer): the bench only reads, so neither ledger changes after the copy.
 */
export async function startOwnerNodeProcess(net: DemoNetwork, dataDir: string, country: DemoCountry): Promise<OwnerNodeProcess> {
  const own = join(dataDir, 'own-process');
  // Without the locks the demo holds: reading a LOCK here, in the demo's process, would drop its
  // lock (fcntl locks go with any descriptor closed), and the copy is held by no one.
  const unlocked = (path: string) => ![LOCK_FILE, HOLDER_FILE].includes(basename(path));
  cpSync(join(dataDir, country.toLowerCase()), join(own, country), { recursive: true, filter: unlocked });
  const keys = join(own, 'keys');
  net.writeKeys(country, keys);
  const node = await startNodeProcess({ keys, genesisPath: join(dataDir, 'genesis.json') }, own, country, []);
  const { pid } = node.child;
  if (pid === undefined) throw new Error(`mra-hub node --country ${country} has no pid`);
  return { url: node.url, pid, stop: () => void node.child.kill('SIGKILL') };
}
