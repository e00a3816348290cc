import useMeshPrometheus from '@graphql-mesh/plugin-prometheus';
import { Registry } from 'prom-client';
import type { Logger as HiveLogger } from '@graphql-hive/logger';

/**
 * Prometheus metrics at `/metrics`: HTTP and GraphQL request durations, errors by phase, and
 * the time and errors of each subgraph fetch (labelled with the subgraph: mx, cr, ...). Each
 * gateway has its own registry, so several can run in one process.
 */
export function metricsPlugin(log: HiveLogger) {
  return useMeshPrometheus({
    endpoint: '/metrics',
    registry: new Registry(),
    log,
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_phase_subscribe: true,
      graphql_envelop_error_result: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
      graphql_gateway_fetch_duration: true,
    },
  });
}
