/** Every metric a run reports for one mechanism, with its unit (the order is the CSV's). */
export const METRIC_UNITS = {
  propagation_p50_s: 's',
  propagation_p95_s: 's',
  delivered_share: 'share',
  undelivered_changes: 'count',
  declarations_total: 'count',
  declarations_checked: 'count',
  lookups_answered_share: 'share',
  availability_during_faults: 'share',
  accuracy_during_faults: 'share',
  benefits_granted: 'count',
  exposure_declarations: 'count',
  benefits_missed: 'count',
  forged_effect_declarations: 'count',
  inspections: 'count',
  inspections_avoided: 'count',
  inspections_skipped_by_suspended: 'count',
  clearance_hours_saved: 'h',
  tampering_attempts: 'count',
  tampering_detected: 'count',
  tampering_accepted: 'count',
  ledger_stalled_s: 's',
  messages: 'count',
  bytes: 'B',
  node_queries: 'count',
  node_mismatches: 'count',
} as const;

export type MetricName = keyof typeof METRIC_UNITS;
export const METRICS = Object.keys(METRIC_UNITS) as MetricName[];
/** null: not applicable (availability when nothing failed) or not reached (a p95 when over 5% never arrived). */
export type MechanismMetrics = Record<MetricName, number | null>;

/** The metrics a report leads with and a sweep's sensitivity table covers. */
export const HEADLINE: readonly MetricName[] = ['propagation_p50_s', 'propagation_p95_s', 'exposure_declarations', 'benefits_missed', 'availability_during_faults', 'bytes'];
