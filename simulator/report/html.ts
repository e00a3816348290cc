import type { Scenario } from '../scenario-schema.js';
import { METRICS } from '../metrics.js';
import { barChart } from './bar-chart.js';
import { bytes, duration, escapeHtml, number } from './format.js';
import { CAVEATS, findings, LABELS, mean, type Summary } from './summary.js';

/** The self-contained HTML report: findings in plain language, inline SVG charts, all figures. */
export function renderHtml(scenario: Scenario, summary: Summary, seeds: readonly number[]): string {
  const ms = scenario.mechanisms;
  const bar = (m: string, metric: Parameters<typeof mean>[2], text: (v: number | null) => string, high?: Parameters<typeof mean>[2]) => {
    const value = mean(summary, m, metric);
    return { label: LABELS[m] ?? m, value, text: text(value), ...(high ? { low: value, high: mean(summary, m, high) } : {}) };
  };
  const charts = [
    barChart(ms.map((m) => bar(m, 'propagation_p50_s', duration, 'propagation_p95_s')), {
      title: 'How long a suspension takes to reach the partner', caption: 'Median delay from the home decision to the partner\'s systems; whisker to the 95th percentile', log: true,
    }),
    barChart(ms.map((m) => bar(m, 'exposure_declarations', (v) => number(v))), {
      title: 'Declarations given MRA benefits by suspended or revoked operators', caption: 'Count over the simulated period; lower is better',
    }),
    barChart(ms.map((m) => bar(m, 'bytes', bytes)), { title: 'Data exchanged', caption: 'Bytes sent between authorities, including polling', log: true }),
  ];
  if (ms.some((m) => mean(summary, m, 'availability_during_faults') !== null)) {
    charts.push(barChart(ms.map((m) => bar(m, 'availability_during_faults', (v) => (v === null ? 'n/a' : `${number(v * 100, 1)}%`))), {
      title: 'Accurate partner data during outages', caption: 'Share of status checks during faults where the partner\'s view matched the truth',
    }));
  }
  if (ms.some((m) => (mean(summary, m, 'tampering_attempts') ?? 0) > 0)) {
    charts.push(barChart(ms.map((m) => bar(m, 'tampering_accepted', (v) => `${number(v)} accepted`)), {
      title: 'Forged messages accepted as genuine', caption: 'Per receiving partner; the ledgers refuse every forgery',
    }));
  }
  const header = `<tr><th>metric</th>${ms.map((m) => `<th>${escapeHtml(LABELS[m] ?? m)}</th>`).join('')}</tr>`;
  const rows = METRICS.map((metric) => `<tr><td>${metric}</td>${ms.map((m) => {
    const s = summary[m]?.[metric];
    const ci = s?.ci95 ? ` <small>[${number(s.ci95[0], 2)}, ${number(s.ci95[1], 2)}]</small>` : '';
    return `<td>${number(s?.mean ?? null, 3)}${ci}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(scenario.name)} — mra-hub scenario report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a202c;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}.meta{color:#4a5568}figure{margin:1.5rem 0}figcaption{color:#4a5568;font-size:.9rem}
table{border-collapse:collapse;font-size:.85rem;width:100%}td,th{border:1px solid #cbd5e0;padding:.3rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}
.findings li{margin:.4rem 0}.caveats{color:#4a5568;font-size:.9rem}
</style></head><body>
<h1>${escapeHtml(scenario.name)}</h1>
<p class="meta">${escapeHtml(scenario.description)}<br>${scenario.days} days from ${scenario.start}; ${Object.keys(scenario.countries).join(', ')}; seed${seeds.length > 1 ? 's' : ''} ${seeds.length > 1 ? `${seeds[0]}–${seeds[seeds.length - 1]}` : seeds[0]}.</p>
<h2>What changes</h2>
<ul class="findings">${findings(scenario, summary, seeds).map((f) => `<li>${escapeHtml(f)}</li>`).join('\n')}</ul>
<h2>Charts</h2>
${charts.join('\n')}
<h2>All figures</h2>
<table>${header}
${rows}</table>
<h2>Caveats</h2>
<ul class="caveats">${CAVEATS.map((c) => `<li>${escapeHtml(c)}</li>`).join('\n')}</ul>
<p class="caveats">Produced by <code>mra-hub simulate</code>. Data: metrics.json, metrics.csv (one row per mechanism × metric × seed), events.jsonl.</p>
</body></html>
`;
}
