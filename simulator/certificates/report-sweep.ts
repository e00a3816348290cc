import { duration, escapeHtml, number } from '../report/format.js';
import { lineChart } from '../report/line-chart.js';
import { withCi } from '../report/summary.js';
import type { CertificateMetric } from './metric-names.js';
import type { CertificateResult } from './result.js';

export const CERTIFICATE_LABELS: Readonly<Record<string, string>> = {
  'bilateral-bridges': 'Bilateral e-bridges',
  'central-hub': 'Central hub (ePhyto Hub style)',
  'shared-ledger': 'Shared ledger (mra-hub)',
};
export const label = (m: string): string => CERTIFICATE_LABELS[m] ?? m;

/** The metrics a sweep shows against each swept parameter. */
const SHOWN: readonly [CertificateMetric, string, (v: number) => string, boolean][] = [
  ['integrations_network', 'integrations in the whole network', (v) => number(v), false],
  ['integrations_per_authority', 'integrations per authority', (v) => number(v), false],
  ['delivery_p95_s', 'time for 95% of certificates to arrive', duration, true],
  ['delayed_by_hub_outage', 'certificates held up by a hub outage', (v) => number(v), false],
];

const swept = (r: CertificateResult) => Object.keys(r.points[0]?.params ?? {});

/** For a sweep: each shown metric against each swept parameter, one line per mechanism. */
export function sweepHtml(r: CertificateResult): string {
  if (r.points.length < 2) return '';
  const charts = swept(r).flatMap((parameter) => SHOWN.map(([metric, title, format, log]) => lineChart(r.scenario.mechanisms.map((m) => ({
    label: label(m),
    points: r.points.map((p) => ({ x: p.params[parameter] as number, y: p.summary[m]?.[metric]?.mean ?? null, ci95: p.summary[m]?.[metric]?.ci95 ?? null })),
  })), {
    title: `${title[0]?.toUpperCase()}${title.slice(1)} as ${parameter} varies`, xTitle: parameter, yTitle: title, format, logY: log, durations: metric === 'delivery_p95_s',
    caption: 'Mean over the same seeds at each value, with 95% intervals when several seeds ran.',
  })));
  return `<h2>Sweep: ${escapeHtml(r.provenance.sweep.map((a) => `${a.path} = ${a.values.join(', ')}`).join('; '))}</h2>\n${charts.join('\n')}`;
}

/** The same as a Markdown table: one row per point and mechanism. */
export function sweepMarkdown(r: CertificateResult): string[] {
  if (r.points.length < 2) return [];
  const params = swept(r);
  return [
    '## Sweep', '', `| ${[...params, 'mechanism', ...SHOWN.map(([metric]) => metric)].join(' | ')} |`, `|${[...params, 'm', ...SHOWN].map(() => '---').join('|')}|`,
    ...r.points.flatMap((p) => r.scenario.mechanisms.map((m) => `| ${[...params.map((k) => String(p.params[k])), label(m), ...SHOWN.map(([metric, , format]) => withCi(p.summary[m]?.[metric], format, 'not reached'))].join(' | ')} |`)), '',
  ];
}
