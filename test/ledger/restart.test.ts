import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson, FileStore, fold, initialState, type Command, type Entry,
} from '../../subgraphs/ledger/index.js';
import { aeoId, grant, testNetwork } from '../support/network.js';
import { tempDir } from '../support/temp-dir.js';

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((n) => grant('MX', n)),
  fc.tuple(fc.constantFrom('suspendAeo', 'reinstateAeo', 'revokeAeo') as fc.Arbitrary<'suspendAeo'>, fc.integer({ min: 1, max: 5 }))
    .map(([kind, n]) => ({ kind, aeoId: aeoId('MX', n), reason: `${kind} ${n}` })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.string({ minLength: 1, maxLength: 12 }))
    .map(([n, tradeName]) => ({ kind: 'updateAeo' as const, aeoId: aeoId('MX', n), changes: { tradeName } })),
);

describe('ledger: restart rebuilds exactly the state of the fold', () => {
  it('for any sequence of commands, state after restart = state before = fold over the chain', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 30 }), (commands) => {
        const dir = tempDir();
        const net = testNetwork(['MX', 'CR']);
        const mx = net.replica('MX', new FileStore(dir));
        for (const command of commands) {
          try {
            mx.submit(command);
          } catch {
            // invalid transitions are refused and leave nothing behind
          }
        }
        const before = canonicalJson(mx.state);
        const entries = mx.chain('MX').range(1);
        mx.close();
        const reopened = net.replica('MX', new FileStore(dir));
        expect(canonicalJson(reopened.state)).toBe(before);
        expect(canonicalJson(fold(initialState(net.genesis, reopened.network), entries))).toBe(before);
        reopened.close();
      }),
      { numRuns: 25 },
    );
  });

  it('keeps other chains, checkpoints and fork evidence across a restart', () => {
    const dir = tempDir();
    const net = testNetwork(['MX', 'CR']);
    const cr = net.replica('CR');
    const crEntries = [cr.submit(grant('CR', 1)), cr.submit(grant('CR', 2))];
    const mx = net.replica('MX', new FileStore(dir));
    crEntries.forEach((e) => mx.ingest(e));
    mx.submit(grant('MX', 1));
    const checkpoint = mx.checkpoint();
    mx.close();
    const reopened = net.replica('MX', new FileStore(dir));
    expect(reopened.height('CR')).toBe(2);
    expect(reopened.chain('MX').root()).toBe(checkpoint.rootHash);
  });

  it('cuts a torn tail (a write the crash interrupted) and loses nothing acknowledged', () => {
    const dir = tempDir();
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX', new FileStore(dir));
    const acknowledged = [mx.submit(grant('MX', 1)), mx.submit(grant('MX', 2))];
    mx.close();
    const file = join(dir, 'chains', 'MX.jsonl');
    appendFileSync(file, '{"v":1,"network":"ab'); // half a line: never acknowledged
    const reopened = net.replica('MX', new FileStore(dir));
    expect(reopened.chain('MX').range(1).map((e: Entry) => e.hash)).toEqual(acknowledged.map((e) => e.hash));
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    expect(reopened.submit(grant('MX', 3)).sequence).toBe(3);
  });

  it('refuses to start on damaged fork evidence (STORAGE_CORRUPT) rather than dropping it', () => {
    const dir = tempDir();
    const net = testNetwork(['MX', 'CR']);
    net.replica('MX', new FileStore(dir)).close();
    writeFileSync(join(dir, 'evidence.jsonl'), '{"authority":"CR","seq\n');
    expect(() => net.replica('MX', new FileStore(dir))).toThrow(expect.objectContaining({ code: 'STORAGE_CORRUPT' }));
  });

  it('refuses to start on a damaged acknowledged entry (STORAGE_CORRUPT), naming the line', () => {
    const dir = tempDir();
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX', new FileStore(dir));
    mx.submit(grant('MX', 1));
    mx.submit(grant('MX', 2));
    mx.close();
    const file = join(dir, 'chains', 'MX.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Operadora 1', 'Operadora X'));
    expect(() => net.replica('MX', new FileStore(dir))).toThrow(expect.objectContaining({ code: 'STORAGE_CORRUPT' }));
    writeFileSync(file, readFileSync(file, 'utf8').replace('"v":1', '"v":'));
    expect(() => net.replica('MX', new FileStore(dir))).toThrow(/MX\.jsonl:1/);
  });
});
