/*
 * The one reading of a date or date-time a user writes (a node's `issuedFrom`/`issuedTo`, the
 * CLI's `--created-at`): ISO 8601 strictly, never `new Date(text)`, which takes `1` for the year
 * 2001 and a date-time without an offset for the machine's local time. A leaf module: the CLI
 * imports it at start-up.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))?$/i;

/** A date alone (`2026-12-06`: the day, from its start in UTC) or a date-time (one instant). */
export type IsoTime =
  | { readonly kind: 'date'; readonly start: number }
  | { readonly kind: 'date-time'; readonly instant: number };

/** What a date or date-time should look like, for messages refusing one. */
export const ISO_TIME_EXAMPLES = 'an ISO date (2026-12-06) or date-time (2026-12-06T03:20:00Z, 2026-12-05T21:20:00-06:00)';

/**
 * Reads an ISO 8601 date (`2026-12-06`) or date-time (`2026-12-06T03:20:00Z`,
 * `2026-12-05T21:20:00-06:00`, seconds and fraction optional), in ms since the epoch. A date-time
 * without an offset is UTC, as is a date alone. Anything else, an impossible day or time
 * included (`2026-02-30`, `25:00`), is undefined.
 */
export function parseIsoTime(value: string): IsoTime | undefined {
  const [datePart = '', timePart, ...rest] = value.split(/[Tt]/);
  const start = dayStart(datePart);
  if (start === undefined || rest.length > 0) return undefined;
  if (timePart === undefined) return { kind: 'date', start };
  const time = TIME.exec(timePart);
  if (!time) return undefined;
  const [hour, minute, second, offsetHours, offsetMinutes] = [time[1], time[2], time[3] ?? '0', time[7] ?? '0', time[8] ?? '0'].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (time[6] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const fraction = Math.floor(Number(`0${time[4] ?? ''}`) * 1000);
  return { kind: 'date-time', instant: start + ((hour * 60 + minute - offset) * 60 + second) * 1000 + fraction };
}

/** The start of a calendar day `YYYY-MM-DD` in UTC, or undefined when it is no such day. */
function dayStart(date: string): number | undefined {
  const parts = DATE.exec(date);
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const start = Date.UTC(year, month - 1, day);
  const check = new Date(start);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? start : undefined;
}
