import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { gatewayConfig, startGateway } from '../../../gateway/index.js';
import { serveSubgraph } from '../../bench/federation/serve-subgraphs.js';

/** One subgraph of a compatibility case: its SDL and resolvers, as a subgraph team writes them. */
export interface CaseSubgraph {
  readonly name: string;
  readonly typeDefs: string;
  readonly resolvers: GraphQLResolverMap<unknown>;
}

export interface ServedCase {
  /** The gateway's /graphql endpoint. */
  readonly url: string;
  readonly supergraph: string;
  close(): Promise<void>;
}

/** Composes the case's subgraphs as `mra-hub` does (MIT composition); the error messages, if any. */
export function composeCase(subgraphs: readonly CaseSubgraph[], urls: readonly string[] = []): { supergraph?: string; errors: string[] } {
  const composed = composeServices(subgraphs.map(({ name, typeDefs, resolvers }, i) => ({
    name, url: urls[i] ?? `http://127.0.0.1/${name}`, typeDefs: parse(printSubgraphSchema(buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }))),
  })));
  return { ...(composed.supergraphSdl ? { supergraph: composed.supergraphSdl } : {}), errors: composed.errors?.map((e) => e.message) ?? [] };
}

/**
 * Serves each subgraph over HTTP, composes them (MIT composition, as `mra-hub compose` does) and
 * starts the gateway on the supergraph file, exactly as `mra-hub gateway --supergraph FILE` does.
 */
export async function serveCase(subgraphs: readonly CaseSubgraph[]): Promise<ServedCase> {
  const schemas = subgraphs.map(({ name, typeDefs, resolvers }) => ({ name, schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }) }));
  const served = await Promise.all(schemas.map(({ name, schema }) => serveSubgraph(name, schema)));
  const closeSubgraphs = async () => {
    for (const subgraph of served) await subgraph.close();
  };
  const { supergraph, errors } = composeCase(subgraphs, served.map((s) => s.url));
  if (errors.length > 0 || !supergraph) {
    await closeSubgraphs();
    throw new Error(`case subgraphs do not compose: ${errors.join('; ')}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'mra-fed-compat-'));
  const file = join(dir, 'supergraph.graphql');
  writeFileSync(file, supergraph);
  const gateway = await startGateway({ config: gatewayConfig({ supergraph: file, listen: { port: 0 }, logLevel: 'error' }) });
  return {
    url: gateway.url,
    supergraph,
    close: async () => {
      await gateway.close();
      await closeSubgraphs();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
