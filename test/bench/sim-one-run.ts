/*
 * One seed of cadena-mx-cr scaled ×factor (declarations a day and AEOs), in its own process so
 * that its peak memory is its own; prints one JSON line for sim.bench.ts.
 */
import { join } from 'node:path';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { loadScenario, runSeed, type Scenario } from '../../simulator/index.js';

const factor = Number(process.argv[2] ?? '1');
const base = loadScenario(join(packageRoot(import.meta.dirname), 'simulator', 'scenarios', 'cadena-mx-cr.yaml'));
const scaled: Scenario = {
  ...base,
  countries: Object.fromEntries(Object.entries(base.countries).map(([code, c]) => [code, {
    ...c,
    declarationsPerDay: c.declarationsPerDay * factor,
    aeos: Object.fromEntries(Object.entries(c.aeos).map(([role, n]) => [role, (n ?? 0) * factor])),
  }])),
};
const started = performance.now();
const run = await runSeed(scaled, 1);
const seconds = (performance.now() - started) / 1000;
const metrics = Object.values(run.metrics);
console.log(JSON.stringify({
  factor,
  seconds,
  drawn: metrics[0]?.declarations_total ?? 0,
  checked: metrics.reduce((sum, m) => sum + (m.declarations_checked ?? 0), 0),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
