import { linearAxis, logAxis } from './axis.js';
import { escapeHtml } from './format.js';

export interface Series {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number | null; readonly ci95: readonly [number, number] | null }[];
}

export interface LineChartOptions {
  readonly title: string;
  readonly caption: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly format: (v: number) => string;
  readonly logY?: boolean;
  readonly durations?: boolean;
}

const COLOURS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b7791f', '#4a5568'];
const [W, H, LEFT, TOP, PW, PH] = [900, 340, 80, 30, 520, 240];

/** A metric against a swept parameter, one line per mechanism, each point with its 95% interval. */
export function lineChart(series: readonly Series[], o: LineChartOptions): string {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const ys = series.flatMap((s) => s.points.flatMap((p) => [p.y, p.ci95?.[0] ?? null, p.ci95?.[1] ?? null])).filter((v): v is number => v !== null && (!o.logY || v > 0));
  const yMax = Math.max(1e-9, ...ys);
  const y = o.logY ? logAxis(Math.min(...ys, yMax), yMax, PH, o.format, o.durations) : linearAxis(yMax, PH, o.format);
  const xAt = (x: number) => LEFT + (xs.length === 1 ? PW / 2 : (xs.indexOf(x) / (xs.length - 1)) * PW);
  const yAt = (v: number) => TOP + PH - y.scale(v);
  const grid = y.ticks.map((t) => `<line x1="${LEFT}" x2="${LEFT + PW}" y1="${yAt(t.value).toFixed(1)}" y2="${yAt(t.value).toFixed(1)}" stroke="#e2e8f0"/><text x="${LEFT - 6}" y="${(yAt(t.value) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#4a5568">${escapeHtml(t.label)}</text>`);
  const xTicks = xs.map((x) => `<text x="${xAt(x).toFixed(1)}" y="${TOP + PH + 16}" text-anchor="middle" font-size="11" fill="#4a5568">${escapeHtml(String(x))}</text>`);
  const lines = series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length] as string;
    const pts = s.points.filter((p) => p.y !== null && (!o.logY || (p.y as number) > 0));
    const path = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${xAt(p.x).toFixed(1)},${yAt(p.y as number).toFixed(1)}`).join(' ');
    const bars = pts.filter((p) => p.ci95).map((p) => `<line class="ci" x1="${xAt(p.x).toFixed(1)}" x2="${xAt(p.x).toFixed(1)}" y1="${yAt((p.ci95 as [number, number])[0]).toFixed(1)}" y2="${yAt((p.ci95 as [number, number])[1]).toFixed(1)}" stroke="${colour}" stroke-width="2"/>`);
    const dots = pts.map((p) => `<circle cx="${xAt(p.x).toFixed(1)}" cy="${yAt(p.y as number).toFixed(1)}" r="3.5" fill="${colour}"/>`);
    const legend = `<rect x="${LEFT + PW + 20}" y="${TOP + i * 20}" width="12" height="12" fill="${colour}"/><text x="${LEFT + PW + 38}" y="${TOP + i * 20 + 11}" font-size="12">${escapeHtml(s.label)}</text>`;
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${bars.join('')}${dots.join('')}${legend}`;
  });
  return `<figure><svg class="chart line" role="img" aria-label="${escapeHtml(o.title)}" viewBox="0 0 ${W} ${H + 30}" width="${W}" height="${H + 30}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(o.title)}</title><text x="0" y="16" font-size="14" font-weight="bold">${escapeHtml(o.title)}</text>`
    + grid.join('') + xTicks.join('')
    + `<line class="axis" x1="${LEFT}" x2="${LEFT + PW}" y1="${TOP + PH}" y2="${TOP + PH}" stroke="#4a5568"/><line class="axis" x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${TOP + PH}" stroke="#4a5568"/>`
    + `<text class="axis-title" x="${LEFT + PW / 2}" y="${TOP + PH + 36}" text-anchor="middle" font-size="12">${escapeHtml(o.xTitle)}</text>`
    + `<text class="axis-title" transform="translate(14 ${TOP + PH / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escapeHtml(o.yTitle)}${o.logY ? ' (log scale)' : ''}</text>`
    + lines.join('')
    + `</svg><figcaption>${escapeHtml(o.caption)}</figcaption></figure>`;
}
