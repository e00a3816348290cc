import { describe, expect, it } from 'vitest';
import { InProcessBus, Replicator, type ReplicationNotice } from '../../subgraphs/ledger/index.js';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { grant, testNetwork } from '../support/network.js';
import { pausable } from '../support/pausable-log.js';

describe('ledger: a Replicator whose log goes away for a while', () => {
  it('says so once, with why (TRANSPORT_ERROR); nothing more while every retry fails; once when the log answers again (TRANSPORT_RESTORED, info)', async () => {
    const net = testNetwork(['MX', 'CR']);
    const bus = new InProcessBus();
    let down = false;
    const notices: ReplicationNotice[] = [];
    const mx = net.replica('MX');
    const cr = net.replica('CR');
    const follow = (replica: typeof mx, name: string, onProblem?: (notice: ReplicationNotice) => void) =>
      new Replicator({ replica, log: pausable(bus.connect(), () => down), name, blockMs: 50, antiEntropyMs: 100, ...(onProblem ? { onProblem } : {}) });
    const crReplicator = follow(cr, 'CR', (notice) => notices.push(notice));
    const replicators = [follow(mx, 'MX'), crReplicator];
    for (const r of replicators) await r.start();
    mx.submit(grant('MX', 1));
    await eventually(() => cr.height('MX') === 1, budget(10_000));

    down = true;
    // Reads retried, anti-entropy passes and publishes all failing, many times over.
    cr.submit(grant('CR', 1));
    await eventually(() => (crReplicator.stats.rejected.TRANSPORT_ERROR ?? 0) >= 10, budget(20_000), () => JSON.stringify(crReplicator.stats));
    expect(notices).toEqual([{ code: 'TRANSPORT_ERROR', message: 'lost (transport down); retrying quietly until it answers' }]);
    expect(crReplicator.transportLost).toBe(true);

    down = false;
    await eventually(() => notices.length > 1, budget(10_000), () => JSON.stringify(notices));
    expect(notices.slice(1)).toEqual([{ code: 'TRANSPORT_RESTORED', message: 'answers again', level: 'info' }]);
    expect(crReplicator.transportLost).toBe(false);
    // What was written while it was down goes through once it is back.
    await eventually(() => mx.height('CR') === 1, budget(10_000));
    for (const r of replicators) await r.stop();
    expect(notices).toHaveLength(2);
  });
});
