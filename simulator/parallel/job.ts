import type { SeedRun } from '../run-scenario.js';
import type { Scenario } from '../scenario-schema.js';

/** One unit of work for a worker thread: one seed of one sweep point. */
export interface Job {
  readonly id: number;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly declarations: boolean;
}

export type JobResult = { readonly id: number; readonly run: SeedRun } | { readonly id: number; readonly error: string };
