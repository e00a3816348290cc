import { METRIC_UNITS, METRICS, type MetricName } from '../metric-names.js';
import type { SimulationResult, Summary } from '../output/result.js';
import { assumptions } from './assumptions.js';
import { bytes, duration, escapeHtml, number } from './format.js';
import { label, stat, TRUST, withCi } from './summary.js';

/** The way a metric reads best: durations, bytes, percentages, whole counts. */
export function formatterOf(metric: MetricName): (v: number) => string {
  switch (METRIC_UNITS[metric]) {
    case 's': return duration;
    case 'B': return bytes;
    case 'share': return (v) => `${number(v * 100, 1)}%`;
    case 'h': return (v) => `${number(v)} h`;
    default: return (v) => number(v);
  }
}
const fmt = formatterOf;
/** Headline metrics compared seed by seed (availability only where something failed). */
const PAIRED: readonly MetricName[] = ['propagation_p50_s', 'exposure_declarations', 'benefits_missed', 'availability_during_faults', 'bytes'];
const signed = (f: (v: number) => string) => (v: number) => (v < 0 ? `−${f(-v)}` : `+${f(v)}`);
const table = (head: readonly string[], rows: readonly (readonly string[])[], cls = '') => `<table${cls ? ` class="${cls}"` : ''}><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}</table>`;

/** The trade-off: speed and exposure (measured) against integrity and trust (design facts). */
export function tradeOffTable(result: SimulationResult, s: Summary): string {
  return table(['mechanism', 'median delay', 'exposure (declarations)', 'forgeries accepted', 'data exchanged', 'integrity', 'third party to trust'], result.scenario.mechanisms.map((m) => [
    label(m), withCi(stat(s, m, 'propagation_p50_s'), duration, 'not reached'), withCi(stat(s, m, 'exposure_declarations'), (v) => number(v)),
    withCi(stat(s, m, 'tampering_accepted'), (v) => number(v)), withCi(stat(s, m, 'bytes'), bytes), TRUST[m]?.integrity ?? '', TRUST[m]?.thirdParty ?? '',
  ]), 'trade-off');
}

/** Paired differences against the baseline for the headline metrics, at every point of a sweep. */
export function pairedTable(result: SimulationResult): string {
  const params = Object.keys(result.points[0]?.params ?? {});
  const shown = PAIRED.filter((metric) => result.points.some((p) => Object.values(p.paired).some((m) => m[metric]?.mean !== null && m[metric]?.mean !== undefined)));
  const rows = result.points.flatMap((p) => Object.keys(p.paired).map((m) => [
    ...params.map((k) => String(p.params[k])), label(m),
    ...shown.map((metric) => withCi(p.paired[m]?.[metric], signed(fmt(metric)))),
  ]));
  return table([...params, `mechanism minus ${label(result.provenance.baseline)}`, ...shown.map((h) => `${h} (${METRIC_UNITS[h]})`)], rows, 'paired');
}

/** How much each headline metric moves from the lowest to the highest value of each swept parameter. */
export function sensitivityTable(result: SimulationResult): string {
  return table(['parameter', 'mechanism', 'metric', 'lowest → highest value', 'change (paired, 95% CI)', 'elasticity', 'rank correlation'], result.sensitivity.map((r) => [
    r.parameter, label(r.mechanism), `${r.metric} (${METRIC_UNITS[r.metric]})`,
    `${r.byValue[0]?.value} → ${r.byValue[r.byValue.length - 1]?.value}`, withCi(r.effect, signed(fmt(r.metric))), r.elasticity === null ? 'n/a' : number(r.elasticity, 2),
    r.rankCorrelation === null ? 'n/a' : number(r.rankCorrelation, 2),
  ]), 'sensitivity');
}

export function figuresTable(result: SimulationResult, s: Summary): string {
  const ms = result.scenario.mechanisms;
  return table(['metric (unit)', ...ms.map(label)], METRICS.map((metric) => [`${metric} (${METRIC_UNITS[metric]})`, ...ms.map((m) => withCi(stat(s, m, metric), fmt(metric)))]), 'figures');
}

export function assumptionsTable(result: SimulationResult): string {
  return table(['parameter', 'value', 'source'], assumptions(result.scenario).map((a) => [a.parameter, a.value, a.source]), 'assumptions');
}
