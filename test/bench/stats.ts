import { quantile } from '../../simulator/index.js';

/** Percentile of a sample (nearest rank, the simulator's quantile); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  return quantile([...values].sort((a, b) => a - b), p / 100) ?? Number.NaN;
}

/** Runs `work` and returns operations per second for `count` operations. */
export function opsPerSecond(count: number, work: () => void): number {
  const start = performance.now();
  work();
  return count / ((performance.now() - start) / 1000);
}

/** Prints rows as an aligned table. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
