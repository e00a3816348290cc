import { describe, expect, it } from 'vitest';
import { InProcessBus, Replicator, type Replica } from '../../subgraphs/ledger/index.js';
import { eventually } from '../support/eventually.js';
import { grant, testNetwork } from '../support/network.js';
import { pausable } from '../support/pausable-log.js';

const COUNTRIES = ['MX', 'CR', 'PE'] as const;

describe('ledger: one log per authority (no hub)', () => {
  it('with PE\'s log down, MX\'s and CR\'s entries still reach every replica; PE\'s arrive once its log is back', async () => {
    const net = testNetwork(COUNTRIES);
    const buses = Object.fromEntries(COUNTRIES.map((c) => [c, new InProcessBus()]));
    const down = new Set<string>();
    const replicas = Object.fromEntries(COUNTRIES.map((c) => [c, net.replica(c)])) as Record<string, Replica>;
    // Every node: one Replicator per authority's log, each carrying that authority's chain only.
    const replicators = COUNTRIES.flatMap((node) => COUNTRIES.map((owner) => new Replicator({
      replica: replicas[node] as Replica, log: pausable((buses[owner] as InProcessBus).connect(), () => down.has(owner)),
      name: node, chains: [owner], blockMs: 50, antiEntropyMs: 100,
    })));
    for (const r of replicators) await r.start();
    const heights = () => COUNTRIES.map((node) => COUNTRIES.map((c) => replicas[node]?.height(c)).join(',')).join(' ');
    for (const c of COUNTRIES) replicas[c]?.submit(grant(c, 1));
    await eventually(() => heights() === '1,1,1 1,1,1 1,1,1', 10_000, heights);

    down.add('PE');
    for (const c of COUNTRIES) replicas[c]?.submit(grant(c, 2));
    await eventually(() => COUNTRIES.every((node) => replicas[node]?.height('MX') === 2 && replicas[node]?.height('CR') === 2), 10_000, heights);
    expect([replicas.MX?.height('PE'), replicas.CR?.height('PE')]).toEqual([1, 1]); // PE's log is its only route here
    expect((buses.MX as InProcessBus).top('PE')).toBe(0); // nothing of PE's went through another authority's log

    down.delete('PE');
    await eventually(() => heights() === '2,2,2 2,2,2 2,2,2', 10_000, heights);
    for (const c of COUNTRIES) expect(new Set(COUNTRIES.map((node) => replicas[node]?.chain(c).root())).size).toBe(1);
    for (const r of replicators) await r.stop();
  });
});
