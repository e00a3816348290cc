import { HEADLINE, type MetricName } from './metric-names.js';
import { summarise, withinDomain, type MetricSummary, type PointRuns } from './sweep.js';

/** One swept point: its parameter values and its per-seed runs (seeds in the same order for every point). */
export interface SweptPoint {
  readonly params: Readonly<Record<string, number>>;
  readonly runs: PointRuns;
}

/** How one headline metric of one mechanism responds to one swept parameter. */
export interface SensitivityRow {
  readonly parameter: string;
  readonly mechanism: string;
  readonly metric: MetricName;
  /** Mean over seeds (and over the other parameters) at each value of the parameter, with intervals. */
  readonly byValue: readonly { readonly value: number; readonly summary: MetricSummary }[];
  /** Paired by seed: metric at the highest value minus at the lowest, with its interval. */
  readonly effect: MetricSummary;
  /** Relative change of the metric per relative change of the parameter (between the extremes). */
  readonly elasticity: number | null;
  /** Spearman rank correlation between the parameter and the metric over every (point, seed): fits Latin hypercubes too. */
  readonly rankCorrelation: number | null;
}

/** Ranks with ties averaged. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j += 1;
    for (let k = i; k <= j; k++) out[(order[k] as readonly [number, number])[1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho: Pearson correlation of the ranks; null without spread. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 3) return null;
  const [rx, ry] = [ranks(xs), ranks(ys)];
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(rx), mean(ry)];
  let [sxy, sxx, syy] = [0, 0, 0];
  rx.forEach((x, i) => {
    const y = ry[i] as number;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxx === 0 || syy === 0 ? null : Math.round((sxy / Math.sqrt(sxx * syy)) * 1000) / 1000;
}

/**
 * Main effects of each swept parameter on each headline metric: the points with the same value
 * of the parameter are pooled (averaging over the other parameters), and the change from the
 * lowest to the highest value is paired by seed, since every point replays the same seeds.
 */
export function sensitivity(points: readonly SweptPoint[], mechanisms: readonly string[]): SensitivityRow[] {
  const parameters = Object.keys(points[0]?.params ?? {});
  const rows: SensitivityRow[] = [];
  for (const parameter of parameters) {
    const values = [...new Set(points.map((p) => p.params[parameter] as number))].sort((a, b) => a - b);
    if (values.length < 2) continue;
    const at = (v: number) => points.filter((p) => p.params[parameter] === v);
    for (const mechanism of mechanisms) {
      for (const metric of HEADLINE) {
        /** Per seed index, the metric averaged over the points with value v. */
        const perSeed = (v: number): (number | null)[] => {
          const group = at(v);
          const seeds = group[0]?.runs.length ?? 0;
          return Array.from({ length: seeds }, (_, i) => {
            const xs = group.map((p) => p.runs[i]?.[mechanism]?.[metric]).filter((x): x is number => typeof x === 'number');
            return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
          });
        };
        const byValue = values.map((value) => ({ value, summary: withinDomain(summarise(perSeed(value).filter((x): x is number => x !== null)), metric) }));
        const [lo, hi] = [perSeed(values[0] as number), perSeed(values[values.length - 1] as number)];
        const diffs = lo.flatMap((a, i) => (a === null || hi[i] === null || hi[i] === undefined ? [] : [(hi[i] as number) - a]));
        const [first, last] = [byValue[0]?.summary.mean ?? null, byValue[byValue.length - 1]?.summary.mean ?? null];
        const [x0, x1] = [values[0] as number, values[values.length - 1] as number];
        const elasticity = first === null || last === null || first + last === 0 || x0 + x1 === 0
          ? null : Math.round(((last - first) / ((last + first) / 2) / ((x1 - x0) / ((x1 + x0) / 2))) * 1000) / 1000;
        const pairs = points.flatMap((p) => p.runs.flatMap((r) => {
          const y = r[mechanism]?.[metric];
          return typeof y === 'number' ? [[p.params[parameter] as number, y] as const] : [];
        }));
        const rankCorrelation = spearman(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        rows.push({ parameter, mechanism, metric, byValue, effect: summarise(diffs), elasticity, rankCorrelation });
      }
    }
  }
  return rows;
}
