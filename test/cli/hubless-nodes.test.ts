import { afterAll, describe, expect, it } from 'vitest';
import { GRANT, grantInput } from '../node/cluster.js';
import { budget } from '../support/budget.js';
import { gql } from '../support/graphql-client.js';
import { freePort } from '../support/node-process.js';
import { adminToken, headsAt, startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { tempDir } from '../support/temp-dir.js';

const COUNTRIES = ['MX', 'CR', 'PE'] as const;
type Country = (typeof COUNTRIES)[number];
const available = await redisServerAvailable();

/** Waits until `check` holds, polling; returns how long it took (ms). Fails after `limitMs`. */
async function within(limitMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - start;
}

describe.skipIf(!available)('ledger: no hub — three nodes, each authority publishing on its own Redis', () => {
  const redis: Partial<Record<Country, RedisServer>> = {};
  const nodes: Partial<Record<Country, NodeProcess>> = {};
  afterAll(async () => {
    for (const node of Object.values(nodes)) await node.stop('SIGKILL');
    for (const server of Object.values(redis)) await server.stop();
  });

  it('converge; with PE\'s Redis down MX\'s and CR\'s entries still reach everyone, PE\'s come straight from its node or once its Redis returns', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, COUNTRIES);
    for (const c of COUNTRIES) redis[c] = await startRedisServer();
    const logs = COUNTRIES.flatMap((c) => ['--redis', `${c}=${redis[c]?.url}`]);
    const ports = { MX: await freePort(), CR: await freePort(), PE: await freePort() };
    const url = (c: Country) => `http://127.0.0.1:${ports[c]}/graphql`;
    // Only MX also follows PE's node directly; CR depends on PE's log alone.
    const peers: Record<Country, string[]> = { MX: ['--peer', `PE=${url('PE')}`], CR: [], PE: [] };
    for (const c of COUNTRIES) nodes[c] = await startNodeProcess(net, dir, c, [...logs, ...peers[c]], { port: ports[c] });
    const tokens = Object.fromEntries(await Promise.all(COUNTRIES.map(async (c) => [c, await adminToken(net.keys, c)] as const)));
    const grant = async (c: Country, n: number) => expect((await gql(url(c), GRANT, { input: grantInput(c, n) }, tokens[c])).errors).toBeUndefined();
    const heights = async (at: Country) => {
      const heads = await headsAt(url(at), COUNTRIES);
      return heads ? COUNTRIES.map((c) => heads[c]?.sequence ?? -1) : null;
    };
    const everyoneHas = (want: Record<Country, number>) => async () => {
      for (const at of COUNTRIES) if (JSON.stringify(await heights(at)) !== JSON.stringify(COUNTRIES.map((c) => want[c]))) return false;
      return true;
    };

    for (const c of COUNTRIES) await grant(c, 1);
    await within(budget(20_000), 'first convergence', everyoneHas({ MX: 1, CR: 1, PE: 1 }));

    await redis.PE?.stop(); // PE's transport is gone (and loses all it held)
    await grant('MX', 2);
    await grant('CR', 2);
    const lag = await within(budget(1000), 'MX#2 and CR#2 reaching every node with PE\'s Redis down', async () => {
      for (const at of COUNTRIES) {
        const h = await heights(at);
        if (!h || h[0] !== 2 || h[1] !== 2) return false;
      }
      return true;
    });
    console.log(`hubless: with PE's Redis down, MX#2 and CR#2 were at all three nodes ${lag.toFixed(0)} ms after both were acknowledged`);

    await grant('PE', 2);
    await within(budget(5000), 'PE#2 reaching MX straight from PE\'s node', async () => (await heights('MX'))?.[2] === 2);
    expect((await heights('CR'))?.[2]).toBe(1); // CR has no route to PE#2 until PE's log is back

    redis.PE = await startRedisServer({ port: redis.PE?.port as number }); // back, empty
    await within(budget(30_000), 'every node converging once PE\'s Redis is back', everyoneHas({ MX: 2, CR: 2, PE: 2 }));
    const all = await Promise.all(COUNTRIES.map((at) => headsAt(url(at), COUNTRIES)));
    for (const heads of all) expect(heads).toEqual(all[0]);
    const checkpoints = await gql<{ checkpoints: { authority: string; treeSize: number }[] }>(url('CR'), '{ checkpoints { authority treeSize } }');
    expect(checkpoints.data?.checkpoints.map((c) => c.authority)).toEqual(['CR', 'MX', 'PE']);
  }, budget(120_000));
});
