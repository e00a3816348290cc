import type { DeclarationStream } from './declarations.js';
import type { Faults } from './faults.js';
import { kmQuantile } from './kaplan-meier.js';
import type { Propagation } from './mechanisms/index.js';
import type { MechanismMetrics } from './metric-names.js';
import { StatusTimeline } from './status-timeline.js';
import type { World } from './world.js';

export { HEADLINE, METRIC_UNITS, METRICS, type MechanismMetrics, type MetricName } from './metric-names.js';

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/**
 * A mechanism's metrics, all measured in the run: delays with undelivered changes as censored
 * observations; per declaration, whether the partner's look-up was answered (its own system up),
 * whether benefits were granted, and whether it was inspected (one shared draw per declaration
 * against the rate that applied, so mechanisms are compared on the same luck).
 */
/** One checked declaration under one mechanism (the declaration-level table, on request). */
export interface DeclarationRow {
  readonly t: number;
  readonly importer: string;
  readonly aeoId: string;
  readonly actual: string;
  readonly seen: string;
  readonly granted: boolean;
  readonly inspected: boolean;
}

export function measure(world: World, faults: Faults, truth: StatusTimeline, declarations: DeclarationStream, run: Propagation, detail?: DeclarationRow[]): MechanismMetrics {
  const observations = run.deliveries.map((d) => {
    const made = world.changes[d.change]?.at ?? 0;
    return d.at === null ? { time: world.horizon - made, delivered: false } : { time: d.at - made, delivered: true };
  });
  const view = StatusTimeline.delivered(world, run.deliveries, run.records);
  const { aeoRate, nonAeoRate, inspectedMinutes, clearedMinutes } = world.scenario.inspection;
  const c = { granted: 0, exposure: 0, missed: 0, forged: 0, answered: 0, faultLookups: 0, faultAnswered: 0, faultAccurate: 0, inspections: 0, avoided: 0, skipped: 0 };
  for (let i = 0; i < declarations.times.length; i++) {
    const t = declarations.times[i] as number;
    const op = world.operators[declarations.operator[i] as number];
    const importer = declarations.importer[i] as string;
    if (!op) continue;
    const actual = truth.statusAt('*', op.aeoId, t);
    const answered = !faults.isDown(importer, t);
    const seen = answered ? view.recordAt(importer, op.aeoId, t) : { status: 'UNKNOWN', forged: false };
    const granted = seen.status === 'ACTIVE';
    const u = declarations.inspectionDraw[i] as number;
    if (answered) c.answered += 1;
    if (seen.forged) c.forged += 1;
    if (granted) {
      c.granted += 1;
      if (actual !== 'ACTIVE') c.exposure += 1;
    } else if (actual === 'ACTIVE') {
      c.missed += 1;
    }
    const inspected = u < (granted ? aeoRate : nonAeoRate);
    if (inspected) c.inspections += 1;
    detail?.push({ t, importer, aeoId: op.aeoId, actual, seen: seen.status, granted, inspected });
    if (granted && u >= aeoRate && u < nonAeoRate) {
      if (actual === 'ACTIVE') c.avoided += 1;
      else c.skipped += 1;
    }
    if (faults.duringFault(t)) {
      c.faultLookups += 1;
      if (answered) c.faultAnswered += 1;
      if (seen.status === actual) c.faultAccurate += 1;
    }
  }
  const checked = declarations.times.length;
  const delivered = observations.filter((o) => o.delivered).length;
  return {
    propagation_p50_s: round(kmQuantile(observations, 0.5)),
    propagation_p95_s: round(kmQuantile(observations, 0.95)),
    delivered_share: observations.length === 0 ? null : round(delivered / observations.length, 4),
    undelivered_changes: observations.length - delivered,
    declarations_total: declarations.total,
    declarations_checked: checked,
    lookups_answered_share: checked === 0 ? null : round(c.answered / checked, 4),
    availability_during_faults: c.faultLookups === 0 ? null : round(c.faultAnswered / c.faultLookups, 4),
    accuracy_during_faults: c.faultLookups === 0 ? null : round(c.faultAccurate / c.faultLookups, 4),
    benefits_granted: c.granted,
    exposure_declarations: c.exposure,
    benefits_missed: c.missed,
    forged_effect_declarations: c.forged,
    inspections: c.inspections,
    inspections_avoided: c.avoided,
    inspections_skipped_by_suspended: c.skipped,
    clearance_hours_saved: round((c.avoided * (inspectedMinutes - clearedMinutes)) / 60, 1),
    tampering_attempts: run.tampering.attempts,
    tampering_detected: run.tampering.detected,
    tampering_accepted: run.tampering.accepted,
    ledger_stalled_s: round(run.stalledSeconds),
    messages: run.messages,
    bytes: run.bytes,
    node_queries: run.nodeQueries,
    node_mismatches: run.nodeMismatches,
  };
}
