/** A value axis: maps values to pixels and lists labelled ticks. */
export interface Axis {
  readonly scale: (v: number) => number;
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
}

const DURATION_TICKS: [number, string][] = [
  [1, '1 s'], [10, '10 s'], [60, '1 min'], [600, '10 min'], [3600, '1 h'], [86_400, '1 day'], [864_000, '10 days'], [8_640_000, '100 days'],
];

/** A "nice" step (1, 2 or 5 × 10^k) giving about five ticks up to `max`. */
function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/** A linear axis from 0 to a nice bound above `max`, `width` pixels long. */
export function linearAxis(max: number, width: number, format: (v: number) => string): Axis {
  const step = niceStep(max > 0 ? max : 1);
  const top = Math.ceil((max > 0 ? max : 1) / step - 1e-9) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => ({ value: i * step, label: format(i * step) }));
  return { scale: (v) => (Math.max(0, v) / top) * width, ticks };
}

/** A log axis covering [min, max] in whole decades; durations get 1 s, 1 min, 1 h, 1 day ticks. */
export function logAxis(min: number, max: number, width: number, format: (v: number) => string, durations = false): Axis {
  const lo = 10 ** Math.floor(Math.log10(Math.max(min, 1e-9)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(max, lo * 10)));
  const scale = (v: number) => (v <= 0 ? 0 : ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * width);
  const candidates = durations ? DURATION_TICKS : Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, i): [number, string] => [lo * 10 ** i, format(lo * 10 ** i)]);
  return { scale, ticks: candidates.filter(([v]) => v >= lo && v <= hi).map(([value, label]) => ({ value, label })) };
}
