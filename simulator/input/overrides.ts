import { parse as parseYamlValue } from 'yaml';
import { SimulationError } from '../errors.js';

/** One `--set key=value`: a dotted key path and a YAML value (`5`, `[1, 4]`, `pareto`). */
export interface Override {
  readonly path: string;
  readonly value: unknown;
  /** The option it came from, for error messages (`--set`, `--sweep`). */
  readonly origin?: string;
}

/** Parses `ledger.pollSeconds=5`; the value is read as YAML, so numbers, lists and words all work. */
export function parseOverride(text: string, option = '--set'): Override {
  const at = text.indexOf('=');
  const path = at > 0 ? text.slice(0, at).trim() : '';
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path) || at === text.length - 1) {
    throw new SimulationError(`${option} ${text}: expected key=value, e.g. ledger.pollSeconds=5`, 'OPTION_INVALID');
  }
  return { path, value: parseYamlValue(text.slice(at + 1)) as unknown, origin: option };
}

/** Sets `path` in a plain object tree, creating objects on the way; arrays take numeric keys. */
export function applyOverride(root: Record<string, unknown>, { path, value }: Override): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = root;
  parts.slice(0, -1).forEach((part) => {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
  node[parts[parts.length - 1] as string] = value;
}
