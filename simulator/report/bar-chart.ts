import { escapeHtml } from './format.js';

export interface Bar {
  readonly label: string;
  readonly value: number | null;
  /** Optional whisker (a p95, or a confidence interval's bounds). */
  readonly low?: number | null;
  readonly high?: number | null;
  readonly text: string;
}

export interface BarChartOptions {
  readonly title: string;
  readonly caption: string;
  readonly log?: boolean;
}

const WIDTH = 820;
const LABEL = 250;
const ROW = 34;
const PLOT = WIDTH - LABEL - 130;

/** A horizontal bar chart as inline SVG: no script, no external asset, readable when printed. */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const values = bars.flatMap((b) => [b.value, b.high ?? null]).filter((v): v is number => v !== null && v > 0);
  const max = Math.max(1e-9, ...values);
  const min = options.log ? Math.min(...values.filter((v) => v > 0), max) / 2 : 0;
  const scale = (v: number) => {
    if (v <= 0) return 0;
    if (!options.log) return (v / max) * PLOT;
    return ((Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min) || 1)) * PLOT;
  };
  const height = bars.length * ROW + 40;
  const rows = bars.map((bar, i) => {
    const y = 30 + i * ROW;
    const w = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, scale(bar.value));
    const whisker = bar.high !== undefined && bar.high !== null
      ? `<line x1="${LABEL + scale(bar.low ?? bar.value ?? 0)}" x2="${LABEL + scale(bar.high)}" y1="${y + 11}" y2="${y + 11}" stroke="#333" stroke-width="1.5"/>`
        + `<line x1="${LABEL + scale(bar.high)}" x2="${LABEL + scale(bar.high)}" y1="${y + 5}" y2="${y + 17}" stroke="#333" stroke-width="1.5"/>`
      : '';
    return `<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end" font-size="13">${escapeHtml(bar.label)}</text>`
      + `<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${i % 2 ? '#2b6cb0' : '#3182ce'}" rx="2"/>`
      + whisker
      + `<text x="${LABEL + Math.max(w, bar.high ? scale(bar.high) : 0) + 8}" y="${y + 15}" font-size="12" fill="#222">${escapeHtml(bar.text)}</text>`;
  });
  return `<figure><svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(options.title)}</title>`
    + `<text x="0" y="16" font-size="14" font-weight="bold">${escapeHtml(options.title)}</text>`
    + rows.join('')
    + `</svg><figcaption>${escapeHtml(options.caption)}${options.log ? ' (logarithmic scale)' : ''}</figcaption></figure>`;
}
