import { SimulationError } from './errors.js';
import { METRIC_UNITS, METRICS, type MechanismMetrics, type MetricName } from './metric-names.js';

export interface MetricSummary {
  readonly n: number;
  readonly mean: number | null;
  /** 95% confidence interval of the mean (Student t), null for a single seed. */
  readonly ci95: readonly [number, number] | null;
}

// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Mean and 95% confidence interval (Student t) of independent values, one per seed. */
export function summarise(values: readonly number[]): MetricSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, ci95: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean: round(mean), ci95: null };
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  const half = (T975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { n, mean: round(mean), ci95: [round(mean - half), round(mean + half)] };
}

/** Per-seed metric tables of one sweep point: mechanism → metrics, one entry per seed. */
export type PointRuns = readonly Readonly<Record<string, MechanismMetrics>>[];

/** An interval cut to what the metric can be: no negative counts or delays, no share above 1. */
export function withinDomain(s: MetricSummary, metric: MetricName): MetricSummary {
  if (!s.ci95) return s;
  const high = METRIC_UNITS[metric] === 'share' ? Math.min(1, s.ci95[1]) : s.ci95[1];
  return { ...s, ci95: [Math.max(0, s.ci95[0]), high] };
}

/** Mean and confidence interval (within the metric's domain) of every metric of every mechanism over the seeds. */
export function summariseRuns(runs: PointRuns, mechanisms: readonly string[]): Record<string, Record<MetricName, MetricSummary>> {
  return Object.fromEntries(mechanisms.map((mechanism) => [
    mechanism,
    Object.fromEntries(METRICS.map((metric) => [metric, withinDomain(summarise(runs.flatMap((r) => value(r[mechanism]?.[metric]))), metric)])) as Record<MetricName, MetricSummary>,
  ]));
}

/**
 * Paired differences against a baseline mechanism: every mechanism ran on the same worlds (same
 * seed, same operators, changes and declarations), so per seed `metric(m) - metric(baseline)` is
 * the effect of the mechanism alone; its interval is much tighter than comparing two means.
 */
export function pairedDifferences(runs: PointRuns, mechanisms: readonly string[], baseline: string): Record<string, Record<MetricName, MetricSummary>> {
  return Object.fromEntries(mechanisms.filter((m) => m !== baseline).map((mechanism) => [
    mechanism,
    Object.fromEntries(METRICS.map((metric) => [metric, summarise(runs.flatMap((r) => {
      const a = r[mechanism]?.[metric];
      const b = r[baseline]?.[metric];
      return a === null || a === undefined || b === null || b === undefined ? [] : [a - b];
    }))])) as Record<MetricName, MetricSummary>,
  ]));
}

const value = (v: number | null | undefined): number[] => (v === null || v === undefined ? [] : [v]);

/** Parses `--seeds 1..20` or `--seeds 3,5,8` (whole numbers; an empty value is refused, not seed 0). */
export function parseSeeds(text: string, option = '--seeds'): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text.trim());
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from || to - from > 999) throw new SimulationError(`${option} ${text}: give a range like 1..20 (at most 1000 seeds)`, 'OPTION_INVALID');
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((s) => !/^\d+$/.test(s)) || parts.length > 1000) {
    throw new SimulationError(`${option} ${JSON.stringify(text)}: give a whole number, a range like 1..20 or a list like 1,2,3`, 'OPTION_INVALID');
  }
  return parts.map(Number);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
