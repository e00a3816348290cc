import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDirectory } from '../../subgraphs/ledger/index.js';
import { GRANT, grantInput } from '../node/cluster.js';
import { budget } from '../support/budget.js';
import { gql } from '../support/graphql-client.js';
import { adminToken, headsAt, startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { exitOrReady, freePort } from '../support/node-process.js';
import { runCli, runCliAsync } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { DEMO_MARKER } from '../../subgraphs/cli/demo/demo-dir.js';

/** The one line a second node on `data` gets while the node with `pid` holds it. */
const lockedLine = (data: string, pid: number) =>
  `mra-hub: DATA_DIR_LOCKED: ${data} is in use: locked by pid ${pid}, which has it open for writing (a second writer would fork its chains); stop that process first\n`;

describe('cli: one node per data directory', () => {
  const nodes: NodeProcess[] = [];
  afterEach(async () => {
    for (const node of nodes.splice(0)) await node.stop('SIGKILL');
  });

  /** MX's node on `<dir>/MX`, tracked for clean-up. */
  async function startMx(dir: string, net: { keys: string; genesisPath: string }): Promise<NodeProcess> {
    const node = await startNodeProcess(net, dir, 'MX', []);
    nodes.push(node);
    return node;
  }

  it('regression: a second node on a directory a running node holds exits 2 naming the directory and the holder, --recover-from too; the first keeps serving (both started and forked the chain)', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    const data = join(dir, 'MX');
    const first = await startMx(dir, net);
    const token = await adminToken(net.keys, 'MX');
    expect((await gql(first.url, GRANT, { input: grantInput('MX', 1) }, token)).errors).toBeUndefined();
    const args = ['node', '--country', 'MX', '--data', data, '--keys', net.keys, '--genesis', net.genesisPath, '--port', String(await freePort())];
    for (const extra of [[], ['--recover-from', first.url]]) {
      const second = await exitOrReady([...args, ...extra], / node \(/);
      expect(second).toEqual({ status: 2, stdout: '', stderr: lockedLine(data, first.child.pid as number) });
    }
    expect((await gql(first.url, GRANT, { input: grantInput('MX', 2) }, token)).errors).toBeUndefined();
    expect((await headsAt(first.url, ['MX']))?.MX?.sequence).toBe(2);
    // Read-only commands need no lock: an audit of the running node's directory.
    const audit = await runCliAsync(['ledger', 'verify', data]);
    expect(audit.stdout).toMatch(/VERIFIED\n$/);
    expect(audit.status).toBe(0);
  }, budget(90_000));

  it('a node killed with SIGKILL does not block the next start: its lock is taken over, said once on stderr naming the dead pid', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    const killed = await startMx(dir, net);
    await killed.stop('SIGKILL');
    const next = await startMx(dir, net);
    expect(next.output.filter((line) => line.startsWith('warning:'))).toEqual([
      `warning: ${join(dir, 'MX')}: took over the lock left by pid ${killed.child.pid}, which ended without releasing it (killed or crashed)`,
    ]);
    expect(await headsAt(next.url, ['MX'])).not.toBeNull();
  }, budget(90_000));

  it('a node stopped with SIGTERM releases its directory: a restart on it says nothing of a lock', async () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX', 'CR']);
    const stopped = await startMx(dir, net);
    await stopped.stop('SIGTERM');
    expect(stopped.child.exitCode).toBe(0);
    const next = await startMx(dir, net);
    expect(next.output.filter((line) => line.startsWith('warning:'))).toEqual([]);
  }, budget(90_000));
});

describe('cli: npm start (mra-hub demo) and its data directory', () => {
  it('regression: a directory another demo holds is refused, exit 2 naming it and the holder, and nothing in it is wiped (it was deleted under the running demo)', () => {
    const data = join(tempDir(), 'demo');
    const running = lockDirectory(data); // as a demo running in this process holds it
    writeFileSync(join(data, DEMO_MARKER), '');
    writeFileSync(join(data, 'genesis.json'), '{}');
    try {
      const result = runCli(['demo', '--once', '--port', '0', '--data', data]);
      expect(result.stderr).toBe(lockedLine(data, process.pid));
      expect(result.status).toBe(2);
      expect(existsSync(join(data, 'genesis.json'))).toBe(true);
    } finally {
      running.release();
    }
  }, budget(90_000));
});
