import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../simulator/index.js';
import { miniWorld, runMini } from './mini-world.js';

const DAY = 86_400;
/** Three members, two of them validators: IBFT 2.0 needs both (ceil(2·2/3) = 2). */
function threeMembers(validators: Record<string, number>, faults: object) {
  const world = miniWorld();
  world.countries.PE = { name: 'Peru', aeos: { IMPORTER_EXPORTER: 60 }, declarationsPerDay: 1000, partnerAeoShare: 0.05 };
  world.mras = [{ id: 'mini', parties: ['MX', 'CR', 'PE'] }];
  world.statusChanges = { ...world.statusChanges, suspensionsPerAeoYear: 4 };
  return { ...world, mechanisms: ['shared-ledger'], ledger: { blockSeconds: 2, pollSeconds: 15, bridgeSeconds: 60, validators }, faults };
}
const arrivalsAt = (events: readonly SimEvent[], partner: string, from: string) =>
  events.filter((e) => e.type === 'delivered' && e.partner === partner && String(e.aeoId).startsWith(`${from}-`));

describe('simulator model: the shared ledger needs a quorum of validators', () => {
  it('with two validators, cutting one off stalls the ledger: a third member hears nothing until it heals', async () => {
    const cut = { partitions: [{ between: ['MX', 'CR'], fromDay: 10, hours: 24 * 10 }, { between: ['MX', 'PE'], fromDay: 10, hours: 24 * 10 }] };
    const { metrics, events } = await runMini(threeMembers({ MX: 1, CR: 1 }, cut), 2);
    expect(metrics['shared-ledger']?.ledger_stalled_s).toBe(10 * DAY);
    const changes = events.filter((e) => e.type === 'status-change' && e.country === 'MX' && (e.t as number) >= 10 * DAY && (e.t as number) < 20 * DAY);
    expect(changes.length).toBeGreaterThan(0);
    const made = new Set(changes.map((c) => c.aeoId));
    expect(made.size).toBeGreaterThan(0);
    const during = (d: SimEvent) => typeof d.t === 'number' && d.t >= 10 * DAY && d.t < 20 * DAY;
    expect(arrivalsAt(events, 'PE', 'MX').filter(during)).toEqual([]);
    expect(arrivalsAt(events, 'PE', 'CR').filter(during)).toEqual([]);
    const late = arrivalsAt(events, 'PE', 'MX').filter((d) => made.has(d.aeoId) && typeof d.t === 'number' && d.t >= 20 * DAY);
    expect(late.length).toBeGreaterThan(0);
  });

  it('with three validators the same cut leaves a quorum (CR and PE): the ledger goes on without MX', async () => {
    const cut = { partitions: [{ between: ['MX', 'CR'], fromDay: 10, hours: 24 * 10 }, { between: ['MX', 'PE'], fromDay: 10, hours: 24 * 10 }] };
    const { metrics, events } = await runMini(threeMembers({ MX: 1, CR: 1, PE: 1 }, cut), 2);
    expect(metrics['shared-ledger']?.ledger_stalled_s).toBe(0);
    const fromCr = arrivalsAt(events, 'PE', 'CR').filter((d) => (d.t as number) > 10 * DAY && (d.t as number) < 20 * DAY);
    expect(fromCr.length).toBeGreaterThan(0);
  });

  it('a partition that leaves a relay (MX and CR both reach PE) does not stall it: nodes gossip', async () => {
    const { metrics } = await runMini(threeMembers({ MX: 1, CR: 1 }, { partitions: [{ between: ['MX', 'CR'], fromDay: 10, hours: 240 }] }), 2);
    expect(metrics['shared-ledger']?.ledger_stalled_s).toBe(0);
  });

  it('an outage of one of two validators stalls it too', async () => {
    const { metrics } = await runMini(threeMembers({ MX: 1, CR: 1 }, { outages: [{ target: 'CR', fromDay: 5, hours: 36 }] }), 3);
    expect(metrics['shared-ledger']?.ledger_stalled_s).toBe(36 * 3600);
  });
});
