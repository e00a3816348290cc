import { InvalidArgumentError } from 'commander';
import { ISO_TIME_EXAMPLES, parseIsoTime } from '../config/iso-time.js';

/** Parses a `--country` value: two upper-case letters. */
export function countryOption(value: string): string {
  const upper = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) throw new InvalidArgumentError('expected a two-letter country code such as MX');
  return upper;
}

/** Parses a positive integer option. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/** Parses a TCP port; 0 means any free port. */
export function portOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port from 0 (any free port) to 65535');
  return n;
}

/** Parses a TCP port a server must own: 1 to 65535. */
export function fixedPortOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('expected a port from 1 to 65535');
  return n;
}

/**
 * Parses an ISO 8601 date-time (2026-01-01T00:00:00Z; UTC without an offset) or date (its start,
 * UTC), read as a node reads its date arguments.
 */
export function dateOption(value: string): Date {
  const time = parseIsoTime(value);
  if (!time) throw new InvalidArgumentError(`expected ${ISO_TIME_EXAMPLES}`);
  return new Date(time.kind === 'date' ? time.start : time.instant);
}

/** Parses the URL of a node or service: http:// or https://. */
export function httpUrlOption(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected a URL such as http://127.0.0.1:4001/graphql');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http:// or https:// URL');
  return value;
}
