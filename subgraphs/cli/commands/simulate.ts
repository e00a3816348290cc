import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../config/package-root.js';
import { CliError } from '../errors.js';

const SHIPPED = join(packageRoot(import.meta.dirname), 'simulator', 'scenarios');

/** A path as given, else a shipped scenario by name or file name (`cadena-mx-cr`, `scenarios/cadena-mx-cr.yaml`). */
export function resolveScenario(given: string): string {
  if (existsSync(given)) return given;
  const name = basename(given).replace(/\.ya?ml$/, '');
  const shipped = join(SHIPPED, `${name}.yaml`);
  if (existsSync(shipped)) return shipped;
  throw new CliError(`no scenario file ${given} (shipped scenarios are in simulator/scenarios/)`);
}

/** `mra-hub simulate <scenario> --seed 42 --out runs/<name>`. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('replay a scenario on a virtual clock and compare exchange mechanisms; writes runs/<name>/')
    .argument('<scenario>', 'scenario YAML file, or the name of a shipped one (cadena-mx-cr, pacific-alliance, hub-outage, tampering-authority)')
    .option('--seed <n>', 'random seed', '42')
    .option('--seeds <range>', 'a sweep, e.g. 1..20 (reports 95% confidence intervals)')
    .option('--out <dir>', 'output directory (default runs/<scenario name>)')
    .action(async (given: string, options: { seed: string; seeds?: string; out?: string }) => {
      const { loadScenario, parseSeeds, simulate } = await import('../../../simulator/index.js');
      const { SingleBar } = await import('cli-progress');
      const scenario = loadScenario(resolveScenario(given));
      let seeds: number[];
      try {
        seeds = options.seeds ? parseSeeds(options.seeds) : parseSeeds(options.seed);
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      const out = options.out ?? join('runs', scenario.name);
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'simulating [{bar}] {value}/{total} {label}', stream: process.stderr }) : null;
      bar?.start(seeds.length * scenario.mechanisms.length, 0, { label: '' });
      const started = performance.now();
      const result = await simulate(scenario, { seeds, out, onProgress: (done, _total, label) => bar?.update(done, { label }) });
      bar?.stop();
      console.log(`${scenario.name}: ${seeds.length} seed(s) × ${scenario.mechanisms.length} mechanisms in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const file of result.files) console.log(`  ${file}`);
    });
}
