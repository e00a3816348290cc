import useMeshPrometheus, { createCounter, createHistogram } from '@graphql-mesh/plugin-prometheus';
import type { Registry } from 'prom-client';
import type { Logger as HiveLogger } from '@graphql-hive/logger';
import { errorPhase, operationLabels } from './operation-labels.js';

/**
 * Prometheus metrics at `/metrics`: HTTP and GraphQL request durations, errors by operation and
 * phase (not by path), the time and errors of each subgraph fetch the planner makes (labelled
 * `subgraphName`), and the country nodes' fetches (`mra_node_fetch_duration_seconds`, labelled
 * `node` and `outcome`: observability/node-fetch-metrics.ts). Each gateway has its own registry,
 * so several can run in one process. The `graphql_envelop_*` metrics are labelled by
 * `operationLabels` (never "undefined").
 */
export function metricsPlugin(log: HiveLogger, registry: Registry) {
  const labelNames = ['operationType', 'operationName'] as const;
  return useMeshPrometheus({
    endpoint: '/metrics',
    registry,
    log,
    // Each histogram costs every request an observation: the phases are left out (parse and
    // validate hit the runtime's caches; execute is most of request_duration) and so is the
    // request summary (a t-digest per request).
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: createCounter({
        registry, phases: ['execute', 'subscribe'], fillLabelsFn: operationLabels,
        counter: { name: 'graphql_envelop_request', help: 'Counts the amount of GraphQL requests executed through Envelop', labelNames },
      }),
      graphql_envelop_request_duration: createHistogram({
        registry, phases: ['execute', 'subscribe'], fillLabelsFn: operationLabels,
        histogram: { name: 'graphql_envelop_request_duration', help: 'Time spent on running the GraphQL operation from parse to execute', labelNames },
      }),
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: createHistogram({
        registry, phases: ['subscribe'], fillLabelsFn: operationLabels,
        histogram: { name: 'graphql_envelop_phase_subscribe', help: 'Time spent on running the GraphQL "subscribe" function', labelNames },
      }),
      // No `path` label: an error's path (operators.edges.17.node.riskScore) has a list index and the
      // client's own aliases in it, so a label of it would make series without bound. The logs keep the path.
      graphql_envelop_error_result: createCounter({
        registry, phases: ['parse', 'validate', 'context', 'execute', 'subscribe'],
        fillLabelsFn: (params, context) => {
          const labels = operationLabels(params, context);
          return { ...labels, phase: errorPhase(params, labels.operationType) };
        },
        counter: { name: 'graphql_envelop_error_result', help: 'Counts the amount of errors reported from all phases', labelNames: [...labelNames, 'phase'] },
      }),
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
      graphql_gateway_fetch_duration: true,
    },
  });
}
