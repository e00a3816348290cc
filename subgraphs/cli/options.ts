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

/** Collects repeated `--peer CC=URL` options into { CC: URL }. */
export function peerOption(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const match = /^([A-Za-z]{2})=(https?:\/\/.+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected CC=URL, e.g. CR=http://127.0.0.1:4002/graphql');
  return { ...previous, [(match[1] as string).toUpperCase()]: match[2] as string };
}
