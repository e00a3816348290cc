import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { composeBenchSupergraph, serveBenchSubgraphs } from '../bench/federation/index.js';
import { generateSigningKey } from '../../subgraphs/ledger/index.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { tempDir } from '../support/temp-dir.js';

type Child = Parameters<typeof stop>[0];

/** Sends `signal` as soon as the process says it is ready, and resolves with how it ended. */
function exitOn(child: Child, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, by) => resolve({ code, signal: by })));
  child.kill(signal);
  return exited;
}

describe('cli: clean shutdown on SIGTERM and SIGINT, for every server kind', () => {
  const children: Child[] = [];
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
  });

  /** A one-authority network in a fresh directory: keys and genesis. */
  function network(): { dir: string; keys: string; genesis: string } {
    const dir = tempDir();
    const keys = join(dir, 'keys');
    const key = generateSigningKey();
    writeKeyPair(keys, { country: 'MX', name: 'Customs MX' }, key);
    const genesis = join(dir, 'genesis.json');
    writeGenesis(genesis, 'shutdown', [{ country: 'MX', name: 'Customs MX', publicKey: key.publicKey }], new Date('2026-01-01T00:00:00Z'));
    return { dir, keys, genesis };
  }

  for (const stack of ['apollo', 'mercurius'] as const) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`regression: a node on ${stack} exits 0 on ${signal}, even one sent the moment it is ready`, async () => {
        const { dir, keys, genesis } = network();
        const { child } = await startCli(['node', '--country', 'MX', '--data', join(dir, 'data'), '--keys', keys, '--genesis', genesis, '--port', String(await freePort()), '--server', stack], /node \(/);
        children.push(child);
        expect(await exitOn(child, signal)).toEqual({ code: 0, signal: null });
      });
    }
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`a gateway exits 0 on ${signal}`, async () => {
      const dir = tempDir();
      const served = await serveBenchSubgraphs();
      const file = join(dir, 'supergraph.graphql');
      writeFileSync(file, composeBenchSupergraph(served.subgraphs));
      try {
        const { child } = await startCli(['gateway', '--supergraph', file, '--port', '0'], /^gateway at /);
        children.push(child);
        expect(await exitOn(child, signal)).toEqual({ code: 0, signal: null });
      } finally {
        await served.close();
      }
    });
  }
});
