/** OpenTelemetry for gateways and nodes: setup (off by default), request spans, W3C propagation. */
export { flushTracing, setupTracing, tracesEndpointFromEnv, tracingOn, type Tracing, type TracingOptions } from './setup-tracing.js';
export { inSpan, tracedHandler, traceHeaders } from './spans.js';
