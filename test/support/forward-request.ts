import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request headers a test proxy passes on to the node (the trace context too). */
const FORWARDED = ['content-type', 'accept', 'authorization', 'traceparent', 'tracestate'];

/** Sends one HTTP request a test proxy received (its body already read) to `target`, and its answer back; 502 when the target does not answer. */
export async function forwardRequest(target: URL, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  try {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'POST', headers, ...(req.method === 'GET' ? {} : { body }) });
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch {
    res.writeHead(502).end();
  }
}
