import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoCheckpoint, FileStore, InProcessBus, Replica, Replicator, type SigningKey } from '../../subgraphs/ledger/index.js';
import { eventually } from '../support/eventually.js';
import { grant, testNetwork } from '../support/network.js';
import { tempDir } from '../support/temp-dir.js';

describe('ledger: checkpoints', () => {
  it('a signer checkpoints its own chain after each append batch and once more when stopped', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const deferred: (() => void)[] = [];
    const auto = autoCheckpoint(mx, (task) => deferred.push(task));
    [1, 2, 3].forEach((n) => mx.submit(grant('MX', n)));
    expect(deferred).toHaveLength(1); // one batch, one checkpoint
    deferred.splice(0).forEach((task) => task());
    expect(mx.latestCheckpoint('MX')).toMatchObject({ treeSize: 3, rootHash: mx.chain('MX').root() });
    mx.submit(grant('MX', 4));
    auto.stop();
    expect(mx.latestCheckpoint('MX')?.treeSize).toBe(4);
  });

  it('a replica keeps a partner\'s checkpoint; that partner\'s chain cut on its disk is CHAIN_TRUNCATED at restart', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const entries = [1, 2, 3, 4].map((n) => mx.submit(grant('MX', n)));
    const dir = tempDir();
    const cr = net.replica('CR', new FileStore(dir));
    entries.forEach((e) => cr.ingest(e));
    expect(cr.acceptCheckpoint(mx.checkpoint())).toBe('held');
    cr.close();
    const file = join(dir, 'chains', 'MX.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    expect(() => net.replica('CR', new FileStore(dir))).toThrow(expect.objectContaining({ code: 'CHAIN_TRUNCATED' }));
  });

  it('a checkpoint ahead of the local chain is pending until its entries arrive, then verified and kept', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const entries = [1, 2, 3].map((n) => mx.submit(grant('MX', n)));
    const checkpoint = mx.checkpoint();
    const cr = net.replica('CR');
    expect(cr.acceptCheckpoint(checkpoint)).toBe('pending');
    expect(cr.latestCheckpoint('MX')).toBeNull();
    entries.forEach((e) => cr.ingest(e));
    expect(cr.latestCheckpoint('MX')).toEqual(checkpoint);
    expect(() => cr.acceptCheckpoint({ ...checkpoint, treeSize: 2 })).toThrow(expect.objectContaining({ code: 'BAD_CHECKPOINT' }));
  });

  it('a newer checkpoint vouching for fewer entries (a rolled-back chain) is CHAIN_TRUNCATED at a replica', () => {
    const net = testNetwork(['MX', 'CR']);
    const mx = net.replica('MX');
    const entries = [1, 2, 3].map((n) => mx.submit(grant('MX', n)));
    const early = mx.checkpoint(); // at 3
    // The same authority, later, with its chain restored from an old backup.
    const rolledBack = Replica.open({ genesis: net.genesis, signer: { authority: 'MX', key: net.keys.MX as SigningKey }, now: () => new Date('2026-06-01T00:00:00Z') });
    entries.slice(0, 2).forEach((e) => rolledBack.ingest(e));
    const cr = net.replica('CR');
    entries.forEach((e) => cr.ingest(e));
    cr.acceptCheckpoint(early);
    expect(() => cr.acceptCheckpoint(rolledBack.checkpoint())).toThrow(expect.objectContaining({ code: 'CHAIN_TRUNCATED' }));
  });

  it('a signer shown its own checkpoint beyond its chain refuses to sign (RECOVERY_INCOMPLETE) until its entries are back', () => {
    const net = testNetwork(['MX', 'CR']);
    const before = net.replica('MX');
    const entries = [1, 2, 3].map((n) => before.submit(grant('MX', n)));
    const checkpoint = before.checkpoint();
    const lost = net.replica('MX'); // same key, empty data directory
    expect(lost.acceptCheckpoint(checkpoint)).toBe('pending');
    expect(lost.signingFloor()).toBe(3);
    expect(() => lost.submit(grant('MX', 9))).toThrow(expect.objectContaining({ code: 'RECOVERY_INCOMPLETE' }));
    entries.slice(0, 2).forEach((e) => lost.ingest(e));
    expect(() => lost.submit(grant('MX', 9))).toThrow(expect.objectContaining({ code: 'RECOVERY_INCOMPLETE' }));
    lost.ingest(entries[2] as (typeof entries)[number]);
    expect(lost.submit(grant('MX', 9)).sequence).toBe(4);
  });

  it('checkpoints travel with the entries: every replica holds each partner\'s newest one', async () => {
    const net = testNetwork(['MX', 'CR', 'PE']);
    const bus = new InProcessBus();
    const nodes = ['MX', 'CR', 'PE'].map((c) => {
      const replica = net.replica(c);
      return { c, replica, auto: autoCheckpoint(replica), replicator: new Replicator({ replica, log: bus.connect(), name: c, blockMs: 50, antiEntropyMs: 200 }) };
    });
    for (const n of nodes) await n.replicator.start();
    for (const n of nodes) [1, 2, 3, 4, 5].forEach((i) => n.replica.submit(grant(n.c, i)));
    await eventually(() => nodes.every((n) => nodes.every((o) => n.replica.latestCheckpoint(o.c)?.treeSize === 5)), 20_000);
    for (const n of nodes) {
      n.auto.stop();
      await n.replicator.stop();
    }
    for (const n of nodes) for (const o of nodes) expect(n.replica.latestCheckpoint(o.c)?.rootHash).toBe(o.replica.chain(o.c).root());
  });

  it('a node restarted on lost files learns its own checkpoint from its log, signs nothing, and reads its chain back', async () => {
    const net = testNetwork(['MX', 'CR']);
    const bus = new InProcessBus();
    const before = net.replica('MX');
    const auto = autoCheckpoint(before);
    const first = new Replicator({ replica: before, log: bus.connect(), name: 'MX', blockMs: 50 });
    await first.start();
    [1, 2, 3].forEach((n) => before.submit(grant('MX', n)));
    const log = bus.connect();
    await eventually(() => bus.top('MX') === 3, 10_000);
    auto.stop();
    await first.stop();
    expect((await log.latestCheckpoint('MX'))?.treeSize).toBe(3);

    const after = net.replica('MX'); // same key, empty files
    const second = new Replicator({ replica: after, log: bus.connect(), name: 'MX', blockMs: 50 });
    await second.start();
    expect(after.signingFloor()).toBe(3);
    await eventually(() => after.height('MX') === 3, 10_000);
    expect(after.chain('MX').root()).toBe(before.chain('MX').root());
    expect(after.submit(grant('MX', 4)).sequence).toBe(4);
    await second.stop();
  });
});
