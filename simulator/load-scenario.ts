import { readFileSync } from 'node:fs';
import { parseYamlWith } from '../subgraphs/config/index.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';
import { SimulationError } from './errors.js';

/**
 * Reads and validates a scenario file. Errors name the file, the key path and its line:
 * `cadena.yaml:14: countries.MX.declarationsPerDay: expected number, received string`.
 */
export function loadScenario(path: string): Scenario {
  return parseScenario(readFileSync(path, 'utf8'), path);
}

export function parseScenario(text: string, source = 'scenario'): Scenario {
  return parseYamlWith(scenarioSchema, text, source, (message) => new SimulationError(message));
}
