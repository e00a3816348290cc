/** A scenario or option the simulator cannot run, explained in one line. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}
