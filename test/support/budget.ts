import { availableParallelism, loadavg } from 'node:os';

/**
 * A time budget for a spec that starts processes or does real I/O, scaled by how busy the
 * machine was when the run started (load average per core, capped at 4×): on a 2-core machine
 * shared with other work the same spec gets more time rather than failing.
 */
export function budget(ms: number): number {
  const busy = loadavg()[0] ?? 0;
  return Math.round(ms * Math.min(4, Math.max(1, 1 + busy / availableParallelism())));
}
