/** The simulator: deterministic, seeded replay of MRA exchange scenarios through the real code. */
export { checkBudget, DEFAULT_MAX_EVENTS, estimateEvents } from './budget.js';
export { SimulationError, type SimulationErrorCode } from './errors.js';
export { parseOverride, type Override } from './input/overrides.js';
export { gridPoints, latinHypercube, parseLhs, parseSweep, type SweepAxis } from './input/sweep-grid.js';
export { kmQuantile, type Observation } from './kaplan-meier.js';
export { loadScenario, parseScenario, parseWithSets, readScenarioText } from './load-scenario.js';
export { HEADLINE, METRIC_UNITS, METRICS, quantile, type MechanismMetrics, type MetricName } from './metrics.js';
export { writeRunAtomically } from './output/write-run.js';
export { codeVersion, type Provenance } from './provenance.js';
export { readRun, renderComparison, type RunFile } from './report/index.js';
export { runSeed, type SeedRun, type SimEvent } from './run-scenario.js';
export { MECHANISMS, scenarioSchema, type MechanismName, type Scenario } from './scenario-schema.js';
export { simulate, type SimulateOptions, type SimulationOutput, type SweepPoint } from './simulate.js';
export { parseSeeds, summarise, summariseRuns, type MetricSummary } from './sweep.js';
export { buildWorld, type World } from './world.js';
export { planSimulation, type Plan, type PlanRequest } from './plan.js';
export { isCertificateScenario, parseCertificateScenario, planCertificateRun, runCertificateSeed, simulateCertificates, type CertificateScenario } from './certificates/index.js';
