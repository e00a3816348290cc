import { createHash } from 'node:crypto';
import { canonicalJson } from '../../subgraphs/ledger/index.js';
import { SimulationError } from '../errors.js';
import type { SweepAxis } from '../input/sweep-grid.js';
import { checkOutput, writeRunAtomically } from '../output/write-run.js';
import { codeVersion, type Provenance } from '../provenance.js';
import { checkCertificateBudget, DEFAULT_CERTIFICATE_BUDGET } from './budget.js';
import { CERTIFICATE_METRIC_UNITS, CERTIFICATE_METRICS } from './metric-names.js';
import type { CertificatePointPlan } from './plan.js';
import { certificateKeyMessage, renderCertificateHtml, renderCertificateMarkdown } from './report.js';
import type { CertificatePoint, CertificateResult } from './result.js';
import { runCertificateJobs } from './pool.js';
import type { CertificateScenario } from './schema.js';
import { summariseCertificateRuns } from './summary.js';

export interface CertificateSimulateOptions {
  readonly seeds: readonly number[];
  readonly out: string;
  readonly sets?: readonly string[];
  /** Sweep points (default: the scenario alone) and the axes they came from. */
  readonly points?: readonly CertificatePointPlan[];
  readonly sweep?: readonly SweepAxis[];
  /** Budget of ledger verifications per seed, checked before any work. */
  readonly maxEvents?: number;
  /** Worker threads (default: one per core, at most one per job; 1 runs in this thread). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs every seed of every point of a certificate scenario (on worker threads: the real ledger
 * replicas dominate, a few seconds a seed), summarises, and writes runs/<name>/ atomically. The
 * same inputs give the same bytes, with one thread or many.
 */
export async function simulateCertificates(scenario: CertificateScenario, options: CertificateSimulateOptions): Promise<{ result: CertificateResult; files: string[] }> {
  if (options.seeds.length === 0) throw new SimulationError('no seeds to run', 'OPTION_INVALID');
  const plans = options.points ?? [{ params: {}, scenario }];
  checkOutput(options.out);
  for (const p of plans) checkCertificateBudget(p.scenario, options.maxEvents ?? DEFAULT_CERTIFICATE_BUDGET);
  let done = 0;
  const jobs = plans.flatMap((plan, i) => options.seeds.map((seed, k) => ({ id: i * options.seeds.length + k, scenario: plan.scenario, seed })));
  const runs = await runCertificateJobs(jobs, options.workers, () => options.onProgress?.(++done, jobs.length));
  const points: CertificatePoint[] = plans.map((plan, id) => {
    const mine = runs.slice(id * options.seeds.length, (id + 1) * options.seeds.length);
    return { id, params: plan.params, scenario: plan.scenario, runs: mine, summary: summariseCertificateRuns(mine, scenario.mechanisms) };
  });
  const own = (path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], scenario);
  const base = points.find((p) => Object.entries(p.params).every(([k, v]) => own(k) === v)) ?? (points[0] as CertificatePoint);
  const provenance: Provenance = {
    tool: 'mra-hub simulate', codeVersion: codeVersion(), scenario: scenario.name, scenarioSha256: createHash('sha256').update(canonicalJson(scenario)).digest('hex'),
    sets: options.sets ?? [], sweep: options.sweep ?? [], design: points.length > 1 ? 'grid' : 'single', seeds: options.seeds, mechanisms: scenario.mechanisms,
    baseline: scenario.mechanisms[0] as string,
  };
  const result: CertificateResult = { provenance, scenario: base.scenario, summary: base.summary, points };
  return { result, files: writeCertificateOutputs(result, options.out) };
}

const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: readonly (readonly (string | number | null | undefined)[])[]) => `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;

function writeCertificateOutputs(r: CertificateResult, out: string): string[] {
  const { provenance: p, scenario: s } = r;
  const params = Object.keys(r.points[0]?.params ?? {});
  const head = ['scenario', 'point', ...params.map((k) => `param:${k}`)];
  const at = (point: CertificatePoint) => [s.name, point.id, ...params.map((k) => point.params[k])];
  const metricsRows = [[...head, 'seed', 'mechanism', 'metric', 'value', 'unit', 'scenario_sha256', 'code_version'],
    ...r.points.flatMap((point) => point.runs.flatMap((run) => s.mechanisms.flatMap((m) => CERTIFICATE_METRICS.map((metric) => [
      ...at(point), run.seed, m, metric, run.metrics[m]?.[metric], CERTIFICATE_METRIC_UNITS[metric], p.scenarioSha256, p.codeVersion])))),
  ];
  const summaryRows = [[...head, 'mechanism', 'metric', 'unit', 'n', 'mean', 'ci95_low', 'ci95_high'],
    ...r.points.flatMap((point) => s.mechanisms.flatMap((m) => CERTIFICATE_METRICS.map((metric) => {
      const x = point.summary[m]?.[metric];
      return [...at(point), m, metric, CERTIFICATE_METRIC_UNITS[metric], x?.n, x?.mean, x?.ci95?.[0], x?.ci95?.[1]];
    }))),
  ];
  const json = {
    provenance: p, kind: s.kind, title: s.title ?? s.name, keyMessage: certificateKeyMessage(r), days: s.days, start: s.start,
    summary: r.summary, points: r.points.map((point) => ({ point: point.id, params: point.params, summary: point.summary })),
    perSeed: r.points.flatMap((point) => point.runs.map((run) => ({ point: point.id, seed: run.seed, metrics: run.metrics }))), scenario: s,
  };
  const events = r.points.flatMap((point) => point.runs.flatMap((run) => run.events.map((e) => JSON.stringify(r.points.length > 1 ? { point: point.id, ...e } : e))));
  return writeRunAtomically(out, {
    'metrics.json': `${JSON.stringify(json, null, 2)}\n`,
    'metrics.csv': csv(metricsRows),
    'summary.csv': csv(summaryRows),
    'events.jsonl': `${[JSON.stringify({ type: 'provenance', ...p }), ...events].join('\n')}\n`,
    'report.html': renderCertificateHtml(r),
    'report.md': renderCertificateMarkdown(r),
  });
}
