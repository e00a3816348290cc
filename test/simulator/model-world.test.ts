import { describe, expect, it } from 'vitest';
import { drawDeclarations } from '../../simulator/declarations.js';
import { buildWorld } from '../../simulator/index.js';
import { miniWorld, runMini, scenarioOf } from './mini-world.js';

const DAY = 86_400;

describe('simulator world: trade is concentrated in a few large firms', () => {
  it('with the default Pareto sizes, the largest 1% of exporters lodge over a tenth of partner-AEO declarations (uniform sizes: about 1%)', () => {
    const world = buildWorld({ ...scenarioOf(miniWorld()), days: 30 }, 1);
    const { operator } = drawDeclarations(world);
    const counts = new Map<number, number>();
    operator.forEach((op) => counts.set(op, (counts.get(op) ?? 0) + 1));
    const exporters = world.operators.length;
    const top = [...counts.values()].sort((a, b) => b - a).slice(0, Math.ceil(exporters / 100)).reduce((a, b) => a + b, 0);
    expect(top / operator.length).toBeGreaterThan(0.1);
  });

  it('uniform sizes remain available as a stated choice', () => {
    const world = buildWorld({ ...scenarioOf({ ...miniWorld(), trade: { sizes: 'uniform', paretoAlpha: 1 } }), days: 30 }, 1);
    const { operator } = drawDeclarations(world);
    const counts = new Map<number, number>();
    operator.forEach((op) => counts.set(op, (counts.get(op) ?? 0) + 1));
    expect(Math.max(...counts.values()) / operator.length).toBeLessThan(0.05);
  });
});

describe('simulator world: faults arrive at random from rates, alongside fixed windows', () => {
  it('outages at 12 a year with 6-hour mean repairs: about 12 a year, each seed its own', async () => {
    const world = { ...miniWorld(), days: 365, mechanisms: ['hub'], faults: { randomOutages: [{ target: 'CR', perYear: 12, meanRepairHours: 6 }], outages: [{ target: 'hub', fromDay: 3, hours: 2 }] } };
    world.statusChanges = { ...world.statusChanges, suspensionsPerAeoYear: 0.1 };
    const outages = async (seed: number) => (await runMini(world, seed)).events.filter((e) => e.type === 'outage');
    const [a, b] = [await outages(1), await outages(2)];
    const random = a.filter((e) => e.random === true);
    expect(random.length).toBeGreaterThan(4);
    expect(random.length).toBeLessThan(24);
    expect(a.filter((e) => e.random === false)).toHaveLength(1);
    expect(b.map((e) => e.t)).not.toEqual(a.map((e) => e.t));
    const hours = random.map((e) => e.hours as number);
    expect(hours.reduce((x, y) => x + y, 0) / hours.length).toBeGreaterThan(2);
  });
});

describe('simulator world: random partitions cut two countries apart from rates too', () => {
  it('partitions at 6 a year appear as events and stall a two-validator ledger while they last', async () => {
    const world = { ...miniWorld(), days: 365, mechanisms: ['shared-ledger'], faults: { randomPartitions: [{ between: ['MX', 'CR'], perYear: 6, meanRepairHours: 12 }] } };
    world.statusChanges = { ...world.statusChanges, suspensionsPerAeoYear: 0.1 };
    const { events, metrics } = await runMini(world, 3);
    const cuts = events.filter((e) => e.type === 'partition' && e.random === true);
    expect(cuts.length).toBeGreaterThan(1);
    const hours = cuts.reduce((sum, e) => sum + (e.hours as number), 0);
    expect(metrics['shared-ledger']?.ledger_stalled_s as number).toBeCloseTo(hours * 3600, -1);
  });
});

describe('simulator model: the monthly e-mail goes out at a set time', () => {
  it('sent on the 1st at 14:00 and processed in exactly one day, a change arrives at 14:00', async () => {
    const world = { ...miniWorld(), mechanisms: ['email-monthly'], email: { dayOfMonth: 1, sendAt: '14:00', processingDays: [1, 1], retryMinutes: 30, forgedAcceptedShare: 1 } };
    const delivered = (await runMini(world, 1)).events.filter((e) => e.type === 'delivered' && typeof e.t === 'number');
    expect(delivered.length).toBeGreaterThan(5);
    for (const d of delivered) expect(Math.round((((d.t as number) % DAY) / 3600) * 1000) / 1000).toBe(14);
  });
});

describe('simulator model: byte costs come from the scenario', () => {
  it('the bytes of an empty poll are a parameter: doubling it doubles the ledger\'s polling traffic', async () => {
    const costs = { pollBytes: 350, emailHeaderBytes: 2000, batchEnvelopeBytes: 500, hubEnvelopeBytes: 400 };
    const world = { ...miniWorld(), mechanisms: ['shared-ledger', 'hub'], costs };
    const [a, b] = [await runMini(world, 1), await runMini({ ...world, costs: { ...costs, pollBytes: 700 } }, 1)];
    const polls = (60 * DAY / 15) * 2;
    expect((b.metrics['shared-ledger']?.bytes as number) - (a.metrics['shared-ledger']?.bytes as number)).toBeCloseTo(polls * 350, -3);
    expect(b.metrics.hub?.bytes).toBe(a.metrics.hub?.bytes);
  });
});
