import { InvalidArgumentError } from 'commander';

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
