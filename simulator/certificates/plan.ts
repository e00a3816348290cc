import { SimulationError } from '../errors.js';
import { gridPoints, type SweepAxis } from '../input/sweep-grid.js';
import { parseCertificateScenario, resolveCertificateKey } from './parse.js';
import type { CertificateScenario } from './schema.js';

/** One point of a certificate sweep: the swept values and the validated scenario with them. */
export interface CertificatePointPlan {
  readonly params: Readonly<Record<string, number>>;
  readonly scenario: CertificateScenario;
}

/**
 * The scenario with `--set`s, and with `--sweep key=v1,v2,...` (repeatable: full grid) one
 * validated scenario per point, each problem naming its option: `--sweep authorities=2,4,8,16`
 * shows how the integrations grow with N.
 */
export function planCertificateRun(text: string, file: string, sets: readonly string[], sweeps: readonly string[]): { scenario: CertificateScenario; points: CertificatePointPlan[]; axes: SweepAxis[] } {
  const scenario = parseCertificateScenario(text, file, sets);
  const axes = sweeps.map((s) => {
    const at = s.indexOf('=');
    const values = s.slice(at + 1).split(',').map((v) => v.trim());
    if (at <= 0 || values.some((v) => v === '' || !Number.isFinite(Number(v)))) {
      throw new SimulationError(`--sweep ${s}: expected key=v1,v2,... with numbers, e.g. authorities=2,4,8,16`, 'OPTION_INVALID');
    }
    return { path: resolveCertificateKey(scenario, s.slice(0, at).trim(), '--sweep'), values: [...new Set(values.map(Number))] };
  });
  const grid = gridPoints(axes);
  if (grid.length > 100) throw new SimulationError(`the sweep has ${grid.length} points; at most 100`, 'OPTION_INVALID');
  const points = axes.length === 0
    ? [{ params: {}, scenario }]
    : grid.map((params) => ({ params, scenario: parseCertificateScenario(text, file, [...sets, ...Object.entries(params).map(([k, v]) => `${k}=${v}`)]) }));
  return { scenario, points, axes };
}
