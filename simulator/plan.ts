import { SimulationError } from './errors.js';
import { parseOverride } from './input/overrides.js';
import { parseScenario } from './input/parse-scenario.js';
import { resolveKey } from './input/resolve-key.js';
import { gridPoints, latinHypercube, parseLhs, parseSweep } from './input/sweep-grid.js';
import { readScenarioText } from './load-scenario.js';
import type { Provenance } from './provenance.js';
import type { Scenario } from './scenario-schema.js';
import type { SweepPoint } from './simulate.js';
import { parseSeeds } from './sweep.js';

export interface PlanRequest {
  readonly file: string;
  readonly sets: readonly string[];
  readonly sweeps: readonly string[];
  readonly lhs: readonly string[];
  readonly samples?: number;
  readonly seeds: string;
  /** The option `seeds` came from, which an error names (default `--seeds`). */
  readonly seedsOption?: string;
}

export interface Plan {
  readonly scenario: Scenario;
  readonly points: SweepPoint[];
  readonly seeds: number[];
  readonly design: Provenance['design'];
  readonly sweep: Provenance['sweep'];
}

/**
 * Everything a `simulate` command asks for, checked before any work: the scenario file, every
 * `--set`, each sweep point's scenario (each validated, errors naming the option), the seeds.
 */
export function planSimulation(request: PlanRequest): Plan {
  const text = readScenarioText(request.file);
  const seeds = parseSeeds(request.seeds, request.seedsOption ?? '--seeds');
  const plain = parseScenario(text, request.file);
  const sets = request.sets.map((s) => parseOverride(s)).map((o) => ({ ...o, path: resolveKey(plain, o.path, '--set') }));
  const scenario = sets.length > 0 ? parseScenario(text, request.file, sets) : plain;
  if (request.sweeps.length > 0 && request.lhs.length > 0) throw new SimulationError('give either --sweep (a grid) or --lhs (a Latin hypercube), not both', 'OPTION_INVALID');
  const axes = request.sweeps.map((s) => parseSweep(s, scenario));
  const ranges = request.lhs.map((s) => parseLhs(s, scenario));
  if (ranges.length > 0 && !(request.samples && request.samples >= 2)) throw new SimulationError('--lhs needs --samples N (at least 2)', 'OPTION_INVALID');
  const params = ranges.length > 0 ? latinHypercube(ranges, request.samples as number, seeds[0] ?? 0) : gridPoints(axes);
  if (params.length > 500) throw new SimulationError(`the sweep has ${params.length} points; at most 500`, 'OPTION_INVALID');
  const points = params.map((p) => {
    const overrides = Object.entries(p).map(([path, value]) => ({ path, value, origin: ranges.length > 0 ? '--lhs' : '--sweep' }));
    return { params: p, scenario: overrides.length === 0 ? scenario : parseScenario(text, request.file, [...sets, ...overrides]) };
  });
  return {
    scenario, points, seeds,
    design: ranges.length > 0 ? 'latin-hypercube' : axes.length > 0 ? 'grid' : 'single',
    sweep: ranges.length > 0 ? ranges.map((r) => ({ path: r.path, values: points.map((p) => p.params[r.path] as number) })) : axes,
  };
}
