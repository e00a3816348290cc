import { createHash } from 'node:crypto';
import { canonicalJson } from '../../subgraphs/ledger/index.js';
import { SimulationError } from '../errors.js';
import { checkCertificateBudget, DEFAULT_CERTIFICATE_BUDGET } from './budget.js';
import { checkOutput, writeRunAtomically } from '../output/write-run.js';
import { codeVersion, type Provenance } from '../provenance.js';
import { CERTIFICATE_METRIC_UNITS, CERTIFICATE_METRICS } from './metric-names.js';
import { certificateKeyMessage, renderCertificateHtml, renderCertificateMarkdown } from './report.js';
import type { CertificateResult } from './result.js';
import { runCertificateSeed } from './run-seed.js';
import type { CertificateScenario } from './schema.js';
import { summariseCertificateRuns } from './summary.js';

export interface CertificateSimulateOptions {
  readonly seeds: readonly number[];
  readonly out: string;
  readonly sets?: readonly string[];
  /** Budget of ledger verifications per seed, checked before any work. */
  readonly maxEvents?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs every seed of a certificate scenario (in this thread: the real ledger replicas dominate
 * and one seed is a few seconds), summarises, and writes runs/<name>/ atomically. The same inputs
 * give the same bytes.
 */
export function simulateCertificates(scenario: CertificateScenario, options: CertificateSimulateOptions): { result: CertificateResult; files: string[] } {
  if (options.seeds.length === 0) throw new SimulationError('no seeds to run', 'OPTION_INVALID');
  checkOutput(options.out);
  checkCertificateBudget(scenario, options.maxEvents ?? DEFAULT_CERTIFICATE_BUDGET);
  const runs = options.seeds.map((seed, i) => {
    const run = runCertificateSeed(scenario, seed);
    options.onProgress?.(i + 1, options.seeds.length);
    return run;
  });
  const provenance: Provenance = {
    tool: 'mra-hub simulate', codeVersion: codeVersion(), scenario: scenario.name, scenarioSha256: createHash('sha256').update(canonicalJson(scenario)).digest('hex'),
    sets: options.sets ?? [], sweep: [], design: 'single', seeds: options.seeds, mechanisms: scenario.mechanisms, baseline: scenario.mechanisms[0] as string,
  };
  const result: CertificateResult = { provenance, scenario, runs, summary: summariseCertificateRuns(runs, scenario.mechanisms) };
  return { result, files: writeCertificateOutputs(result, options.out) };
}

const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: readonly (readonly (string | number | null | undefined)[])[]) => `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;

function writeCertificateOutputs(r: CertificateResult, out: string): string[] {
  const { provenance: p, scenario: s } = r;
  const metricsRows = [['scenario', 'seed', 'mechanism', 'metric', 'value', 'unit', 'scenario_sha256', 'code_version'],
    ...r.runs.flatMap((run) => s.mechanisms.flatMap((m) => CERTIFICATE_METRICS.map((metric) => [s.name, run.seed, m, metric, run.metrics[m]?.[metric], CERTIFICATE_METRIC_UNITS[metric], p.scenarioSha256, p.codeVersion])))];
  const summaryRows = [['scenario', 'mechanism', 'metric', 'unit', 'n', 'mean', 'ci95_low', 'ci95_high'],
    ...s.mechanisms.flatMap((m) => CERTIFICATE_METRICS.map((metric) => {
      const x = r.summary[m]?.[metric];
      return [s.name, m, metric, CERTIFICATE_METRIC_UNITS[metric], x?.n, x?.mean, x?.ci95?.[0], x?.ci95?.[1]];
    }))];
  const json = {
    provenance: p, kind: s.kind, title: s.title ?? s.name, keyMessage: certificateKeyMessage(r), days: s.days, start: s.start,
    summary: r.summary, perSeed: r.runs.map((run) => ({ seed: run.seed, metrics: run.metrics })), scenario: s,
  };
  const events = r.runs.flatMap((run) => run.events.map((e) => JSON.stringify(e)));
  return writeRunAtomically(out, {
    'metrics.json': `${JSON.stringify(json, null, 2)}\n`,
    'metrics.csv': csv(metricsRows),
    'summary.csv': csv(summaryRows),
    'events.jsonl': `${[JSON.stringify({ type: 'provenance', ...p }), ...events].join('\n')}\n`,
    'report.html': renderCertificateHtml(r),
    'report.md': renderCertificateMarkdown(r),
  });
}
