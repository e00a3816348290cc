import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { generateSigningKey } from '../../subgraphs/ledger/index.js';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/node-process.js';
import { startNpm } from '../support/npm-process.js';
import { processTree, running, type ProcessRef } from '../support/process-tree.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = packageRoot(import.meta.dirname);

type Exit = { code: number | null; signal: NodeJS.Signals | null };

const exitOf = (child: ChildProcess): Promise<Exit> => new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

/** Whether something accepts TCP connections on loopback `port`. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port p with p … p+count-1 all free on loopback: the demo's gateway takes p, its nodes the next three. */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    const next = Array.from({ length: count - 1 }, (_, i) => first + 1 + i);
    if (next.every((port) => port < 65_536) && (await Promise.all(next.map(bindable))).every(Boolean)) return first;
  }
}

/** A one-authority network in a fresh directory: keys and genesis. */
function network(): { dir: string; keys: string; genesis: string } {
  const dir = tempDir();
  const keys = join(dir, 'keys');
  const key = generateSigningKey();
  writeKeyPair(keys, { country: 'MX', name: 'Customs MX' }, key);
  const genesis = join(dir, 'genesis.json');
  writeGenesis(genesis, 'npm-wrapper', [{ country: 'MX', name: 'Customs MX', publicKey: key.publicKey }], new Date('2026-01-01T00:00:00Z'));
  return { dir, keys, genesis };
}

const closingLines = (output: readonly string[]) => output.filter((line) => /closing/.test(line));
const errorLines = (output: readonly string[]) => output.filter((line) => /error|failed|still closing/i.test(line));

describe('cli: SIGTERM to the npm or npx that runs a server stops the server too (a supervisor signals only the process it started)', () => {
  const started: ProcessRef[] = [];
  afterAll(() => {
    for (const proc of started) if (running(proc)) process.kill(proc.pid, 'SIGKILL');
  });

  /** The processes of `child`'s tree now (npm, its shell, the server), each killed in afterAll if still running. */
  function treeOf(child: ChildProcess): ProcessRef[] {
    const tree = processTree(child.pid ?? -1);
    started.push(...tree);
    return tree;
  }

  async function allGone(tree: readonly ProcessRef[]): Promise<void> {
    await eventually(() => !tree.some(running), budget(30_000),
      () => `; still running: ${tree.filter(running).map((proc) => `${proc.pid} ${proc.command}`).join('; ')}`);
  }

  const demo = async () => {
    const port = await freePorts(4);
    const { child, output } = await startNpm('npm', ['start', '--', '--port', String(port), '--data', join(tempDir(), 'demo')], /^Serving; Ctrl-C to stop\./);
    return { child, output, ports: [port, port + 1, port + 2, port + 3], tree: treeOf(child), exited: exitOf(child) };
  };

  const npxNode = async () => {
    const { dir, keys, genesis } = network();
    const port = await freePort();
    const { child, output } = await startNpm('npx', ['--yes', 'mra-hub', 'node', '--country', 'MX', '--data', join(dir, 'data'), '--keys', keys, '--genesis', genesis, '--port', String(port)], / node \(/);
    return { child, output, ports: [port], tree: treeOf(child), exited: exitOf(child) };
  };

  it('regression: `npm start` (the demo): SIGTERM to npm alone closes the gateway and the three nodes, and npm exits 0 once they have (npm\'s `sh -c` died of it and left them running)', async () => {
    const { child, output, ports, tree, exited } = await demo();
    child.kill('SIGTERM');
    await allGone(tree);
    expect(await exited).toEqual({ code: 0, signal: null });
    for (const port of ports) expect(await answers(port)).toBe(false);
    expect(closingLines(output)).toEqual([expect.stringMatching(/^mra-hub: SIGTERM: closing/)]);
    expect(errorLines(output)).toEqual([]);
  }, budget(120_000));

  it('regression: `npx mra-hub node …`: SIGTERM to npx alone closes the node (npx runs it through `sh -c` too, whose shell dies of it without passing it on); the node sees its parent go', async () => {
    const { child, output, ports, tree } = await npxNode();
    child.kill('SIGTERM');
    await allGone(tree);
    for (const port of ports) expect(await answers(port)).toBe(false);
    expect(closingLines(output)).toEqual([expect.stringMatching(/^mra-hub: parent process \d+ \(npm or npx\) exited: closing/)]);
    expect(errorLines(output)).toEqual([]);
  }, budget(120_000));

  for (const [name, start] of [['npm start', demo], ['npx mra-hub node', npxNode]] as const) {
    it(`Ctrl-C (SIGINT to the whole process group) still closes \`${name}\` once, with no error`, async () => {
      const { child, output, ports, tree } = await start();
      process.kill(-(child.pid ?? -1), 'SIGINT');
      await allGone(tree);
      for (const port of ports) expect(await answers(port)).toBe(false);
      expect(closingLines(output)).toEqual([expect.stringMatching(/^mra-hub: SIGINT: closing/)]);
      expect(errorLines(output)).toEqual([]);
    }, budget(120_000));
  }

  it('the npm scripts that run a long-lived node (start, bench:*) end in `exec node …`: npm\'s SIGTERM then reaches node, not a shell that drops it', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const long = Object.entries(scripts).filter(([name]) => name === 'start' || name.startsWith('bench:'));
    expect(long.map(([name]) => name)).toContain('start');
    for (const [name, line] of long) expect({ name, runs: line.split('&&').at(-1)?.trim() }).toEqual({ name, runs: expect.stringMatching(/^exec node /) });
  });
});
