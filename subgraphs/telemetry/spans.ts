import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { tracingOn } from './setup-tracing.js';

const tracer = () => trace.getTracer('mra-hub');

/**
 * An HTTP handler whose every request is a SERVER span, continuing the caller's trace when it
 * sent a W3C `traceparent`; the span is active while the request is handled and ends with the
 * response. With tracing off (not set up in this process) it only calls the handler.
 */
export function tracedHandler(name: string, attributes: Attributes, handler: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!tracingOn()) {
      handler(req, res);
      return;
    }
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer().startSpan(name, {
      kind: SpanKind.SERVER,
      attributes: { ...attributes, 'http.request.method': req.method ?? '', 'url.path': req.url ?? '' },
    }, parent);
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => handler(req, res));
  };
}

/** Runs `work` in a child span of the active one (INTERNAL, or CLIENT for a call to another node). */
export async function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!tracingOn()) return work();
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C trace headers (`traceparent`, `tracestate`) of the active span, to send with a request. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
