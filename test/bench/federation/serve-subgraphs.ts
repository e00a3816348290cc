import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { readBody } from '../../support/read-body.js';
import { BENCH_SUBGRAPHS } from './subgraphs.js';

export interface ServedSubgraph {
  readonly name: string;
  readonly url: string;
}

/** Serves each benchmark subgraph over plain GraphQL-over-HTTP (POST JSON); parsed documents are cached. */
export async function serveBenchSubgraphs(): Promise<{ subgraphs: ServedSubgraph[]; close(): Promise<void> }> {
  const served = await Promise.all(Object.entries(BENCH_SUBGRAPHS).map(([name, schema]) => serveSubgraph(name, schema)));
  return {
    subgraphs: served,
    close: async () => {
      for (const subgraph of served) await subgraph.close();
    },
  };
}

/** Serves one subgraph schema (executable, e.g. from buildSubgraphSchema) on a free loopback port. */
export async function serveSubgraph(name: string, schema: GraphQLSchema): Promise<ServedSubgraph & { close(): Promise<void> }> {
  const server = createServer((req, res) => void handle(schema, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const documents = new Map<string, DocumentNode>();

async function handle(schema: GraphQLSchema, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = JSON.parse((await readBody(req)) || '{}') as { query?: string; variables?: Record<string, unknown>; operationName?: string };
  let document = documents.get(body.query ?? '');
  if (!document) {
    document = parse(body.query ?? '');
    const errors = validate(schema, document);
    if (errors.length > 0) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
      return;
    }
    documents.set(body.query ?? '', document);
  }
  const result = await execute({ schema, document, variableValues: body.variables ?? {}, operationName: body.operationName ?? null });
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
}
