import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.js';

/** One span as an OTLP/HTTP JSON export carries it (ids in hex). */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly service: string;
  /** The string attributes of the resource that sent it (`service.name`, ...). */
  readonly resource: Readonly<Record<string, string>>;
}

interface Export {
  resourceSpans?: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans?: { spans?: Omit<ReceivedSpan, 'service' | 'resource'>[] }[] }[];
}

/** A stand-in OpenTelemetry collector on loopback: takes OTLP/HTTP JSON trace exports and keeps their spans. */
export async function otlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const exported = JSON.parse(body) as Export;
      for (const resource of exported.resourceSpans ?? []) {
        const attributes = Object.fromEntries((resource.resource?.attributes ?? []).map((a) => [a.key, a.value.stringValue ?? '']));
        const service = attributes['service.name'] ?? '';
        for (const scope of resource.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ ...span, service, resource: attributes });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
