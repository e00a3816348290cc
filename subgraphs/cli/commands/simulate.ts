import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../config/package-root.js';
import { CliError } from '../errors.js';
import { positiveInt } from '../options.js';

const SHIPPED = join(packageRoot(import.meta.dirname), 'simulator', 'scenarios');

/** A path as given, else a shipped scenario by name or file name (`cadena-mx-cr`, `scenarios/cadena-mx-cr.yaml`). */
export function resolveScenario(given: string): string {
  if (existsSync(given)) return given;
  const name = basename(given).replace(/\.ya?ml$/, '');
  const shipped = join(SHIPPED, `${name}.yaml`);
  if (existsSync(shipped)) return shipped;
  throw new CliError(`no scenario file ${given} (shipped scenarios are in simulator/scenarios/)`);
}

const collect = (value: string, previous: string[]) => [...previous, value];

interface SimulateFlags {
  seed: string;
  seeds?: string;
  set: string[];
  sweep: string[];
  lhs: string[];
  samples?: number;
  baseline?: string;
  workers?: number;
  declarations?: boolean;
  maxEvents?: number;
  out?: string;
}

/** The seeds asked for, and the option that gave them (an error names the one the user typed). */
function seedsOf(flags: SimulateFlags): { seeds: string; seedsOption: '--seed' | '--seeds' } {
  return flags.seeds === undefined ? { seeds: flags.seed, seedsOption: '--seed' } : { seeds: flags.seeds, seedsOption: '--seeds' };
}

/** `mra-hub simulate <scenario> [--seeds 1..20] [--set k=v] [--sweep k=a,b,c] --out runs/<name>`. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('replay a scenario on a virtual clock and compare exchange mechanisms; writes runs/<name>/')
    .argument('<scenario>', 'scenario YAML file, or the name of a shipped one (cadena-mx-cr, pacific-alliance, hub-outage, tampering-authority, ephyto-exchange)')
    .option('--seed <n>', 'random seed', '42')
    .option('--seeds <range>', 'several seeds, e.g. 1..20 or 1,5,9 (95% confidence intervals, paired differences)')
    .option('--set <key=value>', 'override a scenario parameter, e.g. pollSeconds=5 or network.loss=0.05 (repeatable)', collect, [])
    .option('--sweep <key=values>', 'a grid over a parameter, e.g. pollSeconds=5,15,60 (repeatable: full grid)', collect, [])
    .option('--lhs <key=min..max>', 'a Latin-hypercube sample over a range, with --samples (repeatable)', collect, [])
    .option('--samples <n>', 'points of a Latin-hypercube sweep', positiveInt)
    .option('--baseline <mechanism>', 'mechanism the others are compared with, seed by seed (default: the first listed)')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInt)
    .option('--declarations', 'also write declarations.csv: one row per checked declaration, mechanism and seed')
    .option('--max-events <n>', 'budget of simulated events per seed, checked before the run (default 100000000)', positiveInt)
    .option('--out <dir>', 'output folder (default runs/<scenario name>); written atomically')
    .action(async (given: string, flags: SimulateFlags) => {
      const { isCertificateScenario, planSimulation, readScenarioText, simulate } = await import('../../../simulator/index.js');
      const { SingleBar } = await import('cli-progress');
      const file = resolveScenario(given);
      if (isCertificateScenario(readScenarioText(file))) return simulateCertificateScenario(file, flags);
      const plan = planSimulation({ file, sets: flags.set, sweeps: flags.sweep, lhs: flags.lhs, samples: flags.samples, ...seedsOf(flags) });
      const out = flags.out ?? join('runs', plan.scenario.name);
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'simulating [{bar}] {value}/{total} {label}', stream: process.stderr }) : null;
      bar?.start(plan.points.length * plan.seeds.length, 0, { label: '' });
      const started = performance.now();
      const { files } = await simulate(plan.scenario, {
        seeds: plan.seeds, out, points: plan.points, design: plan.design, sweep: plan.sweep, sets: flags.set, baseline: flags.baseline,
        workers: flags.workers, declarations: flags.declarations, maxEvents: flags.maxEvents, onProgress: (done, _total, label) => bar?.update(done, { label }),
      });
      bar?.stop();
      const runs = plan.points.length * plan.seeds.length;
      console.log(`${plan.scenario.name}: ${plan.points.length} point(s) × ${plan.seeds.length} seed(s) = ${runs} run(s) × ${plan.scenario.mechanisms.length} mechanisms in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const file of files) console.log(`  ${file}`);
    });
}

/** A `kind: certificate-exchange` scenario: seeds, --set and --sweep apply; AEO-only options are refused. */
async function simulateCertificateScenario(file: string, flags: SimulateFlags): Promise<void> {
  const { parseSeeds, planCertificateRun, readScenarioText, simulateCertificates } = await import('../../../simulator/index.js');
  const unsupported = [flags.lhs.length > 0 && '--lhs', flags.declarations && '--declarations', flags.baseline && '--baseline'].filter(Boolean);
  if (unsupported.length > 0) throw new CliError(`${unsupported.join(', ')}: not available for a certificate-exchange scenario (use --set, --sweep and --seeds)`);
  const { scenario, points, axes } = planCertificateRun(readScenarioText(file), file, flags.set, flags.sweep);
  const { seeds: text, seedsOption } = seedsOf(flags);
  const seeds = parseSeeds(text, seedsOption);
  const out = flags.out ?? join('runs', scenario.name);
  const started = performance.now();
  const { files } = await simulateCertificates(scenario, { seeds, out, sets: flags.set, points, sweep: axes, maxEvents: flags.maxEvents, workers: flags.workers });
  console.log(`${scenario.name}: ${points.length} point(s) × ${seeds.length} seed(s) × ${scenario.mechanisms.length} mechanisms in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const f of files) console.log(`  ${f}`);
}
