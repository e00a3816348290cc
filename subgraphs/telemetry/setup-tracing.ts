import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  /**
   * `service.name` of this process's spans: the kind of server (mra-hub-gateway, mra-hub-node),
   * as OpenTelemetry names a service; which authority's it is goes in `attributes`.
   */
  readonly serviceName: string;
  /** More attributes of this process's resource, e.g. `mra.country: MX` for MX's node. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The OTLP/HTTP traces endpoint, e.g. http://127.0.0.1:4318/v1/traces. */
  readonly endpoint: string;
}

export interface Tracing {
  /** Sends every finished span now. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let installed: Tracing | undefined;

/**
 * Turns OpenTelemetry tracing on for this process: spans batched to an OTLP/HTTP collector,
 * W3C `traceparent` propagation, and an async-local context so a span follows its request
 * through every await. Off unless called (the API is then a no-op). Once per process: a second
 * call returns the first setup (a process running a gateway beside its nodes shares one).
 */
export function setupTracing(options: TracingOptions): Tracing {
  if (installed) return installed;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ ...options.attributes, 'service.name': options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: options.endpoint }), { scheduledDelayMillis: 500 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  installed = { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
  return installed;
}

/**
 * Sends every span finished so far, if tracing is on (else resolves at once). Called when a
 * server closes: the batch processor would send them only after its delay, which a process that
 * exits at once never reaches. Flush, not shut down: the provider is the process's, which may run
 * several servers (a gateway beside its nodes, tests).
 */
export async function flushTracing(withinMs = FLUSH_WITHIN_MS): Promise<void> {
  if (!installed) return;
  // Best effort, as tracing is: a collector that is down does not make closing fail, and one that
  // does not answer does not hold it past `withinMs` (the exporter would wait 10 s, the whole
  // close deadline).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, withinMs);
  });
  await Promise.race([installed.flush().catch(() => undefined), waited]);
  clearTimeout(timer);
}

/** How long closing waits for the last spans to be sent. */
const FLUSH_WITHIN_MS = 2_000;

/** True once `setupTracing` ran in this process. */
export function tracingOn(): boolean {
  return installed !== undefined;
}

/** The standard OpenTelemetry variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
export function tracesEndpointFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return env.OTEL_EXPORTER_OTLP_ENDPOINT ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` : undefined;
}
