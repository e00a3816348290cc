import { afterAll, beforeAll } from 'vitest';
import { gql } from '../../support/graphql-client.js';
import { serveCase, type CaseSubgraph, type ServedCase } from './serve-case.js';

/** A case served for one `describe`: started in beforeAll, every server closed in afterAll. */
export function servedCase(subgraphs: readonly CaseSubgraph[]): { url: () => string; supergraph: () => string } {
  let served: ServedCase | undefined;
  beforeAll(async () => {
    served = await serveCase(subgraphs);
  });
  afterAll(async () => {
    await served?.close();
  });
  return { url: () => served?.url ?? '', supergraph: () => served?.supergraph ?? '' };
}

/** The gateway's answer as a client sees it: data, and errors only when there are some. */
export async function ask(url: string, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await gql(url, query, variables);
  return errors === undefined ? { data } : { data, errors };
}
