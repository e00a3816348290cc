/** Every metric a certificate run reports for one mechanism, with its unit (the order is the CSV's). */
export const CERTIFICATE_METRIC_UNITS = {
  certificates: 'count',
  delivered_share: 'share',
  delivery_p50_s: 's',
  delivery_p95_s: 's',
  delivery_max_s: 's',
  delayed_by_outage: 'count',
  delayed_by_hub_outage: 'count',
  integrations_per_authority: 'count',
  integrations_network: 'count',
  forgeries_attempted: 'count',
  forgeries_caught: 'count',
  reuses_attempted: 'count',
  reuses_caught: 'count',
  ledger_entries_signed: 'count',
  ledger_entries_verified: 'count',
} as const;

export type CertificateMetric = keyof typeof CERTIFICATE_METRIC_UNITS;
export const CERTIFICATE_METRICS = Object.keys(CERTIFICATE_METRIC_UNITS) as CertificateMetric[];
/** null: not applicable (ledger entries of a plain channel) or not reached (a p95 when over 5% never arrived). */
export type CertificateMetrics = Record<CertificateMetric, number | null>;
