/*
 * npm run bench:sim — the simulator at CADENA scale and beyond, all measured in this run:
 *  - one seed of cadena-mx-cr at ×1, ×4 and ×8 (declarations a day and AEOs), each in its own
 *    process: declarations checked per second (each partner-AEO declaration decided under every
 *    mechanism), declarations drawn per second, wall time, peak memory, ratios to ×1;
 *  - a 20-seed sweep of cadena-mx-cr on one worker thread and on one per core: the speed-up.
 * The machine may be shared: the load average is printed with the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { loadScenario, simulate } from '../../simulator/index.js';
import { fmt, printTable } from './stats.js';

interface Size {
  factor: number;
  seconds: number;
  drawn: number;
  checked: number;
  peakRssMb: number;
}

const child = new URL('./sim-one-run.js', import.meta.url);
const measure = (factor: number): Size => JSON.parse(execFileSync(process.execPath, [child.pathname, String(factor)], { encoding: 'utf8' }).trim().split('\n').pop() as string) as Size;

console.log(`simulator benchmark: cadena-mx-cr, one year, 5 mechanisms; ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
const sizes = [1, 4, 8].map(measure);
const base = sizes[0] as Size;
printTable([
  ['size', 'declarations drawn', 'checked (× mechanisms)', 'wall s', 'checked/s', 'drawn/s', 'peak RSS MB', 'time ratio to ×1'],
  ...sizes.map((s) => [`×${s.factor}`, fmt(s.drawn), fmt(s.checked), fmt(s.seconds, 2), fmt(s.checked / s.seconds), fmt(s.drawn / s.seconds), fmt(s.peakRssMb), fmt(s.seconds / base.seconds, 2)]),
]);

const scenario = loadScenario(join(packageRoot(import.meta.dirname), 'simulator', 'scenarios', 'cadena-mx-cr.yaml'));
const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
async function sweep(workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'mra-hub-bench-'));
  try {
    const started = performance.now();
    await simulate(scenario, { seeds, out: join(dir, 'run'), workers });
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const cores = availableParallelism();
const one = await sweep(1);
const many = await sweep(cores);
console.log(`\n20-seed sweep (seeds 1..20, outputs written), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
printTable([
  ['worker threads', 'wall s', 'seeds/s', 'speed-up'],
  ['1', fmt(one, 1), fmt(20 / one, 2), '1.00'],
  [String(cores), fmt(many, 1), fmt(20 / many, 2), fmt(one / many, 2)],
]);
