/** Structured logs, Prometheus metrics and readiness of the gateway. */
export { jsonLogger, type JsonLoggerOptions, type LogFields, type Logger, type LogLevel } from './logger.js';
export { hiveLogger } from './hive-logger.js';
export { metricsPlugin } from './metrics.js';
export { timedNodeClients } from './node-fetch-metrics.js';
export { watchedNodeClients } from './node-watch.js';
export { operationRecorder, type OperationLabels, type OperationRecorder } from './operation-metrics.js';
export { useSubgraphTracing } from './subgraph-tracing.js';
export { useReadiness } from './readiness.js';
