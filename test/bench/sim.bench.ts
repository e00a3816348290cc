/*
 * npm run bench:sim — simulated declarations per second for a one-year cadena-mx-cr run, and how
 * run time grows from 1 to 2 to 4 countries (pairs of the same per-country world, so growth
 * comes from the number of authorities and exchanges alone). All in this run.
 */
import { join } from 'node:path';
import { loadScenario, runSeed, type Scenario } from '../../simulator/index.js';
import { fmt, printTable } from './stats.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios');
const cadena = loadScenario(join(SCENARIOS, 'cadena-mx-cr.yaml'));

async function timed(scenario: Scenario): Promise<{ seconds: number; declarations: number }> {
  const started = performance.now();
  const run = await runSeed(scenario, 1);
  const seconds = (performance.now() - started) / 1000;
  const declarations = Object.values(run.metrics)[0]?.declarations_total ?? 0;
  return { seconds, declarations };
}

/** `n` countries, each a copy of Costa Rica's figures, under one multilateral MRA (none for one). */
function countries(n: number): Scenario {
  const codes = ['CR', 'PA', 'GT', 'HN'].slice(0, n);
  const cr = cadena.countries.CR as Scenario['countries'][string];
  return {
    ...cadena,
    name: `scale-${n}`,
    countries: Object.fromEntries(codes.map((c) => [c, { ...cr, name: c }])),
    mras: n > 1 ? [{ id: 'scale', parties: codes, signedDay: 0 }] : [],
  };
}

const year = await timed(cadena);
console.log(`simulator benchmark: one-year cadena-mx-cr, ${cadena.mechanisms.length} mechanisms, seed 1\n`);
printTable([
  ['run', 'seconds', 'declarations/s (each drawn once; partner-AEO ones checked under every mechanism)'],
  ['cadena-mx-cr, 365 days', fmt(year.seconds, 2), fmt(year.declarations / year.seconds)],
]);
const sizes = [1, 2, 4];
const rows: string[][] = [['countries', 'seconds', 'ratio to 1 country']];
let base = 0;
for (const n of sizes) {
  const { seconds } = await timed(countries(n));
  base ||= seconds;
  rows.push([String(n), fmt(seconds, 2), fmt(seconds / base, 2)]);
}
console.log('\nscaling (each country: Costa Rica\'s figures, one year):');
printTable(rows);
