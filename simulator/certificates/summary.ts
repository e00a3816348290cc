import { summarise, type MetricSummary } from '../sweep.js';
import { CERTIFICATE_METRIC_UNITS, CERTIFICATE_METRICS, type CertificateMetric } from './metric-names.js';
import type { CertificateSeedRun } from './run-seed.js';

/** mechanism → metric → mean and 95% interval over the seeds (cut to the metric's domain). */
export type CertificateSummary = Readonly<Record<string, Readonly<Record<CertificateMetric, MetricSummary>>>>;

export function summariseCertificateRuns(runs: readonly CertificateSeedRun[], mechanisms: readonly string[]): CertificateSummary {
  return Object.fromEntries(mechanisms.map((m) => [m, Object.fromEntries(CERTIFICATE_METRICS.map((metric) => {
    const s = summarise(runs.flatMap((r) => {
      const v = r.metrics[m]?.[metric];
      return v === null || v === undefined ? [] : [v];
    }));
    const high = CERTIFICATE_METRIC_UNITS[metric] === 'share' ? 1 : Infinity;
    return [metric, s.ci95 ? { ...s, ci95: [Math.max(0, s.ci95[0]), Math.min(high, s.ci95[1])] as const } : s];
  })) as Record<CertificateMetric, MetricSummary>]));
}
