import { nodeError } from '../errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))?$/i;
const DAY_MS = 86_400_000;

/** Which bound of a range an argument gives: `from` is inclusive, `to` exclusive. */
export type BoundSide = 'from' | 'to';

/**
 * The instant (ms since the epoch) an ISO date or date-time argument stands for, so that ranges
 * compare instants, not strings (`2026-12-05T23:00:00-06:00` is after `2026-12-06T03:20:00Z`).
 * A date-time without an offset is UTC. A date alone is that whole day in UTC: its start as a
 * `from` bound, the start of the next day as a `to` bound. Anything else is BAD_USER_INPUT naming
 * the argument.
 */
export function dateBound(argument: string, value: string, side: BoundSide): number {
  const [datePart = '', timePart, ...rest] = value.split(/[Tt]/);
  const start = dayStart(datePart);
  if (start === null || rest.length > 0) throw badDate(argument, value);
  if (timePart === undefined) return side === 'from' ? start : start + DAY_MS;
  const time = TIME.exec(timePart);
  if (!time) throw badDate(argument, value);
  const [hour, minute, second, offsetHours, offsetMinutes] = [time[1], time[2], time[3] ?? '0', time[7] ?? '0', time[8] ?? '0'].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) throw badDate(argument, value);
  const offset = (time[6] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const fraction = Math.floor(Number(`0${time[4] ?? ''}`) * 1000);
  return start + ((hour * 60 + minute - offset) * 60 + second) * 1000 + fraction;
}

/** The start of a calendar day `YYYY-MM-DD` in UTC, or null when it is no such day. */
function dayStart(date: string): number | null {
  const parts = DATE.exec(date);
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const start = Date.UTC(year, month - 1, day);
  const check = new Date(start);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? start : null;
}

function badDate(argument: string, value: string) {
  return nodeError('BAD_USER_INPUT', `${argument}: "${value}" is not an ISO date (2026-12-06) or date-time (2026-12-06T03:20:00Z, 2026-12-05T21:20:00-06:00)`);
}
