import useMeshPrometheus from '@graphql-mesh/plugin-prometheus';
import type { Registry } from 'prom-client';
import type { Logger as HiveLogger } from '@graphql-hive/logger';

/**
 * Prometheus metrics at `/metrics`: HTTP and GraphQL request durations, errors by operation and
 * phase (not by path), the time and errors of each subgraph fetch the planner makes (labelled
 * `subgraphName`), and the country nodes' fetches (`mra_node_fetch_duration_seconds`, labelled
 * `node` and `outcome`: observability/node-fetch-metrics.ts). Each gateway has its own registry,
 * so several can run in one process.
 */
export function metricsPlugin(log: HiveLogger, registry: Registry) {
  return useMeshPrometheus({
    endpoint: '/metrics',
    registry,
    log,
    // Each histogram costs every request an observation: the phases are left out (parse and
    // validate hit the runtime's caches; execute is most of request_duration) and so is the
    // request summary (a t-digest per request).
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: true,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
      graphql_gateway_fetch_duration: true,
    },
    // An error's path (operators.edges.17.node.riskScore) has a list index and the client's own
    // aliases in it: a label of it would make series without bound. The logs keep the path.
    labels: { path: false },
  });
}
