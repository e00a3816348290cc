import type { Scenario } from '../scenario-schema.js';

/** One unit of work for a worker thread: one seed of one sweep point. */
export interface Job {
  readonly id: number;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly declarations: boolean;
}
