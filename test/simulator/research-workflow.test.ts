import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSimulation, simulate } from '../../simulator/index.js';
import { spearman } from '../../simulator/sensitivity.js';
import { tempDir } from '../support/temp-dir.js';

const FILE = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios', 'cadena-mx-cr.yaml');
const short = ['days=60', 'countries.MX.declarationsPerDay=4000'];

interface Written {
  readonly read: (file: string) => string;
  readonly dir: string;
}

async function sweep(workers: number, declarations = false): Promise<Written> {
  const plan = planSimulation({ file: FILE, sets: short, sweeps: ['pollSeconds=5,60'], lhs: [], seeds: '1..3' });
  const dir = join(tempDir(), 'sweep');
  await simulate(plan.scenario, { seeds: plan.seeds, out: dir, points: plan.points, design: plan.design, sweep: plan.sweep, sets: short, workers, declarations });
  return { dir, read: (file) => readFileSync(join(dir, file), 'utf8') };
}

describe('simulator research workflow: sweeps, paired differences, sensitivity, provenance', () => {
  let parallel: Written;
  beforeAll(async () => {
    parallel = await sweep(2, true);
  });

  it('a grid sweep run on two worker threads gives byte for byte what one thread gives', async () => {
    const serial = await sweep(1, true);
    for (const file of ['metrics.csv', 'summary.csv', 'paired.csv', 'sensitivity.csv', 'events.jsonl', 'report.html', 'declarations.csv']) expect(parallel.read(file)).toBe(serial.read(file));
  });

  it('paired differences against the baseline come with 95% intervals, for each point', () => {
    const rows = parallel.read('paired.csv').trim().split('\n');
    expect(rows[0]).toBe('scenario,point,param:ledger.pollSeconds,mechanism,baseline,metric,unit,n,mean_difference,ci95_low,ci95_high');
    const p50 = rows.filter((r) => r.includes(',shared-ledger,email-monthly,propagation_p50_s,s,3,'));
    expect(p50).toHaveLength(2);
    for (const row of p50) {
      const [mean, low, high] = row.split(',').slice(-3).map(Number) as [number, number, number];
      expect(mean).toBeLessThan(-86_400); // the ledger is days faster than e-mail, in every world
      expect(low).toBeLessThanOrEqual(mean);
      expect(high).toBeGreaterThanOrEqual(mean);
      expect(high).toBeLessThan(0);
    }
  });

  it('the sensitivity table shows the ledger\'s delay growing with the polling interval, and e-mail untouched', () => {
    const rows = parallel.read('sensitivity.csv').trim().split('\n').map((r) => r.split(','));
    const ledger = rows.filter((r) => r[0] === 'ledger.pollSeconds' && r[1] === 'shared-ledger' && r[2] === 'propagation_p50_s');
    expect(ledger.map((r) => Number(r[4]))).toEqual([5, 60]);
    expect(Number(ledger[1]?.[6])).toBeGreaterThan(Number(ledger[0]?.[6]));
    expect(Number(ledger[0]?.[9])).toBeGreaterThan(10); // the paired effect: + tens of seconds
    expect(Number(ledger[0]?.[10])).toBeGreaterThan(0); // its interval excludes zero
    expect(Number(ledger[0]?.[13])).toBeGreaterThan(0.5); // Spearman's rho over every (point, seed)
    const email = rows.find((r) => r[0] === 'ledger.pollSeconds' && r[1] === 'email-monthly' && r[2] === 'propagation_p50_s');
    expect(Number(email?.[9])).toBe(0);
  });

  it('every output carries its provenance: scenario hash, parameters, seeds and code version', () => {
    const json = JSON.parse(parallel.read('metrics.json')) as { provenance: Record<string, unknown> };
    expect(json.provenance).toMatchObject({ scenario: 'cadena-mx-cr', sets: short, design: 'grid', seeds: [1, 2, 3], baseline: 'email-monthly', sweep: [{ path: 'ledger.pollSeconds', values: [5, 60] }] });
    expect(json.provenance.codeVersion).toMatch(/^mra-hub@\d+\.\d+\.\d+/);
    const hash = json.provenance.scenarioSha256 as string;
    expect(parallel.read('metrics.csv').split('\n')[1]).toContain(hash);
    expect(JSON.parse(parallel.read('events.jsonl').split('\n')[0] as string)).toMatchObject({ type: 'provenance', scenarioSha256: hash });
    expect(parallel.read('report.html')).toContain(hash);
  });

  it('writes Parquet that a standard reader opens, with the same rows as the CSV and the provenance in its metadata', async () => {
    const bytes = readFileSync(join(parallel.dir, 'metrics.parquet'));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const rows = await parquetReadObjects({ file: buffer });
    expect(rows.length).toBe(parallel.read('metrics.csv').trim().split('\n').length - 1);
    expect(rows[0]).toMatchObject({ scenario: 'cadena-mx-cr', point: 0, 'param:ledger.pollSeconds': 5, seed: 1, mechanism: 'email-monthly', metric: 'propagation_p50_s', unit: 's' });
    const provenance = parquetMetadata(buffer).key_value_metadata?.find((kv) => kv.key === 'mra-hub.provenance');
    expect(JSON.parse(provenance?.value ?? '{}')).toMatchObject({ scenario: 'cadena-mx-cr' });
  });

  it('on request, a declaration-level table: one row per checked declaration, mechanism, seed and point', () => {
    const rows = parallel.read('declarations.csv').trim().split('\n');
    expect(rows[0]).toBe('scenario,point,param:ledger.pollSeconds,seed,mechanism,t_s,importer,aeo_id,status_at_home,status_seen,benefits_granted,inspected');
    const checked = (JSON.parse(parallel.read('metrics.json')) as { perSeed: { metrics: Record<string, { declarations_checked: number }> }[] }).perSeed
      .reduce((sum, r) => sum + Object.values(r.metrics).reduce((s, m) => s + m.declarations_checked, 0), 0);
    expect(rows.length - 1).toBe(checked);
  });

  it('Spearman\'s rank correlation handles ties and needs spread', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 45])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(spearman([5, 5, 60, 60], [1, 2, 3, 4])).toBeCloseTo(0.894, 3);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('a Latin-hypercube design samples each range once per stratum', () => {
    const plan = planSimulation({ file: FILE, sets: short, sweeps: [], lhs: ['loss=0..0.1', 'pollSeconds=5..60'], samples: 5, seeds: '1' });
    expect(plan.design).toBe('latin-hypercube');
    const strata = (key: string, lo: number, hi: number) => plan.points.map((p) => Math.floor(((p.params[key] as number) - lo) / ((hi - lo) / 5))).sort();
    expect(strata('network.loss', 0, 0.1)).toEqual([0, 1, 2, 3, 4]);
    expect(strata('ledger.pollSeconds', 5, 60)).toEqual([0, 1, 2, 3, 4]);
    expect(plan.points[0]?.scenario.network.loss).toBe(plan.points[0]?.params['network.loss']);
  });
});
