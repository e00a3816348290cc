import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, simulate, type MechanismMetrics, type Scenario } from '../../simulator/index.js';
import { tempDir } from '../support/temp-dir.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios');
const scenario = (name: string): Scenario => loadScenario(join(SCENARIOS, `${name}.yaml`));

async function run(s: Scenario, seeds: number[], dir = tempDir()) {
  await simulate(s, { seeds, out: dir });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const metrics = JSON.parse(read('metrics.json')) as { perSeed: { metrics: Record<string, MechanismMetrics> }[]; summary: Record<string, Record<string, { mean: number; ci95: [number, number] | null }>> };
  return { dir, read, metrics, first: metrics.perSeed[0]?.metrics as Record<string, MechanismMetrics> };
}

describe('simulator: determinism', () => {
  it('the same seed gives byte-identical outputs; another seed gives different ones', async () => {
    const cadena = scenario('cadena-mx-cr');
    const [a, b, c] = [await run(cadena, [42]), await run(cadena, [42]), await run(cadena, [43])];
    for (const file of ['metrics.json', 'metrics.csv', 'events.jsonl', 'report.html', 'report.md']) expect(a.read(file)).toBe(b.read(file));
    expect(c.read('metrics.json')).not.toBe(a.read('metrics.json'));
  });
});

describe('simulator: cadena-mx-cr', () => {
  let m: Record<string, MechanismMetrics>;
  let out: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    out = await run(scenario('cadena-mx-cr'), [42]);
    m = out.first;
  });

  it('shared-ledger propagates in seconds, email-monthly in days', () => {
    expect(m['shared-ledger']?.propagation_p50_s).toBeGreaterThan(0);
    expect(m['shared-ledger']?.propagation_p95_s).toBeLessThan(60);
    expect(m['email-monthly']?.propagation_p50_s).toBeGreaterThan(86_400);
    expect(m['batch-daily']?.propagation_p50_s).toBeGreaterThan(3_600);
  });

  it('exposure is lower with the ledger than with monthly e-mail, as computed by the run', () => {
    expect(m['email-monthly']?.exposure_declarations).toBeGreaterThan(0);
    expect(m['shared-ledger']?.exposure_declarations as number).toBeLessThan(m['email-monthly']?.exposure_declarations as number);
  });

  it('uses the scenario\'s figures: ~24,000 + 1,500 declarations a day for a year', () => {
    expect(m['shared-ledger']?.declarations_total).toBe(365 * (24_000 + 1_500));
    expect(m['shared-ledger']?.declarations_checked).toBeGreaterThan(100_000);
  });

  it('looks statuses up through the partners\' real GraphQL nodes, which agree with what was delivered', () => {
    expect(m['shared-ledger']?.node_queries).toBe(365 * 2);
    expect(m['shared-ledger']?.node_mismatches).toBe(0);
    expect(m['bridged-ledgers']?.node_mismatches).toBe(0);
  });

  it('writes tidy CSV (one row per mechanism × metric × seed), events and a readable summary', () => {
    const rows = out.read('metrics.csv').trim().split('\n');
    expect(rows[0]).toBe('scenario,mechanism,metric,seed,value');
    expect(rows.length - 1).toBe(5 * 19);
    expect(rows).toContain(`cadena-mx-cr,shared-ledger,exposure_declarations,42,${m['shared-ledger']?.exposure_declarations}`);
    const events = out.read('events.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(events.some((e) => e.type === 'status-change')).toBe(true);
    expect(out.read('report.md')).toMatch(/Against the pre-CADENA baseline, the shared ledger cut the median delay from [\d.]+ days to [\d.]+ s/);
  });
});

describe('simulator: tampering-authority', () => {
  it('every forged entry is refused by every honest replica, and counted; plain messages cannot tell', async () => {
    const s = scenario('tampering-authority');
    const { first, read } = await run(s, [3]);
    const attempts = s.faults.tampering.reduce((sum, t) => sum + t.attempts, 0);
    const honest = Object.keys(s.countries).length - 1;
    for (const ledger of ['shared-ledger', 'bridged-ledgers']) {
      expect(first[ledger]).toMatchObject({ tampering_attempts: attempts, tampering_detected: attempts * honest, tampering_accepted: 0 });
    }
    expect(first.hub).toMatchObject({ tampering_detected: 0, tampering_accepted: attempts * honest });
    const refused = read('events.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { type: string; mechanism?: string; code?: string })
      .filter((e) => e.type === 'tampering-refused' && e.mechanism === 'shared-ledger').map((e) => e.code);
    expect(refused.sort()).toEqual(['FORK_DETECTED', 'HASH_MISMATCH', 'KEY_MISMATCH', 'NOT_ISSUER']);
  });
});

describe('simulator: outages and sweeps', () => {
  it('hub-outage: measures how accurate partner data stays during faults', async () => {
    const { first } = await run(scenario('hub-outage'), [5]);
    for (const mechanism of ['hub', 'shared-ledger', 'bridged-ledgers', 'batch-daily']) {
      const availability = first[mechanism]?.availability_during_faults;
      expect(availability).not.toBeNull();
      expect(availability as number).toBeGreaterThan(0);
      expect(availability as number).toBeLessThanOrEqual(1);
    }
  });

  it('a seed sweep reports 95% confidence intervals around the mean', async () => {
    const short = { ...scenario('cadena-mx-cr'), days: 60 };
    const { metrics, read } = await run(short, [1, 2, 3]);
    const p50 = metrics.summary['email-monthly']?.propagation_p50_s;
    expect(p50?.ci95).not.toBeNull();
    expect(p50?.ci95?.[0]).toBeLessThanOrEqual(p50?.mean as number);
    expect(p50?.ci95?.[1]).toBeGreaterThanOrEqual(p50?.mean as number);
    expect(read('metrics.csv').trim().split('\n').length - 1).toBe(3 * 5 * 19);
  });
});
