import { SimulationError } from '../errors.js';
import { Rng } from '../random.js';
import type { Scenario } from '../scenario-schema.js';
import { resolveKey } from './resolve-key.js';

/** One swept parameter and the values it takes. */
export interface SweepAxis {
  readonly path: string;
  readonly values: readonly number[];
}

/** `--sweep pollSeconds=5,15,60`: a parameter (short or full key) and its values. */
export function parseSweep(text: string, scenario: Scenario): SweepAxis {
  const at = text.indexOf('=');
  const values = text.slice(at + 1).split(',').map((v) => v.trim());
  if (at <= 0 || values.some((v) => v === '' || !Number.isFinite(Number(v)))) {
    throw new SimulationError(`--sweep ${text}: expected key=v1,v2,... with numbers, e.g. pollSeconds=5,15,60`, 'OPTION_INVALID');
  }
  return { path: resolveKey(scenario, text.slice(0, at).trim(), '--sweep'), values: [...new Set(values.map(Number))] };
}

/** `--lhs hub.retrySeconds=10..600`: a parameter and the range a Latin hypercube samples. */
export function parseLhs(text: string, scenario: Scenario): { path: string; min: number; max: number } {
  const match = /^([^=]+)=(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(text.trim());
  const [min, max] = [Number(match?.[2]), Number(match?.[3])];
  if (!match || !(min < max)) throw new SimulationError(`--lhs ${text}: expected key=min..max with min < max, e.g. loss=0..0.1`, 'OPTION_INVALID');
  return { path: resolveKey(scenario, (match[1] as string).trim(), '--lhs'), min, max };
}

/** Every combination of the axes' values (a full grid); one empty point when nothing is swept. */
export function gridPoints(axes: readonly SweepAxis[]): Record<string, number>[] {
  return axes.reduce<Record<string, number>[]>((points, axis) => points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.path]: v }))), [{}]);
}

/**
 * A Latin hypercube of `samples` points: each range cut into `samples` equal strata, each stratum
 * used once per parameter, strata paired at random (seeded, so the design is reproducible).
 */
export function latinHypercube(ranges: readonly { path: string; min: number; max: number }[], samples: number, seed: number): Record<string, number>[] {
  const rng = new Rng(seed, 'latin-hypercube');
  const columns = ranges.map((r) => {
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = strata.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [strata[i], strata[j]] = [strata[j] as number, strata[i] as number];
    }
    return strata.map((s) => Math.round((r.min + ((s + rng.next()) / samples) * (r.max - r.min)) * 1e6) / 1e6);
  });
  return Array.from({ length: samples }, (_, i) => Object.fromEntries(ranges.map((r, k) => [r.path, columns[k]?.[i] as number])));
}
