import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStore, Replica } from '../../subgraphs/ledger/index.js';
import { budget } from '../support/budget.js';
import { compiled } from '../support/compiled.js';
import { grant, testNetwork } from '../support/network.js';
import { stop } from '../support/node-process.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURE = compiled('test/fixtures/hold-data-dir.ts');
const LEDGER = compiled('subgraphs/ledger/index.ts');

/** The refusal a second writer gets while `pid` holds `dir`. */
function locked(dir: string, pid: number, who = `pid ${pid}`): unknown {
  return expect.objectContaining({
    code: 'DATA_DIR_LOCKED',
    message: `${dir} is in use: locked by ${who}, which has it open for writing (a second writer would fork its chains); stop that process first`,
    details: { dir, pid },
  });
}

describe('ledger: a writable FileStore holds its directory until it is closed', () => {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) await stop(child, 'SIGKILL');
  });

  /** Another process holding `dir` with a writable FileStore, once it says so. */
  function holder(dir: string): Promise<ChildProcess & { pid: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [FIXTURE, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'held' && child.pid !== undefined) resolve(child as ChildProcess & { pid: number });
      });
      child.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)));
    });
  }

  it('a second writable store in the same process is refused, naming the directory and this process; once the first is closed it opens', () => {
    const dir = tempDir();
    const first = new FileStore(dir);
    expect(() => new FileStore(dir)).toThrow(locked(dir, process.pid, `pid ${process.pid} (this process)`));
    first.close();
    const warnings: string[] = [];
    new FileStore(dir, { warn: (message) => warnings.push(message) }).close();
    expect(warnings).toEqual([]);
  });

  it('a second open refused in this process leaves the first\'s hold intact: another process is still refused (fcntl locks drop on any close)', async () => {
    const dir = tempDir();
    const first = new FileStore(dir);
    expect(() => new FileStore(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    await expect(holder(dir)).rejects.toThrow(`DATA_DIR_LOCKED`);
    first.close();
  }, budget(30_000));

  it('a replica whose stored ledger is refused closes its store: the next open is refused for the same reason, not DATA_DIR_LOCKED', () => {
    const dir = tempDir();
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX', new FileStore(dir));
    mx.submit(grant('MX', 1));
    mx.close();
    const other = testNetwork(['MX', 'CR']); // another network: MX's chain does not verify in it
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(() => Replica.open({ genesis: other.genesis, store: new FileStore(dir), now: () => new Date() })).toThrow(expect.objectContaining({ code: 'STORAGE_CORRUPT' }));
    }
    net.replica('MX', new FileStore(dir)).close();
  });

  it('a store another process holds is refused, naming its pid; a read-only store (an audit) reads it meanwhile', async () => {
    const dir = tempDir();
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX', new FileStore(dir));
    const entry = mx.submit(grant('MX', 1));
    mx.close();
    const child = await holder(dir);
    expect(() => new FileStore(dir)).toThrow(locked(dir, child.pid));
    expect(new FileStore(dir, { readOnly: true }).load().chains.get('MX')?.map((e) => e.hash)).toEqual([entry.hash]);
  }, budget(30_000));

  it('a lock left by a writer killed with SIGKILL does not block: the next store takes it over and warns, naming the dead pid', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    await stop(child, 'SIGKILL');
    const warnings: string[] = [];
    const store = new FileStore(dir, { warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([`${dir}: took over the lock left by pid ${child.pid}, which ended without releasing it (killed or crashed)`]);
    expect(() => new FileStore(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    store.close();
  }, budget(30_000));

  it('SQLite (the lock\'s OS lock) is loaded when a lock is taken, not by importing the ledger (the simulator and gateway never lock)', () => {
    const loaded = (script: string) => spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout.trim();
    const sqlite = 'console.log(process.moduleLoadList.some((m) => m.includes("sqlite")))';
    expect(loaded(`await import(${JSON.stringify(LEDGER)}); ${sqlite}`)).toBe('false');
    const dir = tempDir();
    expect(loaded(`const { lockDirectory } = await import(${JSON.stringify(LEDGER)}); lockDirectory(${JSON.stringify(dir)}).release(); ${sqlite}`)).toBe('true');
  });

  it('a writer that closed its store (SIGTERM) leaves nothing to take over: no warning, only the LOCK file', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    await stop(child, 'SIGTERM');
    expect(child.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['LOCK', 'chains', 'checkpoints']);
    const warnings: string[] = [];
    new FileStore(dir, { warn: (message) => warnings.push(message) }).close();
    expect(warnings).toEqual([]);
  }, budget(30_000));
});
