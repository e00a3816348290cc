import { renderHtml, renderMarkdown } from '../report/index.js';
import { basePoint, keyMessage } from '../report/summary.js';
import { metricsParquet } from './parquet.js';
import type { SimulationResult } from './result.js';
import { declarationsCsv, metricsCsv, pairedCsv, sensitivityCsv, summaryCsv } from './tables.js';
import { writeRunAtomically } from './write-run.js';

/** Every output file of a run, written into `out` at once. */
export function writeOutputs(result: SimulationResult, out: string, declarations: boolean): string[] {
  const { provenance } = result;
  const events = result.points.flatMap((p) => p.runs.flatMap((r) => r.events.map((e) => JSON.stringify(result.points.length > 1 ? { point: p.id, ...e } : e))));
  const json = {
    provenance,
    title: (result.scenario.title ?? result.scenario.name),
    keyMessage: keyMessage(result),
    headlinePoint: basePoint(result).id,
    days: result.scenario.days,
    start: result.scenario.start,
    points: result.points.map((p) => ({ point: p.id, params: p.params, summary: p.summary, paired: p.paired })),
    sensitivity: result.sensitivity,
    perSeed: result.points.flatMap((p) => p.runs.map((r) => ({ point: p.id, seed: r.seed, metrics: r.metrics }))),
    scenario: result.scenario,
  };
  return writeRunAtomically(out, {
    'metrics.json': `${JSON.stringify(json, null, 2)}\n`,
    'metrics.csv': metricsCsv(result),
    'metrics.parquet': metricsParquet(result),
    'summary.csv': summaryCsv(result),
    'paired.csv': pairedCsv(result),
    ...(result.sensitivity.length > 0 ? { 'sensitivity.csv': sensitivityCsv(result) } : {}),
    'events.jsonl': [JSON.stringify({ type: 'provenance', ...provenance }), ...events].join('\n') + '\n',
    ...(declarations ? { 'declarations.csv': declarationsCsv(result) } : {}),
    'report.html': renderHtml(result),
    'report.md': renderMarkdown(result),
  });
}
