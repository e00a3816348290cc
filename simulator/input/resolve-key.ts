import { SimulationError } from '../errors.js';
import type { Scenario } from '../scenario-schema.js';

/** Every key path to a number or [min, max] pair in the scenario: the parameters one can vary. */
export function parameterPaths(root: unknown, prefix = ''): string[] {
  if (typeof root === 'number') return [prefix];
  if (Array.isArray(root) && root.length === 2 && root.every((v) => typeof v === 'number')) return [prefix];
  if (typeof root !== 'object' || root === null) return [];
  return Object.entries(root).flatMap(([k, v]) => (k === 'sources' && !prefix ? [] : parameterPaths(v, prefix ? `${prefix}.${k}` : k)));
}

/**
 * A full key path for what the user typed: itself if it exists, else the one parameter whose path
 * ends with it (`pollSeconds` is `ledger.pollSeconds`). Ambiguous or unknown names are refused.
 */
export function resolveKey(scenario: Scenario, key: string, option: string): string {
  const paths = parameterPaths(scenario);
  if (paths.includes(key) || key.includes('.')) return key;
  const matches = paths.filter((p) => p.endsWith(`.${key}`));
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) throw new SimulationError(`${option} ${key}: ambiguous, say which: ${matches.join(', ')}`, 'OPTION_INVALID');
  throw new SimulationError(`${option} ${key}: no such parameter in ${scenario.name} (e.g. ${paths.slice(0, 6).join(', ')}, ...)`, 'OPTION_INVALID');
}
