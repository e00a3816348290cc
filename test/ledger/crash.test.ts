import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { readGenesis, writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { auditLedger, FileStore, generateSigningKey, Replica } from '../../subgraphs/ledger/index.js';
import { budget } from '../support/budget.js';
import { compiled } from '../support/compiled.js';
import { seededRandom } from '../support/random.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURE = compiled('test/fixtures/append-until-killed.ts');

/** Runs the appender, kills it with SIGKILL `delayMs` after it is ready; returns its pid and what it acknowledged. */
function appendThenKill(dir: string, delayMs: number): Promise<{ pid: number | undefined; acked: Map<number, string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FIXTURE, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<number, string>();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, sequence, hash] = line.split(' ');
      if (word === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
      if (word === 'ack') acked.set(Number(sequence), hash ?? '');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve({ pid: child.pid, acked }) : reject(new Error(`appender exited on its own: ${stderr}`))));
  });
}

describe('ledger: crash safety of the file store', () => {
  it('after 20 SIGKILLs at random points every acknowledged entry is present, the chain verifies, and each restart takes over the dead writer\'s lock', async () => {
    const dir = tempDir();
    const keys = { MX: generateSigningKey(), CR: generateSigningKey() };
    writeKeyPair(join(dir, 'keys'), { country: 'MX', name: 'SAT' }, keys.MX);
    writeKeyPair(join(dir, 'keys'), { country: 'CR', name: 'DGA' }, keys.CR);
    const genesis = writeGenesis(join(dir, 'genesis.json'), 'crash-test', [
      { country: 'MX', name: 'SAT', publicKey: keys.MX.publicKey },
      { country: 'CR', name: 'DGA', publicKey: keys.CR.publicKey },
    ], new Date('2026-01-01T00:00:00Z'));
    const random = seededRandom(20261127);
    const everAcked = new Map<number, string>();
    for (let round = 1; round <= 20; round++) {
      const { pid, acked } = await appendThenKill(dir, Math.floor(random() * 120));
      acked.forEach((hash, sequence) => everAcked.set(sequence, hash));
      const warnings: string[] = [];
      const store = new FileStore(join(dir, 'data'), { warn: (message) => warnings.push(message) });
      expect(warnings, `round ${round}`).toEqual([`${join(dir, 'data')}: took over the lock left by pid ${pid}, which ended without releasing it (killed or crashed)`]);
      const replica = Replica.open({ genesis: readGenesis(join(dir, 'genesis.json')), store, now: () => new Date() });
      const chain = replica.chain('MX');
      for (const [sequence, hash] of everAcked) expect(chain.at(sequence)?.hash, `round ${round}, entry ${sequence}`).toBe(hash);
      replica.close();
    }
    expect(everAcked.size).toBeGreaterThan(20);
    const report = auditLedger(genesis, new FileStore(join(dir, 'data'), { readOnly: true }).load());
    expect(report.ok).toBe(true);
    expect(report.chains[0]?.verified).toBeGreaterThanOrEqual(everAcked.size);
  }, budget(120_000));
});
