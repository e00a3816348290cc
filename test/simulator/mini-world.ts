import { stringify } from 'yaml';
import { parseScenario, runSeed, type MechanismMetrics, type Scenario, type SimEvent } from '../../simulator/index.js';

/** A small scenario as plain data (it parses on older versions too), for specs to bend. */
export function miniWorld(): Record<string, unknown> & { countries: Record<string, Record<string, unknown>>; network: Record<string, unknown>; statusChanges: Record<string, unknown> } {
  return {
    name: 'mini',
    description: 'a small world for specifications',
    start: '2019-01-01',
    days: 60,
    countries: {
      MX: { name: 'Mexico', aeos: { IMPORTER_EXPORTER: 200 }, declarationsPerDay: 2000, partnerAeoShare: 0.05 },
      CR: { name: 'Costa Rica', aeos: { IMPORTER_EXPORTER: 60 }, declarationsPerDay: 1000, partnerAeoShare: 0.1 },
    },
    mras: [{ id: 'mini', parties: ['MX', 'CR'] }],
    inspection: { aeoRate: 0.024, nonAeoRate: 0.118, inspectedMinutes: 120, clearedMinutes: 8 },
    statusChanges: { suspensionsPerAeoYear: 1, reinstatedShare: 0.5, reinstatedAfterDays: [5, 20], revocationsPerAeoYear: 0.1 },
    network: { latencyMs: [20, 150], loss: 0 },
    mechanisms: ['email-monthly', 'batch-daily', 'hub', 'shared-ledger'],
  };
}

export const scenarioOf = (world: object): Scenario => parseScenario(stringify(world), 'mini.yaml');

/** Runs one seed of a mini world: its metrics per mechanism and its events. */
export async function runMini(world: object, seed = 1): Promise<{ metrics: Record<string, MechanismMetrics>; events: readonly SimEvent[] }> {
  const run = await runSeed(scenarioOf(world), seed);
  return { metrics: run.metrics as Record<string, MechanismMetrics>, events: run.events };
}

/** Delays (s) of every delivered change under one mechanism. */
export const delaysOf = (events: readonly SimEvent[], mechanism: string): number[] =>
  events.filter((e) => e.type === 'delivered' && e.mechanism === mechanism && typeof e.delay_s === 'number').map((e) => e.delay_s as number);

export const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
