/*
 * A demo authority's node as it is deployed, for bench:gateway: `mra-hub node` in an OS process of
 * its own. In a real MRA the owner of private fields (CR) runs its node on its own machine, so a
 * gateway that asks it only waits for the answer, never computes it.
 */
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DemoCountry, DemoNetwork } from '../../subgraphs/cli/demo/index.js';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { freePort } from '../support/node-process.js';

/** A running `mra-hub node` process. */
export interface OwnerNodeProcess {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL, as for the other bench children: nothing it holds needs a graceful drain. */
  stop(): void;
}

const MRA_HUB = join(packageRoot(import.meta.dirname), 'subgraphs', 'cli', 'mra-hub.mjs');
const READY_MS = 30_000;

/**
 * Starts `country`'s demo node again as `mra-hub node --country <CC> --data … --keys … --genesis …`,
 * and resolves when it serves. Call it once the demo is seeded, when nothing writes to the data
 * any more: it opens a copy of the demo's data directory (`<data>/<cc>`: ledger and private store),
 * because the demo's own node keeps serving from the original (the bench measures it too) and two
 * replicas must never write one ledger directory. The two are not joined by any replication (no
 * --redis, no --peer): the bench only reads, so neither ledger changes after the copy.
 */
export async function startOwnerNodeProcess(net: DemoNetwork, dataDir: string, country: DemoCountry): Promise<OwnerNodeProcess> {
  const cc = country.toLowerCase();
  const data = join(dataDir, `${cc}-own-process`);
  cpSync(join(dataDir, cc), data, { recursive: true });
  const keys = join(dataDir, `${cc}-keys`);
  net.writeKeys(country, keys);
  const port = await freePort();
  const child = spawn(process.execPath, [MRA_HUB, 'node', '--country', country, '--data', data, '--keys', keys,
    '--genesis', join(dataDir, 'genesis.json'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => void child.kill('SIGKILL');
  const output: string[] = [];
  let serving = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`mra-hub node --country ${country} ${why}:\n${output.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`did not serve within ${READY_MS / 1000} s`), READY_MS);
    child.once('error', (error) => fail(`could not start (${error.message})`));
    child.once('exit', (code, signal) => {
      if (!serving) fail(`exited (${code ?? signal}) before serving`);
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        // Once serving, only its complaints are worth showing (and nothing is kept in memory).
        if (serving) {
          if (stream === child.stderr) console.error(`${country} node process: ${line}`);
          return;
        }
        output.push(line);
        if (!/ node \(/.test(line)) return;
        serving = true;
        clearTimeout(timer);
        resolve();
      });
    }
  });
  if (child.pid === undefined) throw new Error(`mra-hub node --country ${country} has no pid`);
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid, stop };
}
