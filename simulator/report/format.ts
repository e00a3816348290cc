/** "8.6 s", "3.2 min", "15 h", "19 days": a duration a policy maker reads at a glance. */
export function duration(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  if (seconds < 60) return `${trim(seconds)} s`;
  if (seconds < 3600) return `${trim(seconds / 60)} min`;
  if (seconds < 2 * 86_400) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86_400)} days`;
}

/** 1,234,567 / 12.3 — fixed locale so reports are byte-identical everywhere. */
export function number(value: number | null, digits = 0): string {
  if (value === null) return 'n/a';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function bytes(value: number | null): string {
  if (value === null) return 'n/a';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = value;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u += 1;
  }
  return `${trim(v)} ${units[u]}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function trim(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 1 : 0 });
}
