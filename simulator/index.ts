/** The simulator: deterministic, seeded replay of MRA exchange scenarios through the real code. */
export { SimulationError } from './errors.js';
export { loadScenario, parseScenario } from './load-scenario.js';
export { METRICS, quantile, type MechanismMetrics, type MetricName } from './metrics.js';
export { runSeed, type SeedRun, type SimEvent } from './run-scenario.js';
export { MECHANISMS, scenarioSchema, type MechanismName, type Scenario } from './scenario-schema.js';
export { simulate, type SimulateOptions, type SimulationOutput } from './simulate.js';
export { parseSeeds, summarise, summariseRuns, type MetricSummary } from './sweep.js';
export { buildWorld, type World } from './world.js';
