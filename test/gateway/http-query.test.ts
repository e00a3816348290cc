import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postQuery } from '../../gateway/jurisdiction/http-query.js';

const LOOKUP = parse('query ($id: String!) { operator(aeoId: $id) { riskScore } }');

/** A stand-in node: each path answers in its own way; every request it got is kept. */
function fakeNode(): Promise<{ url: (path: string) => URL; received: { headers: IncomingMessage['headers']; body: string }[]; server: Server }> {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const answers: Record<string, (res: ServerResponse) => void> = {
    '/graphql': (res) => json(res, 200, { data: { operator: null }, errors: [{ message: 'Operator.riskScore is not shared', path: ['operator', 'riskScore'], locations: [{ line: 1, column: 40 }], extensions: { code: 'FORBIDDEN' } }] }),
    '/unauthenticated': (res) => json(res, 401, { errors: [{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }] }),
    '/proxy-error': (res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    },
    '/slow': (res) => void setTimeout(() => json(res, 200, { data: {} }), 2_000),
    // Headers at once, then the answer a byte at a time: no phase is ever idle for long.
    '/trickle': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const text = JSON.stringify({ data: { operator: { riskScore: 31 } } });
      let sent = 0;
      const next = setInterval(() => {
        if (res.destroyed || sent >= text.length) {
          clearInterval(next);
          res.end();
          return;
        }
        res.write(text[sent++]);
      }, 50);
    },
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => void (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      answers[req.url ?? '']?.(res);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    resolve({ url: (path) => new URL(`http://127.0.0.1:${port}${path}`), received, server });
  }));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/graphql-response+json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

describe('gateway: a query sent to a node over HTTP', () => {
  let node: Awaited<ReturnType<typeof fakeNode>>;
  beforeAll(async () => {
    node = await fakeNode();
  });
  afterAll(() => new Promise<void>((resolve) => {
    node.server.closeAllConnections();
    node.server.close(() => resolve());
  }));

  it('carries the document, its variables and the caller\'s headers; the node\'s errors come back as GraphQL errors with path and code', async () => {
    const result = await postQuery(node.url('/graphql'), { document: LOOKUP, variables: { id: 'CR-AEO-000042' } }, { authorization: 'Bearer t' }, 1_000);
    const sent = node.received.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer t');
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ query: expect.stringContaining('operator(aeoId: $id)'), variables: { id: 'CR-AEO-000042' } });
    expect(result?.data).toEqual({ operator: null });
    expect(result?.errors?.[0]).toBeInstanceOf(GraphQLError);
    expect(result?.errors?.[0]?.toJSON()).toEqual({ message: 'Operator.riskScore is not shared', path: ['operator', 'riskScore'], extensions: { code: 'FORBIDDEN' } });
  });

  it('a refusal with an HTTP error status is still the node\'s GraphQL answer', async () => {
    const result = await postQuery(node.url('/unauthenticated'), { document: LOOKUP }, {}, 1_000);
    expect(result?.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('an answer still trickling in when the time is up is no answer: the timeout is for the whole exchange', async () => {
    // The whole answer takes over two seconds to arrive, yet no gap between its bytes is long.
    expect(await postQuery(node.url('/trickle'), { document: LOOKUP }, {}, 300)).toBeUndefined();
  });

  it('no GraphQL answer (a proxy\'s error page, silence past the timeout, nobody listening) is undefined', async () => {
    expect(await postQuery(node.url('/proxy-error'), { document: LOOKUP }, {}, 1_000)).toBeUndefined();
    expect(await postQuery(node.url('/slow'), { document: LOOKUP }, {}, 200)).toBeUndefined();
    expect(await postQuery(new URL('http://127.0.0.1:9/graphql'), { document: LOOKUP }, {}, 1_000)).toBeUndefined();
  });
});
