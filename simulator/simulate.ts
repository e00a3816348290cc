import { checkBudget, DEFAULT_MAX_EVENTS } from './budget.js';
import { SimulationError } from './errors.js';
import { defaultWorkers, runJobs } from './parallel/pool.js';
import type { Job } from './parallel/job.js';
import { writeOutputs } from './output/files.js';
import { checkOutput } from './output/write-run.js';
import type { PointResult, SimulationResult } from './output/result.js';
import { codeVersion, scenarioHash, type Provenance } from './provenance.js';
import type { Scenario } from './scenario-schema.js';
import { sensitivity } from './sensitivity.js';
import { pairedDifferences, summariseRuns } from './sweep.js';

/** One point of a sweep: the parameter values and the scenario with them applied (validated). */
export interface SweepPoint {
  readonly params: Readonly<Record<string, number>>;
  readonly scenario: Scenario;
}

export interface SimulateOptions {
  readonly seeds: readonly number[];
  /** Output folder, e.g. runs/cadena; written atomically. */
  readonly out: string;
  /** Sweep points (default: the scenario alone). */
  readonly points?: readonly SweepPoint[];
  readonly design?: Provenance['design'];
  readonly sweep?: Provenance['sweep'];
  readonly sets?: readonly string[];
  /** Mechanism the others are compared with, seed by seed (default: the first listed). */
  readonly baseline?: string;
  /** Worker threads (default: one per core, at most one per job; 1 runs in this thread). */
  readonly workers?: number;
  /** Also write declarations.csv, one row per checked declaration × mechanism × seed. */
  readonly declarations?: boolean;
  /** Budget of simulated events per seed, checked before any work. */
  readonly maxEvents?: number;
  /** Told as each (point, seed) finishes, for a progress bar. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export interface SimulationOutput {
  readonly result: SimulationResult;
  readonly files: readonly string[];
}

/**
 * Runs every seed of every sweep point (in parallel on worker threads), computes summaries,
 * paired differences and sensitivity, and writes runs/<name>/ atomically. Nothing written depends
 * on the wall clock or on which thread finished first, so the same inputs give the same bytes.
 */
export async function simulate(scenario: Scenario, options: SimulateOptions): Promise<SimulationOutput> {
  const points = options.points ?? [{ params: {}, scenario }];
  const baseline = options.baseline ?? (scenario.mechanisms[0] as string);
  if (!scenario.mechanisms.includes(baseline as Scenario['mechanisms'][number])) {
    throw new SimulationError(`--baseline ${baseline}: not one of this scenario's mechanisms (${scenario.mechanisms.join(', ')})`, 'OPTION_INVALID');
  }
  if (options.seeds.length === 0) throw new SimulationError('no seeds to run', 'OPTION_INVALID');
  checkOutput(options.out);
  checkBudget(points.map((p) => p.scenario), options.maxEvents ?? DEFAULT_MAX_EVENTS);
  const jobs: Job[] = points.flatMap((p, i) => options.seeds.map((seed, k) => ({ id: i * options.seeds.length + k, scenario: p.scenario, seed, declarations: options.declarations ?? false })));
  let done = 0;
  options.onProgress?.(0, jobs.length, 'starting');
  const runs = await runJobs(jobs, options.workers ?? defaultWorkers(jobs.length), (job) => options.onProgress?.(++done, jobs.length, `seed ${job.seed}`));
  const results: PointResult[] = points.map((p, i) => {
    const mine = runs.slice(i * options.seeds.length, (i + 1) * options.seeds.length);
    const metrics = mine.map((r) => r.metrics);
    return { id: i, params: p.params, scenario: p.scenario, runs: mine, summary: summariseRuns(metrics, scenario.mechanisms), paired: pairedDifferences(metrics, scenario.mechanisms, baseline) };
  });
  const provenance: Provenance = {
    tool: 'mra-hub simulate', codeVersion: codeVersion(), scenario: scenario.name, scenarioSha256: scenarioHash(scenario),
    sets: options.sets ?? [], sweep: options.sweep ?? [], design: options.design ?? (points.length > 1 ? 'grid' : 'single'),
    seeds: options.seeds, mechanisms: scenario.mechanisms, baseline,
  };
  const result: SimulationResult = {
    provenance, scenario, points: results,
    sensitivity: sensitivity(results.map((p) => ({ params: p.params, runs: p.runs.map((r) => r.metrics) })), scenario.mechanisms),
  };
  options.onProgress?.(jobs.length, jobs.length, 'writing outputs');
  return { result, files: writeOutputs(result, options.out, options.declarations ?? false) };
}
