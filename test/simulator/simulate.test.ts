import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, METRICS, simulate, type MechanismMetrics, type Scenario } from '../../simulator/index.js';
import { tempDir } from '../support/temp-dir.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios');
const scenario = (name: string): Scenario => loadScenario(join(SCENARIOS, `${name}.yaml`));

async function run(s: Scenario, seeds: number[], dir = join(tempDir(), 'run')) {
  await simulate(s, { seeds, out: dir, workers: 1 });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const metrics = JSON.parse(read('metrics.json')) as { perSeed: { metrics: Record<string, MechanismMetrics> }[]; points: { summary: Record<string, Record<string, { mean: number; ci95: [number, number] | null }>> }[] };
  return { dir, read, metrics, first: metrics.perSeed[0]?.metrics as Record<string, MechanismMetrics> };
}

describe('simulator: determinism', () => {
  it('the same seed gives byte-identical outputs; another seed gives different ones', async () => {
    const cadena = scenario('cadena-mx-cr');
    const [a, b, c] = [await run(cadena, [42]), await run(cadena, [42]), await run(cadena, [43])];
    for (const file of ['metrics.json', 'metrics.csv', 'events.jsonl', 'report.html', 'report.md', 'summary.csv', 'paired.csv']) expect(a.read(file)).toBe(b.read(file));
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

  it('looks statuses up through the partners\' real GraphQL nodes, which agree with what replication delivered', () => {
    expect(m['shared-ledger']?.node_queries).toBe(365 * 2);
    expect(m['shared-ledger']?.node_mismatches).toBe(0);
    expect(m['bridged-ledgers']?.node_mismatches).toBe(0);
  });

  it('writes tidy long CSV with units and provenance (one row per mechanism × metric × seed), events and a readable summary', () => {
    const rows = out.read('metrics.csv').trim().split('\n');
    expect(rows[0]).toBe('scenario,point,seed,mechanism,metric,value,unit,scenario_sha256,code_version');
    expect(rows.length - 1).toBe(5 * METRICS.length);
    expect(rows.some((r) => r.startsWith(`cadena-mx-cr,0,42,shared-ledger,exposure_declarations,${m['shared-ledger']?.exposure_declarations},count,`))).toBe(true);
    const events = out.read('events.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { type: string; scenarioSha256?: string });
    expect(events[0]?.type).toBe('provenance');
    expect(events[0]?.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(events.some((e) => e.type === 'status-change')).toBe(true);
    expect(out.read('report.md')).toMatch(/^# Mexico and Costa Rica sharing AEO status through CADENA\n\n\*\*With /);
  });
});

describe('simulator: tampering-authority', () => {
  it('every forged entry is refused by every honest replica, and counted; plain messages cannot tell', async () => {
    const s = scenario('tampering-authority');
    const { first, read } = await run(s, [3]);
    const attempts = s.faults.tampering.reduce((sum, t) => sum + t.attempts, 0);
    const honest = Object.keys(s.countries).length - 1;
    for (const ledger of ['shared-ledger', 'bridged-ledgers']) {
      expect(first[ledger]).toMatchObject({ tampering_attempts: attempts, tampering_detected: attempts * honest, tampering_accepted: 0, forged_effect_declarations: 0 });
    }
    expect(first.hub?.tampering_accepted as number).toBeGreaterThan(0);
    const refused = read('events.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { type: string; mechanism?: string; code?: string })
      .filter((e) => e.type === 'tampering-refused' && e.mechanism === 'shared-ledger').map((e) => e.code);
    expect(refused.sort()).toEqual(['FORK_DETECTED', 'HASH_MISMATCH', 'KEY_MISMATCH', 'NOT_ISSUER']);
  });
});

describe('simulator: outages and seed sweeps', () => {
  it('hub-outage: measures look-ups answered and their accuracy during faults', async () => {
    const { first } = await run(scenario('hub-outage'), [5]);
    for (const mechanism of ['hub', 'shared-ledger', 'bridged-ledgers', 'batch-daily']) {
      for (const metric of ['availability_during_faults', 'accuracy_during_faults'] as const) {
        expect(first[mechanism]?.[metric] as number).toBeGreaterThan(0);
        expect(first[mechanism]?.[metric] as number).toBeLessThanOrEqual(1);
      }
    }
  });

  it('a seed sweep reports 95% confidence intervals around the mean', async () => {
    const short = { ...scenario('cadena-mx-cr'), days: 60 };
    const { metrics, read } = await run(short, [1, 2, 3]);
    const p50 = metrics.points[0]?.summary['email-monthly']?.propagation_p50_s;
    expect(p50?.ci95).not.toBeNull();
    expect(p50?.ci95?.[0]).toBeLessThanOrEqual(p50?.mean as number);
    expect(p50?.ci95?.[1]).toBeGreaterThanOrEqual(p50?.mean as number);
    expect(read('metrics.csv').trim().split('\n').length - 1).toBe(3 * 5 * METRICS.length);
  });
});
