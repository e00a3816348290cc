import type { MetricName } from '../metric-names.js';
import type { Provenance } from '../provenance.js';
import type { SeedRun } from '../run-scenario.js';
import type { Scenario } from '../scenario-schema.js';
import type { SensitivityRow } from '../sensitivity.js';
import type { MetricSummary } from '../sweep.js';

/** mechanism → metric → mean and interval. */
export type Summary = Readonly<Record<string, Readonly<Record<MetricName, MetricSummary>>>>;

/** One point of a sweep (the only one without a sweep): its parameters and what its seeds gave. */
export interface PointResult {
  readonly id: number;
  readonly params: Readonly<Record<string, number>>;
  readonly scenario: Scenario;
  readonly runs: readonly SeedRun[];
  readonly summary: Summary;
  /** Per mechanism, paired differences against the baseline mechanism (same worlds). */
  readonly paired: Summary;
}

/** Everything a simulation produced, before it is written out. */
export interface SimulationResult {
  readonly provenance: Provenance;
  readonly scenario: Scenario;
  readonly points: readonly PointResult[];
  readonly sensitivity: readonly SensitivityRow[];
}
