import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SimulationError } from '../errors.js';
import { HEADLINE, METRIC_UNITS, type MetricName } from '../metric-names.js';
import type { MetricSummary } from '../sweep.js';
import { barChart } from './bar-chart.js';
import { bytes, duration, escapeHtml, number } from './format.js';
import { STYLE } from './html.js';
import { label, withCi } from './summary.js';

const summary = z.object({ n: z.number(), mean: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() });
const runFile = z.object({
  provenance: z.object({ scenario: z.string(), scenarioSha256: z.string(), codeVersion: z.string(), seeds: z.array(z.number()), mechanisms: z.array(z.string()), sets: z.array(z.string()), baseline: z.string() }),
  title: z.string(),
  keyMessage: z.string(),
  headlinePoint: z.number(),
  points: z.array(z.object({ point: z.number(), params: z.record(z.string(), z.number()), summary: z.record(z.string(), z.record(z.string(), summary)) })),
});

/** One earlier run, as read back from its folder's metrics.json. */
export type RunFile = z.infer<typeof runFile> & { readonly dir: string };

/** Reads runs/<name>/metrics.json; a folder that is not a run is a clear error. */
export function readRun(dir: string): RunFile {
  const file = join(dir, 'metrics.json');
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new SimulationError(`${dir} is not a simulator run (no metrics.json)`, 'RUN_INVALID');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SimulationError(`${file}: not a run this version can read (${error instanceof Error ? error.message : String(error)})`, 'RUN_INVALID');
  }
  if ((raw as { kind?: unknown } | null)?.kind === 'certificate-exchange') {
    throw new SimulationError(`${dir} is a certificate-exchange run: its report.html and summary.csv compare the mechanisms; mra-hub report compares AEO scenario runs`, 'RUN_INVALID');
  }
  const parsed = runFile.safeParse(raw);
  if (!parsed.success) throw new SimulationError(`${file}: not a run this version can read (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`, 'RUN_INVALID');
  return { ...parsed.data, dir };
}

const fmt = (metric: MetricName) => (METRIC_UNITS[metric] === 's' ? duration : METRIC_UNITS[metric] === 'B' ? bytes : METRIC_UNITS[metric] === 'share' ? (v: number) => `${number(v * 100, 1)}%` : (v: number) => number(v));

/** A comparison page across runs: each run's key message, then every headline metric side by side with intervals. */
export function renderComparison(runs: readonly RunFile[]): string {
  const name = (r: RunFile) => r.dir.split('/').filter(Boolean).pop() ?? r.dir;
  const head = (r: RunFile) => r.points.find((p) => p.point === r.headlinePoint) ?? r.points[0];
  const stat = (r: RunFile, m: string, metric: MetricName) => head(r)?.summary[m]?.[metric] as MetricSummary | undefined;
  const mechanisms = [...new Set(runs.flatMap((r) => r.provenance.mechanisms))];
  const charts = HEADLINE.filter((metric) => runs.some((r) => mechanisms.some((m) => stat(r, m, metric)?.mean !== null && stat(r, m, metric) !== undefined))).map((metric) => barChart(
    runs.flatMap((r) => r.provenance.mechanisms.map((m) => {
      const s = stat(r, m, metric);
      return { label: `${name(r)}: ${label(m)}`, value: s?.mean ?? null, ci95: s?.ci95 ?? null, text: withCi(s, fmt(metric), 'n/a') };
    })),
    { title: `${metric} across runs`, axisTitle: `${metric} (${METRIC_UNITS[metric]})`, format: fmt(metric), log: METRIC_UNITS[metric] === 's' || METRIC_UNITS[metric] === 'B', durations: METRIC_UNITS[metric] === 's', caption: 'Mean over each run\'s seeds; whiskers: 95% confidence interval.' },
  ));
  const rows = runs.map((r) => `<tr><td>${escapeHtml(name(r))}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.keyMessage)}</td><td>${r.provenance.seeds.length}</td><td><code>${escapeHtml(r.provenance.codeVersion)}</code><br><small>${r.provenance.scenarioSha256.slice(0, 16)}… ${escapeHtml(r.provenance.sets.join(' '))}</small></td></tr>`);
  const sameScenario = new Set(runs.map((r) => r.provenance.scenario)).size === 1;
  const message = `Comparing ${runs.length} runs${sameScenario ? ` of ${runs[0]?.provenance.scenario}` : ''}: ${runs.map((r) => `${name(r)} (${r.provenance.seeds.length} seed${r.provenance.seeds.length === 1 ? '' : 's'})`).join(', ')}.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Comparison — ${escapeHtml(runs.map(name).join(' vs '))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body>
<h1>${escapeHtml(runs.map((r) => r.title).filter((t, i, all) => all.indexOf(t) === i).join(' / '))}: comparison of runs</h1>
<p class="key" id="key-message">${escapeHtml(message)}</p>
<table><tr><th>run</th><th>title</th><th>key message</th><th>seeds</th><th>provenance</th></tr>${rows.join('\n')}</table>
<h2>Headline metrics side by side</h2>
${charts.join('\n')}
<p class="caveats">Runs of different scenarios or code versions differ in more than the parameters shown; check the provenance column.</p>
</body></html>
`;
}
