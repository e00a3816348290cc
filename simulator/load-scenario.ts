import { readFileSync, statSync } from 'node:fs';
import { SimulationError } from './errors.js';
import { parseOverride, type Override } from './input/overrides.js';
import { parseScenario } from './input/parse-scenario.js';
import { resolveKey } from './input/resolve-key.js';
import type { Scenario } from './scenario-schema.js';

export { parseScenario } from './input/parse-scenario.js';

/**
 * Reads and validates a scenario file, with `--set key=value` overrides (`pollSeconds=5` or
 * `ledger.pollSeconds=5`). Every problem is reported at once, with file, line and key.
 */
export function loadScenario(path: string, sets: readonly string[] = []): Scenario {
  return parseWithSets(readScenarioText(path), path, sets).scenario;
}

/** The scenario text; a missing file or a directory is a clear error, not a stack trace. */
export function readScenarioText(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new SimulationError(`no scenario file ${path}`, 'SCENARIO_NOT_FOUND');
  if (!stat.isFile()) throw new SimulationError(`${path} is a directory, not a scenario file (give a .yaml file)`, 'SCENARIO_NOT_FOUND');
  return readFileSync(path, 'utf8');
}

/** Parses with overrides whose short keys are resolved against the file's own parameters. */
export function parseWithSets(text: string, source: string, sets: readonly string[]): { scenario: Scenario; overrides: Override[] } {
  const base = parseScenario(text, source);
  if (sets.length === 0) return { scenario: base, overrides: [] };
  const overrides = sets.map((s) => parseOverride(s)).map((o) => ({ ...o, path: resolveKey(base, o.path, '--set') }));
  return { scenario: parseScenario(text, source, overrides), overrides };
}
