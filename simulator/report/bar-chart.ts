import { linearAxis, logAxis } from './axis.js';
import { escapeHtml } from './format.js';

export interface Bar {
  readonly label: string;
  readonly value: number | null;
  /** 95% confidence interval of the mean over seeds (drawn as a whisker), when several seeds ran. */
  readonly ci95?: readonly [number, number] | null;
  /** Text after the bar (the value with its unit, or why there is none). */
  readonly text: string;
}

export interface BarChartOptions {
  readonly title: string;
  readonly caption: string;
  /** The axis title, with the unit: "delay (log scale)", "declarations". */
  readonly axisTitle: string;
  readonly format: (v: number) => string;
  readonly log?: boolean;
  readonly durations?: boolean;
}

const WIDTH = 860;
const LABEL = 250;
const ROW = 32;
const PLOT = WIDTH - LABEL - 170;

/**
 * A horizontal bar chart as inline SVG (no script, no external asset, prints well): a labelled
 * value axis with its unit, one bar per mechanism, and a whisker for the 95% confidence interval.
 */
export function barChart(bars: readonly Bar[], o: BarChartOptions): string {
  const values = bars.flatMap((b) => [b.value, b.ci95?.[1] ?? null]).filter((v): v is number => v !== null && v > 0);
  const max = Math.max(1e-9, ...values);
  const axis = o.log ? logAxis(Math.min(...values, max), max, PLOT, o.format, o.durations) : linearAxis(max, PLOT, o.format);
  const top = 30;
  const bottom = top + bars.length * ROW;
  const rows = bars.map((bar, i) => {
    const y = top + i * ROW;
    const w = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, axis.scale(bar.value));
    const whisker = bar.ci95
      ? `<line class="ci" x1="${(LABEL + axis.scale(bar.ci95[0])).toFixed(1)}" x2="${(LABEL + axis.scale(bar.ci95[1])).toFixed(1)}" y1="${y + 10}" y2="${y + 10}" stroke="#1a202c" stroke-width="1.5"/>`
        + [bar.ci95[0], bar.ci95[1]].map((v) => `<line x1="${(LABEL + axis.scale(v)).toFixed(1)}" x2="${(LABEL + axis.scale(v)).toFixed(1)}" y1="${y + 4}" y2="${y + 16}" stroke="#1a202c" stroke-width="1.5"/>`).join('')
      : '';
    const end = Math.max(w, bar.ci95 ? axis.scale(bar.ci95[1]) : 0);
    return `<text x="${LABEL - 8}" y="${y + 14}" text-anchor="end" font-size="13">${escapeHtml(bar.label)}</text>`
      + `<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${i % 2 ? '#2b6cb0' : '#3182ce'}"/>`
      + whisker
      + `<text x="${(LABEL + end + 8).toFixed(1)}" y="${y + 14}" font-size="12" fill="#1a202c">${escapeHtml(bar.text)}</text>`;
  });
  const ticks = axis.ticks.map((t) => {
    const x = (LABEL + axis.scale(t.value)).toFixed(1);
    return `<line x1="${x}" x2="${x}" y1="${top - 4}" y2="${bottom + 4}" stroke="#e2e8f0"/><text x="${x}" y="${bottom + 18}" text-anchor="middle" font-size="11" fill="#4a5568">${escapeHtml(t.label)}</text>`;
  });
  const height = bottom + 44;
  return `<figure><svg class="chart" role="img" aria-label="${escapeHtml(o.title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(o.title)}</title>`
    + `<text x="0" y="16" font-size="14" font-weight="bold">${escapeHtml(o.title)}</text>`
    + ticks.join('')
    + `<line class="axis" x1="${LABEL}" x2="${LABEL + PLOT}" y1="${bottom + 4}" y2="${bottom + 4}" stroke="#4a5568"/>`
    + rows.join('')
    + `<text class="axis-title" x="${LABEL + PLOT / 2}" y="${bottom + 36}" text-anchor="middle" font-size="12" fill="#1a202c">${escapeHtml(o.axisTitle)}${o.log ? ' (log scale)' : ''}</text>`
    + `</svg><figcaption>${escapeHtml(o.caption)}</figcaption></figure>`;
}
