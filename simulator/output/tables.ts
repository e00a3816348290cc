import { METRIC_UNITS, METRICS } from '../metric-names.js';
import type { PointResult, SimulationResult } from './result.js';

const cell = (v: string | number | boolean | null | undefined) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows: readonly (readonly (string | number | boolean | null | undefined)[])[]) => `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;

/** Swept parameter names (the same for every point) as columns `param:<key path>`. */
const paramsOf = (r: SimulationResult) => Object.keys(r.points[0]?.params ?? {});
const pointCells = (r: SimulationResult, p: PointResult) => [r.provenance.scenario, p.id, ...paramsOf(r).map((k) => p.params[k])];
const pointHeader = (r: SimulationResult) => ['scenario', 'point', ...paramsOf(r).map((k) => `param:${k}`)];

/** Tidy long metrics: one row per point × seed × mechanism × metric, with its unit and provenance. */
export function metricsCsv(r: SimulationResult): string {
  const rows: (string | number | null | undefined)[][] = [[...pointHeader(r), 'seed', 'mechanism', 'metric', 'value', 'unit', 'scenario_sha256', 'code_version']];
  for (const p of r.points) {
    for (const run of p.runs) {
      for (const m of r.scenario.mechanisms) {
        for (const metric of METRICS) rows.push([...pointCells(r, p), run.seed, m, metric, run.metrics[m]?.[metric], METRIC_UNITS[metric], r.provenance.scenarioSha256, r.provenance.codeVersion]);
      }
    }
  }
  return csv(rows);
}

/** Means and 95% intervals over seeds: one row per point × mechanism × metric. */
export function summaryCsv(r: SimulationResult): string {
  const rows: (string | number | null | undefined)[][] = [[...pointHeader(r), 'mechanism', 'metric', 'unit', 'n', 'mean', 'ci95_low', 'ci95_high']];
  for (const p of r.points) {
    for (const m of r.scenario.mechanisms) {
      for (const metric of METRICS) {
        const s = p.summary[m]?.[metric];
        rows.push([...pointCells(r, p), m, metric, METRIC_UNITS[metric], s?.n, s?.mean, s?.ci95?.[0], s?.ci95?.[1]]);
      }
    }
  }
  return csv(rows);
}

/** Paired differences (mechanism minus baseline, same seeds) with 95% intervals. */
export function pairedCsv(r: SimulationResult): string {
  const rows: (string | number | null | undefined)[][] = [[...pointHeader(r), 'mechanism', 'baseline', 'metric', 'unit', 'n', 'mean_difference', 'ci95_low', 'ci95_high']];
  for (const p of r.points) {
    for (const [m, metrics] of Object.entries(p.paired)) {
      for (const metric of METRICS) {
        const s = metrics[metric];
        rows.push([...pointCells(r, p), m, r.provenance.baseline, metric, METRIC_UNITS[metric], s?.n, s?.mean, s?.ci95?.[0], s?.ci95?.[1]]);
      }
    }
  }
  return csv(rows);
}

/** Sensitivity of each headline metric to each swept parameter: one row per parameter value. */
export function sensitivityCsv(r: SimulationResult): string {
  const rows: (string | number | null | undefined)[][] = [['parameter', 'mechanism', 'metric', 'unit', 'value', 'n', 'mean', 'ci95_low', 'ci95_high', 'effect_lowest_to_highest', 'effect_ci95_low', 'effect_ci95_high', 'elasticity', 'spearman_rho']];
  for (const s of r.sensitivity) {
    for (const v of s.byValue) {
      rows.push([s.parameter, s.mechanism, s.metric, METRIC_UNITS[s.metric], v.value, v.summary.n, v.summary.mean, v.summary.ci95?.[0], v.summary.ci95?.[1], s.effect.mean, s.effect.ci95?.[0], s.effect.ci95?.[1], s.elasticity, s.rankCorrelation]);
    }
  }
  return csv(rows);
}

/** The declaration-level table (on request): one row per checked declaration × mechanism × seed × point. */
export function declarationsCsv(r: SimulationResult): string {
  const rows: (string | number | boolean | null | undefined)[][] = [[...pointHeader(r), 'seed', 'mechanism', 't_s', 'importer', 'aeo_id', 'status_at_home', 'status_seen', 'benefits_granted', 'inspected']];
  for (const p of r.points) {
    for (const run of p.runs) {
      for (const [m, list] of Object.entries(run.declarations ?? {})) {
        for (const d of list) rows.push([...pointCells(r, p), run.seed, m, Math.round(d.t * 1000) / 1000, d.importer, d.aeoId, d.actual, d.seen, d.granted, d.inspected]);
      }
    }
  }
  return csv(rows);
}
