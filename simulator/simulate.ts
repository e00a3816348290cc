import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS } from './metrics.js';
import { renderHtml, renderMarkdown } from './report/index.js';
import { runSeed, type SeedRun } from './run-scenario.js';
import type { Scenario } from './scenario-schema.js';
import { summariseRuns } from './sweep.js';

export interface SimulateOptions {
  readonly seeds: readonly number[];
  /** Output directory, e.g. runs/cadena. */
  readonly out: string;
  /** Told as each (seed, mechanism) starts, for a progress bar. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export interface SimulationOutput {
  readonly runs: readonly SeedRun[];
  readonly files: readonly string[];
}

/**
 * Runs every seed and writes runs/<name>/: events.jsonl, metrics.json (per seed and summary),
 * metrics.csv (tidy: mechanism, metric, seed, value), report.html and report.md. Nothing in them
 * depends on the wall clock, so the same seeds give byte-identical files.
 */
export async function simulate(scenario: Scenario, options: SimulateOptions): Promise<SimulationOutput> {
  const total = options.seeds.length * scenario.mechanisms.length;
  let done = 0;
  const runs: SeedRun[] = [];
  for (const seed of options.seeds) {
    runs.push(await runSeed(scenario, seed, (mechanism) => options.onProgress?.(done++, total, `seed ${seed} ${mechanism}`)));
  }
  options.onProgress?.(total, total, 'writing outputs');
  const summary = summariseRuns(runs, scenario.mechanisms);
  mkdirSync(options.out, { recursive: true });
  const files = {
    'events.jsonl': runs.flatMap((r) => r.events).map((e) => JSON.stringify(e)).join('\n') + '\n',
    'metrics.json': `${JSON.stringify({ scenario: scenario.name, days: scenario.days, start: scenario.start, seeds: options.seeds, mechanisms: scenario.mechanisms, summary, perSeed: runs.map((r) => ({ seed: r.seed, metrics: r.metrics })) }, null, 2)}\n`,
    'metrics.csv': toCsv(scenario, runs),
    'report.html': renderHtml(scenario, summary, options.seeds),
    'report.md': renderMarkdown(scenario, summary, options.seeds),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(options.out, name), content);
  return { runs, files: Object.keys(files).map((name) => join(options.out, name)) };
}

function toCsv(scenario: Scenario, runs: readonly SeedRun[]): string {
  const lines = ['scenario,mechanism,metric,seed,value'];
  for (const run of runs) {
    for (const mechanism of scenario.mechanisms) {
      for (const metric of METRICS) lines.push(`${scenario.name},${mechanism},${metric},${run.seed},${run.metrics[mechanism]?.[metric] ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
