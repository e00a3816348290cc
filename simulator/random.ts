import { createHash } from 'node:crypto';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A 32-bit seed derived from a run seed and a label: each purpose gets its own stream. */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  return createHash('sha256').update(`${seed}:${labels.join(':')}`).digest().readInt32LE(0);
}

/** A uniform number in [0, 1) fixed by seed and labels (for per-event draws that must not shift). */
export function hashUnit(seed: number, ...labels: readonly (string | number)[]): number {
  return (deriveSeed(seed, ...labels) >>> 0) / 4294967296;
}

/** A seeded random stream (xoroshiro128+, from pure-rand): the only randomness in a run. */
export class Rng {
  readonly #generator;

  constructor(seed: number, ...labels: readonly (string | number)[]) {
    this.#generator = xoroshiro128plus(labels.length > 0 ? deriveSeed(seed, ...labels) : seed);
  }

  /** Uniform in [0, 1), 53 bits. */
  next(): number {
    const high = this.#generator.next() >>> 5;
    const low = this.#generator.next() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential waiting time for an event of `rate` per unit time. */
  exponential(rate: number): number {
    return rate <= 0 ? Number.POSITIVE_INFINITY : -Math.log(1 - this.next()) / rate;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}
