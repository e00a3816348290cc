import { assumptions } from '../report/assumptions.js';
import { barChart } from '../report/bar-chart.js';
import { duration, escapeHtml, number } from '../report/format.js';
import { STYLE } from '../report/html.js';
import { withCi } from '../report/summary.js';
import type { MetricSummary } from '../sweep.js';
import { CERTIFICATE_METRIC_UNITS, CERTIFICATE_METRICS, type CertificateMetric } from './metric-names.js';
import { label, sweepHtml, sweepMarkdown } from './report-sweep.js';
import type { CertificateResult } from './result.js';

const stat = (r: CertificateResult, m: string, metric: CertificateMetric): MetricSummary | undefined => r.summary[m]?.[metric];
const count = (r: CertificateResult, m: string, metric: CertificateMetric) => withCi(stat(r, m, metric), (v) => number(v));
const format = (metric: CertificateMetric) => (CERTIFICATE_METRIC_UNITS[metric] === 's' ? duration : CERTIFICATE_METRIC_UNITS[metric] === 'share' ? (v: number) => `${number(v * 100, 1)}%` : (v: number) => number(v, 1));

/** The sentence a minister reads first, every figure from the run (means over seeds; intervals in the tables). */
export function certificateKeyMessage(r: CertificateResult): string {
  const ms = r.scenario.mechanisms;
  const mean = (m: string, metric: CertificateMetric) => number(stat(r, m, metric)?.mean ?? null);
  const n = r.scenario.authorities;
  const integrations = ms.map((m) => `${label(m)} ${mean(m, 'integrations_network')} (${mean(m, 'integrations_per_authority')} per authority)`).join(', ');
  const held = ms.map((m) => `${mean(m, 'delayed_by_hub_outage')} with ${label(m)}`).join(', ');
  const caught = ms.map((m) => `${label(m)} caught ${mean(m, 'forgeries_caught')} of ${mean(m, 'forgeries_attempted')} altered or forged copies and ${mean(m, 'reuses_caught')} of ${mean(m, 'reuses_attempted')} reused certificates`).join('; ');
  return `Among ${n} authorities, the integrations to build and maintain are: ${integrations}. Hub outages held up ${held}. ${caught}.`;
}

/** Plain-language findings, each computed from the run. */
export function certificateFindings(r: CertificateResult): string[] {
  return r.scenario.mechanisms.map((m) => `${label(m)}: half of the certificates reached the importer within ${withCi(stat(r, m, 'delivery_p50_s'), duration, 'not reached')}, 95% within ${withCi(stat(r, m, 'delivery_p95_s'), duration, 'not reached')}; ${count(r, m, 'delayed_by_outage')} of ${count(r, m, 'certificates')} certificates were held up by an outage on their path.`)
    .concat(r.scenario.mechanisms.includes('shared-ledger') ? [`On the shared ledger, ${count(r, 'shared-ledger', 'ledger_entries_signed')} entries were signed (issue, receipt, acceptance, clearance) and ${count(r, 'shared-ledger', 'ledger_entries_verified')} verified and applied by other replicas: every replica checks every entry.`] : []);
}

const CAVEATS = [
  'Every mechanism runs on the same seeded shipments, outages and fraud attempts; differences come from the mechanisms alone.',
  'The shared ledger runs the real mra-hub ledger: each step decided, signed and appended by the authority allowed to take it, verified by every other replica; altered copies are caught by the authenticity check against the importer\'s replica, reuse by the ledger refusing a second clearance (CERTIFICATE_CONSUMED). Transfer times and outages are a timing model.',
  'Whether a bridge or hub checker can see the importer\'s electronic copy, and whether an importer\'s system records clearances, are assumptions (alteredCopyCaughtShare, reuseCaughtShare), not measurements.',
  'Integrations count what each authority must build and maintain: one bridge per partner (shared by the pair), one link to the hub, one node. Configuring a partner\'s node address for content fetches on the ledger is not counted as an integration: it is the same API for every partner, with keys from the trust registry.',
  'The hub\'s stated capacity (100,000 certificates a day, Miller Magazine 2021) is far above these volumes, so queueing at the hub is not modelled; nor are the costs of running a hub, bridges or nodes, only how many each authority must integrate.',
  'Delivery delays of certificates not delivered by the end are censored (Kaplan–Meier); a percentile never reached is shown as not reached.',
];

export function renderCertificateMarkdown(r: CertificateResult): string {
  const ms = r.scenario.mechanisms;
  return [
    `# ${r.scenario.title ?? r.scenario.name}`, '', `**${certificateKeyMessage(r)}**`, '', r.scenario.description, '',
    `${r.scenario.days} days from ${r.scenario.start}; ${r.scenario.authorities} authorities; seeds ${r.provenance.seeds.join(', ')}.${r.points.length > 1 ? ' Headline figures are for the scenario\'s own values; the sweep follows.' : ''}`, '',
    '## What changes', '', ...certificateFindings(r).map((f) => `- ${f}`), '', ...sweepMarkdown(r),
    '## All figures', '', `| metric (unit) | ${ms.map(label).join(' | ')} |`, `|---|${ms.map(() => '---:').join('|')}|`,
    ...CERTIFICATE_METRICS.map((metric) => `| ${metric} (${CERTIFICATE_METRIC_UNITS[metric]}) | ${ms.map((m) => withCi(stat(r, m, metric), format(metric))).join(' | ')} |`), '',
    '## Assumptions and sources', '', '| parameter | value | source |', '|---|---|---|',
    ...assumptions(r.scenario).map((a) => `| ${a.parameter} | ${a.value} | ${a.source} |`), '',
    '## Caveats', '', ...CAVEATS.map((c) => `- ${c}`), '',
    `Produced by ${r.provenance.codeVersion} from ${r.provenance.scenario} (sha256 ${r.provenance.scenarioSha256}).`, '',
  ].join('\n');
}

export function renderCertificateHtml(r: CertificateResult): string {
  const ms = r.scenario.mechanisms;
  const several = r.provenance.seeds.length > 1 ? ' Whiskers: 95% confidence interval of the mean over seeds.' : ' One seed: no interval.';
  const bars = (metric: CertificateMetric) => ms.map((m) => ({ label: label(m), value: stat(r, m, metric)?.mean ?? null, ci95: stat(r, m, metric)?.ci95 ?? null, text: withCi(stat(r, m, metric), format(metric), 'not reached') }));
  const attempted = (metric: CertificateMetric) => ms.some((m) => (stat(r, m, metric)?.mean ?? 0) > 0);
  const charts = [
    barChart(bars('delivery_p95_s'), { title: 'Time for 95% of certificates to reach the importer', axisTitle: 'delay from issue to the importer', format: duration, log: true, durations: true, caption: `Kaplan–Meier, undelivered certificates censored.${several}` }),
    barChart(bars('delayed_by_hub_outage'), { title: 'Certificates held up by a hub outage', axisTitle: 'certificates over the run', format: (v) => number(v), caption: `Certificates whose path crossed the hub while it was down.${several}` }),
    barChart(bars('integrations_network'), { title: 'Integrations to build and maintain, whole network', axisTitle: 'integrations', format: (v) => number(v), caption: `Bridges grow as N(N−1)/2; hub links and ledger nodes as N.${several}` }),
    attempted('forgeries_attempted') && barChart(bars('forgeries_caught'), { title: 'Altered or forged copies caught at the border', axisTitle: 'copies caught', format: (v) => number(v), caption: `Out of ${ms.map((m) => `${count(r, m, 'forgeries_attempted')} (${label(m)})`).join(', ')} presented.${several}` }),
    attempted('reuses_attempted') && barChart(bars('reuses_caught'), { title: 'Certificates presented a second time and caught', axisTitle: 'reuses caught', format: (v) => number(v), caption: `Out of ${ms.map((m) => `${count(r, m, 'reuses_attempted')} (${label(m)})`).join(', ')} presented.${several}` }),
  ];
  const row = (cells: readonly string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(r.scenario.title ?? r.scenario.name)} — mra-hub simulation</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="${escapeHtml(r.provenance.codeVersion)}">
<style>${STYLE}</style></head><body>
<h1>${escapeHtml(r.scenario.title ?? r.scenario.name)}</h1>
<p class="key" id="key-message">${escapeHtml(certificateKeyMessage(r))}</p>
<p class="meta">${escapeHtml(r.scenario.description)} ${r.scenario.days} days from ${r.scenario.start}; ${r.scenario.authorities} authorities; seeds ${r.provenance.seeds.join(', ')}.</p>
<h2>What changes</h2>
<ul class="findings">${certificateFindings(r).map((f) => `<li>${escapeHtml(f)}</li>`).join('\n')}</ul>
<h2>Charts</h2>
${charts.filter((c) => c !== false).join('\n')}
${sweepHtml(r)}
<h2>All figures</h2>
<table class="figures">${row(['metric (unit)', ...ms.map(label)], 'th')}
${CERTIFICATE_METRICS.map((metric) => row([`${metric} (${CERTIFICATE_METRIC_UNITS[metric]})`, ...ms.map((m) => withCi(stat(r, m, metric), format(metric)))])).join('\n')}</table>
<h2>Assumptions and sources</h2>
<table class="assumptions">${row(['parameter', 'value', 'source'], 'th')}
${assumptions(r.scenario).map((a) => row([a.parameter, a.value, a.source])).join('\n')}</table>
<h2>Caveats</h2>
<ul class="caveats">${CAVEATS.map((c) => `<li>${escapeHtml(c)}</li>`).join('\n')}</ul>
<p class="provenance">Produced by ${escapeHtml(r.provenance.codeVersion)} (<code>mra-hub simulate</code>) from scenario ${escapeHtml(r.provenance.scenario)}, sha256 ${r.provenance.scenarioSha256}${r.provenance.sets.length ? `, with --set ${escapeHtml(r.provenance.sets.join(' '))}` : ''}. Data: metrics.csv (tidy: one row per seed × mechanism × metric, with units), summary.csv, events.jsonl, metrics.json.</p>
</body></html>
`;
}
