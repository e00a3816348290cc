import type { DeclarationStream } from './declarations.js';
import type { Faults } from './faults.js';
import type { Propagation } from './mechanisms/index.js';
import { StatusTimeline } from './status-timeline.js';
import type { World } from './world.js';

/** Every metric a run reports for one mechanism (the order is the CSV's). */
export const METRICS = [
  'propagation_p50_s', 'propagation_p95_s', 'propagation_max_s', 'undelivered_changes',
  'declarations_total', 'declarations_checked', 'benefits_granted', 'exposure_declarations', 'benefits_missed',
  'inspections_avoided', 'clearance_hours_saved', 'availability_during_faults',
  'tampering_attempts', 'tampering_detected', 'tampering_accepted',
  'messages', 'bytes', 'node_queries', 'node_mismatches',
] as const;
export type MetricName = (typeof METRICS)[number];
/** null: not applicable in this scenario (e.g. availability when nothing failed). */
export type MechanismMetrics = Record<MetricName, number | null>;

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** Computes a mechanism's metrics from what it delivered and the shared declaration stream. */
export function measure(world: World, faults: Faults, truth: StatusTimeline, declarations: DeclarationStream, run: Propagation): MechanismMetrics {
  const delays = run.deliveries.flatMap((d) => (d.at === null ? [] : [d.at - (world.changes[d.change]?.at ?? 0)])).sort((a, b) => a - b);
  const view = StatusTimeline.delivered(world, run.deliveries);
  const { aeoRate, nonAeoRate, inspectedMinutes, clearedMinutes } = world.scenario.inspection;
  let granted = 0;
  let exposure = 0;
  let missed = 0;
  let duringFaults = 0;
  let accurateDuringFaults = 0;
  for (let i = 0; i < declarations.times.length; i++) {
    const t = declarations.times[i] as number;
    const op = world.operators[declarations.operator[i] as number];
    const importer = declarations.importer[i] as string;
    if (!op) continue;
    const actual = truth.statusAt('*', op.aeoId, t);
    const seen = view.statusAt(importer, op.aeoId, t);
    if (seen === 'ACTIVE') {
      granted += 1;
      if (actual !== 'ACTIVE') exposure += 1;
    } else if (actual === 'ACTIVE') {
      missed += 1;
    }
    if (faults.duringFault(t)) {
      duringFaults += 1;
      if (seen === actual) accurateDuringFaults += 1;
    }
  }
  const avoided = granted * (nonAeoRate - aeoRate);
  return {
    propagation_p50_s: round(quantile(delays, 0.5)),
    propagation_p95_s: round(quantile(delays, 0.95)),
    propagation_max_s: round(delays.at(-1) ?? null),
    undelivered_changes: run.deliveries.filter((d) => d.at === null).length,
    declarations_total: declarations.total,
    declarations_checked: declarations.times.length,
    benefits_granted: granted,
    exposure_declarations: exposure,
    benefits_missed: missed,
    inspections_avoided: round(avoided, 1),
    clearance_hours_saved: round((avoided * (inspectedMinutes - clearedMinutes)) / 60, 1),
    availability_during_faults: duringFaults === 0 ? null : round(accurateDuringFaults / duringFaults, 4),
    tampering_attempts: run.tampering.attempts,
    tampering_detected: run.tampering.detected,
    tampering_accepted: run.tampering.accepted,
    messages: run.messages,
    bytes: run.bytes,
    node_queries: run.nodeQueries,
    node_mismatches: run.nodeMismatches,
  };
}
