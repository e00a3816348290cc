import type { MetricName } from '../metric-names.js';
import type { SimulationResult, Summary } from '../output/result.js';
import { barChart } from './bar-chart.js';
import { bytes, duration, number } from './format.js';
import { lineChart } from './line-chart.js';
import { label, mean, stat, withCi } from './summary.js';

const pct = (v: number) => `${number(v * 100, 1)}%`;

/** The base point's charts: delay, exposure, missed benefits, availability, forgeries, data. */
export function pointCharts(result: SimulationResult, s: Summary): string[] {
  const ms = result.scenario.mechanisms;
  const bars = (metric: MetricName, format: (v: number) => string, missing = 'n/a') => ms.map((m) => {
    const x = stat(s, m, metric);
    return { label: label(m), value: x?.mean ?? null, ci95: x?.ci95 ?? null, text: withCi(x, format, missing) };
  });
  const several = result.provenance.seeds.length > 1;
  const ci = several ? ' Whiskers: 95% confidence interval of the mean over seeds.' : ' One seed: no interval.';
  const charts = [
    barChart(bars('propagation_p50_s', duration, 'not reached'), { title: 'How long a suspension takes to reach the partner (median)', axisTitle: 'delay from the decision at home to the partner\'s systems', format: duration, log: true, durations: true, caption: `Median over all status changes, undelivered ones counted as censored (Kaplan–Meier).${ci}` }),
    barChart(bars('exposure_declarations', (v) => number(v)), { title: 'Declarations given MRA benefits by suspended or revoked operators', axisTitle: 'declarations over the run', format: (v) => number(v), caption: `Counted declaration by declaration; lower is better.${ci}` }),
    barChart(bars('benefits_missed', (v) => number(v)), { title: 'Declarations denied benefits although the operator was in good standing', axisTitle: 'declarations over the run', format: (v) => number(v), caption: `Stale suspensions and unanswered look-ups; lower is better.${ci}` }),
  ];
  if (ms.some((m) => mean(s, m, 'availability_during_faults') !== null)) {
    charts.push(barChart(bars('availability_during_faults', pct), { title: 'Partner look-ups answered during outages and partitions', axisTitle: 'share of look-ups answered', format: pct, caption: `A look-up is answered when the partner's own system is up.${ci}` }));
  }
  if (ms.some((m) => (mean(s, m, 'tampering_attempts') ?? 0) > 0)) {
    charts.push(barChart(bars('tampering_accepted', (v) => number(v)), { title: 'Forgeries accepted as genuine', axisTitle: 'forged messages accepted (per receiving partner)', format: (v) => number(v), caption: `Forgeries are injected during the run; accepted ones change what partners grant.${ci}` }));
  }
  charts.push(barChart(bars('bytes', bytes), { title: 'Data exchanged between authorities', axisTitle: 'bytes over the run', format: bytes, log: true, caption: `Messages as sent, plus headers, envelopes and empty polls (assumed sizes).${ci}` }));
  return charts;
}

/** For a sweep: each headline metric against each swept parameter, one line per mechanism, with intervals. */
export function sweepCharts(result: SimulationResult): string[] {
  const charts: string[] = [];
  const shown: [MetricName, string, (v: number) => string, boolean][] = [
    ['propagation_p50_s', 'median delay', duration, true],
    ['exposure_declarations', 'declarations benefiting suspended operators', (v) => number(v), false],
    ['bytes', 'bytes exchanged', bytes, true],
  ];
  for (const parameter of [...new Set(result.sensitivity.map((r) => r.parameter))]) {
    for (const [metric, title, format, log] of shown) {
      const rows = result.sensitivity.filter((r) => r.parameter === parameter && r.metric === metric);
      charts.push(lineChart(rows.map((r) => ({ label: label(r.mechanism), points: r.byValue.map((v) => ({ x: v.value, y: v.summary.mean, ci95: v.summary.ci95 })) })), {
        title: `${title[0]?.toUpperCase()}${title.slice(1)} as ${parameter} varies`, xTitle: parameter, yTitle: title, format, logY: log, durations: metric === 'propagation_p50_s',
        caption: 'Each point: mean over seeds (and over any other swept parameter); bars: 95% confidence interval.',
      }));
    }
  }
  return charts;
}
