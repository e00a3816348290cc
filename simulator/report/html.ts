import type { SimulationResult } from '../output/result.js';
import { caveats } from './caveats.js';
import { pointCharts, sweepCharts } from './charts.js';
import { escapeHtml } from './format.js';
import { basePoint, findings, keyMessage, label, tradeOff } from './summary.js';
import { assumptionsTable, figuresTable, pairedTable, sensitivityTable, tradeOffTable } from './tables.js';

export const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1000px;margin:1.5rem auto;padding:0 1rem;color:#1a202c;line-height:1.5}
h1{font-size:1.7rem;margin:0 0 .6rem}.key{font-size:1.25rem;background:#ebf8ff;border-left:6px solid #2b6cb0;padding:.8rem 1rem;margin:0 0 .8rem}
.meta,.caveats,figcaption,.provenance{color:#4a5568;font-size:.9rem}figure{margin:1.2rem 0}
table{border-collapse:collapse;font-size:.85rem;width:100%;margin:.5rem 0}td,th{border:1px solid #cbd5e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
.findings li{margin:.4rem 0}`;

/** The self-contained HTML report: title and key message first, then trade-off, charts, tables. */
export function renderHtml(result: SimulationResult): string {
  const s = basePoint(result).summary;
  const { provenance: p, scenario } = result;
  const seeds = p.seeds.length > 1 ? `seeds ${p.seeds[0]}–${p.seeds[p.seeds.length - 1]} (${p.seeds.length})` : `seed ${p.seeds[0]}`;
  const sweep = result.points.length > 1
    ? `<h2>Sweep: ${escapeHtml(p.sweep.map((a) => `${a.path} = ${a.values.join(', ')}`).join('; ') || p.design)}</h2>
<p>Each line is a mechanism; each point the mean over the same seeds, with its 95% confidence interval. The headline above is for ${escapeHtml(Object.entries(basePoint(result).params).map(([k, v]) => `${k} = ${v}`).join(', '))}.</p>
${sweepCharts(result).join('\n')}
<h3>Sensitivity of each headline metric to each swept parameter</h3>${sensitivityTable(result)}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml((scenario.title ?? scenario.name))} — mra-hub simulation</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="${escapeHtml(p.codeVersion)}">
<style>${STYLE}</style></head><body>
<h1>${escapeHtml((scenario.title ?? scenario.name))}</h1>
<p class="key" id="key-message">${escapeHtml(keyMessage(result))}</p>
<p class="meta">${escapeHtml(scenario.description)} ${scenario.days} days from ${scenario.start}; ${Object.keys(scenario.countries).join(', ')}; ${seeds}.</p>
<h2>The trade-off</h2>
<p>${escapeHtml(tradeOff(result))}</p>
${tradeOffTable(result, s)}
<h2>What changes</h2>
<ul class="findings">${findings(result).map((f) => `<li>${escapeHtml(f)}</li>`).join('\n')}</ul>
<h2>Charts</h2>
${pointCharts(result, s).join('\n')}
<h2>Against ${escapeHtml(label(p.baseline))}, world by world</h2>
<p>Differences measured seed by seed on identical worlds (paired), with 95% confidence intervals.</p>
${pairedTable(result)}
${sweep}
<h2>All figures</h2>
${figuresTable(result, s)}
<h2>Assumptions and sources</h2>
${assumptionsTable(result)}
<h2>Caveats</h2>
<ul class="caveats">${caveats(result).map((c) => `<li>${escapeHtml(c)}</li>`).join('\n')}</ul>
<p class="provenance">Produced by ${escapeHtml(p.codeVersion)} (<code>mra-hub simulate</code>) from scenario ${escapeHtml(p.scenario)}, sha256 ${p.scenarioSha256}${p.sets.length ? `, with --set ${escapeHtml(p.sets.join(' '))}` : ''}. Data: metrics.csv and metrics.parquet (tidy: one row per point × seed × mechanism × metric, with units), summary.csv, paired.csv${result.sensitivity.length ? ', sensitivity.csv' : ''}, events.jsonl, metrics.json.</p>
</body></html>
`;
}
