import { ISO_TIME_EXAMPLES, parseIsoTime } from '../../config/index.js';
import { nodeError } from '../errors.js';

const DAY_MS = 86_400_000;

/** Which bound of a range an argument gives: `from` is inclusive, `to` exclusive. */
export type BoundSide = 'from' | 'to';

/**
 * The instant (ms since the epoch) an ISO date or date-time argument stands for, so that ranges
 * compare instants, not strings (`2026-12-05T23:00:00-06:00` is after `2026-12-06T03:20:00Z`).
 * Read by `parseIsoTime`, as the CLI reads its dates: a date-time without an offset is UTC. A date
 * alone is that whole day in UTC: its start as a `from` bound, the start of the next day as a `to`
 * bound. Anything else is BAD_USER_INPUT naming the argument.
 */
export function dateBound(argument: string, value: string, side: BoundSide): number {
  const time = parseIsoTime(value);
  if (!time) throw nodeError('BAD_USER_INPUT', `${argument}: "${value}" is not ${ISO_TIME_EXAMPLES}`);
  if (time.kind === 'date-time') return time.instant;
  return side === 'from' ? time.start : time.start + DAY_MS;
}
