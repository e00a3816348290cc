/** Stable codes for what stops a simulation before it starts (or fails inside it). */
export type SimulationErrorCode =
  | 'SCENARIO_INVALID'
  | 'SCENARIO_NOT_FOUND'
  | 'OPTION_INVALID'
  | 'BUDGET_EXCEEDED'
  | 'OUTPUT_INVALID'
  | 'RUN_INVALID'
  | 'INTERNAL';

/** A scenario, option or output the simulator cannot use, explained in plain lines. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  readonly code: SimulationErrorCode;
  /** Every problem found, one line each (file:line: key: message). */
  readonly problems: readonly string[];

  constructor(message: string, code: SimulationErrorCode = 'SCENARIO_INVALID', problems: readonly string[] = [message]) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}
