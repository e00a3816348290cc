import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRANT, grantInput } from '../node/cluster.js';
import { budget } from '../support/budget.js';
import { eventually, until } from '../support/eventually.js';
import { gql } from '../support/graphql-client.js';
import { heldProxy } from '../support/held-proxy.js';
import { freePort, spawnCli, stop } from '../support/node-process.js';
import { adminToken, headsAt, startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const COUNTRIES = ['MX', 'CR', 'PE'];

describe('cli: mra-hub node --recover-from rebuilds a lost data directory from peers', () => {
  const running: NodeProcess[] = [];
  afterAll(async () => {
    for (const node of running) await node.stop('SIGKILL');
  });

  it('MX\'s data directory is deleted; recovered from CR and PE it serves the same heads and Merkle roots, then signs again', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, COUNTRIES);
    const ports = Object.fromEntries(await Promise.all(COUNTRIES.map(async (c) => [c, await freePort()] as const)));
    const url = (c: string) => `http://127.0.0.1:${ports[c]}/graphql`;
    // No Redis at all: every node follows its partners' nodes directly.
    const peersOf = (c: string) => COUNTRIES.filter((p) => p !== c).flatMap((p) => ['--peer', `${p}=${url(p)}`, '--peer-interval', '200']);
    const start = async (c: string, extra: string[] = []) => {
      const node = await startNodeProcess(net, dir, c, [...peersOf(c), ...extra], { port: ports[c] as number });
      running.push(node);
      return node;
    };
    let mx = await start('MX');
    await start('CR');
    await start('PE');
    const token = await adminToken(net.keys, 'MX');
    for (const n of [1, 2, 3]) expect((await gql(url('MX'), GRANT, { input: grantInput('MX', n) }, token)).errors).toBeUndefined();
    expect((await gql(url('CR'), GRANT, { input: grantInput('CR', 1) }, await adminToken(net.keys, 'CR'))).errors).toBeUndefined();
    const mxCheckpointAt = (at: string) => async () => {
      const response = await gql<{ checkpoints: { authority: string; treeSize: number }[] }>(url(at), '{ checkpoints { authority treeSize } }');
      return response.data?.checkpoints.find((c) => c.authority === 'MX')?.treeSize === 3 && (await headsAt(url(at), COUNTRIES))?.CR?.sequence === 1;
    };
    await until(mxCheckpointAt('CR'), budget(15_000), 'CR holding MX\'s checkpoint at 3');
    await until(mxCheckpointAt('PE'), budget(15_000), 'PE holding MX\'s checkpoint at 3');
    const sameEverywhere = async () => {
      const all = await Promise.all(COUNTRIES.map((c) => headsAt(url(c), COUNTRIES)));
      return all.every((h) => JSON.stringify(h) === JSON.stringify(all[0]));
    };
    await until(sameEverywhere, budget(15_000), 'every node holding the same heads');
    const before = await headsAt(url('MX'), COUNTRIES);

    await mx.stop('SIGKILL');
    rmSync(join(dir, 'MX'), { recursive: true });
    mx = await start('MX', ['--recover-from', url('CR'), '--recover-from', url('PE')]);
    expect(mx.output.join('\n')).toMatch(/recovered from 2 peer\(s\): CR 1, MX 3, PE 0; own checkpoint 3\n/);
    expect(await headsAt(url('MX'), COUNTRIES)).toEqual(before);

    const fourth = await gql<{ grantAeo: { aeoId: string } }>(url('MX'), GRANT, { input: grantInput('MX', 4) }, token);
    expect(fourth.errors).toBeUndefined();
    await until(async () => (await headsAt(url('CR'), COUNTRIES))?.MX?.sequence === 4, budget(15_000), 'MX#4 reaching CR');
    await mx.stop('SIGTERM');
    const audit = runCli(['ledger', 'verify', join(dir, 'MX')]);
    expect(audit.stdout).toMatch(/MX +4 entries {2}ok .* checkpoint ok/);
    expect(audit.stdout).toMatch(/VERIFIED$/m);
  }, budget(120_000));

  it('regression: SIGINT while recovering stops the start before it listens, exit 0 (it went on: "recovered", the node announced at its URL, the port bound, then exit)', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    const cr = await startNodeProcess(net, dir, 'CR', []);
    running.push(cr);
    const proxy = await heldProxy(cr.url);
    try {
      const port = await freePort();
      const mx = spawnCli(['node', '--country', 'MX', '--data', join(dir, 'MX'), '--keys', net.keys, '--genesis', net.genesisPath, '--port', String(port), '--recover-from', proxy.url]);
      running.push({ country: 'MX', url: '', child: mx.child, output: mx.output, stop: (signal = 'SIGTERM') => stop(mx.child, signal) });
      await proxy.arrived; // MX is waiting on CR's answer: recovery is under way
      mx.child.kill('SIGINT');
      await eventually(() => mx.output.some((line) => /^mra-hub: SIGINT: closing/.test(line)), budget(15_000), () => mx.output.join('\n'));
      proxy.release(); // CR answers: the recovery could finish, and the start must not go on
      expect(await mx.exited).toBe(0);
      expect(mx.output.join('\n')).not.toMatch(/ node \(|recovered from/);
    } finally {
      await proxy.close();
    }
  }, budget(60_000));

  it('refuses to recover over a data directory that still holds chains, or when no peer answers', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    const first = await startNodeProcess(net, dir, 'MX', []);
    expect((await gql(first.url, GRANT, { input: grantInput('MX', 1) }, await adminToken(net.keys, 'MX'))).errors).toBeUndefined();
    await first.stop();
    await expect(startNodeProcess(net, dir, 'MX', ['--recover-from', 'http://127.0.0.1:9/graphql'])).rejects.toThrow(/holds chains; move it aside first/);
    // With no peer heard, nothing says how far MX's chain went: it must not start signing from 1.
    rmSync(join(dir, 'MX'), { recursive: true });
    await expect(startNodeProcess(net, dir, 'MX', ['--recover-from', 'http://127.0.0.1:9/graphql'])).rejects.toThrow(/no peer answered .*nothing was recovered/);
  }, budget(60_000));
});
