import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { SpanKind, trace } from '@opentelemetry/api';
import { traceHeaders } from '../../subgraphs/telemetry/index.js';

/**
 * Tracing of the fetches the planner makes itself (an agency's subgraphs): a CLIENT span per
 * subgraph fetch, and the W3C `traceparent` of the request on every upstream HTTP request, so a
 * subgraph's spans join the gateway's trace. The country nodes' fetches are traced by the
 * jurisdiction executor, step by step.
 */
export function useSubgraphTracing(): GatewayPlugin {
  const tracer = trace.getTracer('mra-hub');
  return {
    onSubgraphExecute({ subgraphName }) {
      const span = tracer.startSpan(`subgraph ${subgraphName}`, { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': subgraphName } });
      return () => span.end();
    },
    onFetch({ options, setOptions }) {
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string> | undefined), ...traceHeaders() } });
    },
  };
}
