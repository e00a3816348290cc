import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import type { ExecutionResult } from 'graphql';
import { processRegularResult } from 'graphql-yoga';
import { resultMediaType } from '../../subgraphs/node/index.js';
import { graphQLParamsOf, type GraphQLParamsBody } from './graphql-params.js';
import type { HomeLane } from './home-lane.js';
import { withStatusByData } from './status-by-data.js';

export interface FastLaneOptions {
  /** The GraphQL path (`/graphql`). */
  readonly endpoint: string;
  /** Largest request body read here; a larger one goes to the runtime, which refuses it. */
  readonly maxBodyBytes: number;
  /** Operations of the nodes' only that the runtime accepted before: answered without its pipeline. */
  readonly lane?: HomeLane;
}

/**
 * The gateway's HTTP handler. A plain GraphQL POST (JSON in, one JSON result out) runs the
 * runtime's own operation pipeline (`getResultForParams`: its params hooks, parse and validate
 * caches, limits, authentication, execution, error masking, result hooks) and its own result
 * processing (status and media type), but is read and answered directly on Node's HTTP objects:
 * one body read, one write. Everything else goes to the runtime unchanged (with the body, once
 * read, handed over as `req.body`): GET, GraphiQL, SSE, multipart, websocket upgrades, /healthz,
 * /readyz, /metrics, and any request from a browser page (an `Origin` header: CORS and CSRF are
 * the runtime's). Its request hooks (`onRequest`, `onResponse`) do not run for the fast lane: the
 * runtime's HTTP-level duration metric counts only what it serves itself.
 */
export function fastLane(runtime: GatewayRuntime, options: FastLaneOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const handOver = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    if (body) Object.assign(req, { body });
    void runtime(req, res);
  };
  return (req, res) => {
    // A JSON type the client accepts (q-values honoured); else the runtime decides (a stream, or 406).
    const media = resultMediaType(req.headers.accept);
    const length = req.headers['content-length'];
    if (req.method !== 'POST' || pathOf(req.url) !== options.endpoint || !media || !/^application\/json\b/i.test(req.headers['content-type'] ?? '')
      || req.headers.origin !== undefined
      || (length !== undefined && !(/^\d+$/.test(length) && Number(length) <= options.maxBodyBytes))) {
      handOver(req, res);
      return;
    }
    readBody(req, options.maxBodyBytes).then((body) => {
      if (!body) {
        // What the runtime answers a body over its limit with (graphql-yoga's REQUEST_ENTITY_TOO_LARGE).
        refuse(res, 413, 'Request body too large', 'REQUEST_ENTITY_TOO_LARGE');
        return;
      }
      const params = graphQLParamsOf(body);
      if (!params) {
        handOver(req, res, body);
        return;
      }
      const inLane = options.lane?.answer(params, req);
      if (inLane) return inLane.then((result) => write(req, res, result, media, runtime.fetchAPI));
      return answer(runtime, req, res, params, media);
    }).catch(() => {
      // Nothing of the failure is shown (as the error mask would); a response already begun cannot be finished.
      if (res.headersSent) res.destroy();
      else refuse(res, 500, 'internal error', 'INTERNAL_SERVER_ERROR');
    });
  };
}

/** Runs one operation through the runtime's pipeline and writes its result in one go. */
async function answer(runtime: GatewayRuntime, req: IncomingMessage, res: ServerResponse, params: GraphQLParamsBody, media: string): Promise<void> {
  // What the runtime's onRequestParse does first: load the supergraph (or take the loaded one).
  await runtime.getSchema();
  const request = new runtime.fetchAPI.Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: 'POST', headers: headersOf(req) });
  const context = { req, res, request, params, waitUntil: (promise: Promise<unknown>) => void promise.catch(() => undefined) };
  const result = await runtime.getResultForParams({ params: params as never, request }, context as never);
  if (!result || isAsyncIterable(result)) throw new Error('the fast lane got no single result');
  await write(req, res, result, media, runtime.fetchAPI);
}

/**
 * Writes a result as the runtime's result processing would (status from its data and errors,
 * internals stripped); a result without errors or extensions is plain JSON with status 200.
 */
async function write(req: IncomingMessage, res: ServerResponse, answered: ExecutionResult, media: string, fetchAPI: GatewayRuntime['fetchAPI']): Promise<void> {
  const result = withStatusByData(answered);
  const headers: Record<string, string> = { 'x-request-id': req.headers['x-request-id']?.toString() ?? randomUUID() };
  let status = 200;
  let text: string;
  if (!result.errors && !result.extensions) {
    const { stringify = JSON.stringify } = result as { stringify?: (value: unknown) => string };
    text = stringify(result);
    headers['content-type'] = `${media}; charset=utf-8`;
  } else {
    const response = processRegularResult(result, fetchAPI, media);
    text = await response.text();
    status = response.status;
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
  }
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(status, headers);
  res.end(text);
}

/** The whole body, or undefined once it passes `limit` (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/** One coded error, as JSON with `status`. */
function refuse(res: ServerResponse, status: number, message: string, code: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function headersOf(req: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) pairs.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
  return pairs;
}

function pathOf(url: string | undefined): string {
  const end = url?.indexOf('?') ?? -1;
  return end === -1 ? url ?? '/' : (url as string).slice(0, end);
}
