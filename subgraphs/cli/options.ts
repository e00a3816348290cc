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
