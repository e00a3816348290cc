import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import type { ServedSubgraph } from './serve-subgraphs.js';
import { BENCH_SUBGRAPHS } from './subgraphs.js';

/** The supergraph of the served benchmark subgraphs (MIT composition). */
export function composeBenchSupergraph(served: readonly ServedSubgraph[]): string {
  const result = composeServices(served.map(({ name, url }) => {
    const schema = BENCH_SUBGRAPHS[name];
    if (!schema) throw new Error(`no benchmark subgraph ${name}`);
    return { name, url, typeDefs: parse(printSubgraphSchema(schema)) };
  }));
  if (result.errors?.length || !result.supergraphSdl) throw new Error(`benchmark subgraphs do not compose: ${result.errors?.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}
