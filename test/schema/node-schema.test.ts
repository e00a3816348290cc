import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSubgraphSdl } from '../../schema/index.js';

describe('schema: schema/node.graphql', () => {
  it('is the SDL the node serves (run `npm run schema` after changing the schema)', async () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'node.graphql'), 'utf8')).toBe(await nodeSubgraphSdl());
  });

  it('keeps the names other tools rely on', async () => {
    const sdl = await nodeSubgraphSdl();
    for (const name of ['operator(aeoId: String!): Operator', 'operators(', 'mra(id: String!): Mra', 'mras: [Mra!]!', 'authority(country: String!): Authority',
      'ledgerHead(country: String!): LedgerHead', 'operatorStatusChanged(country: String): OperatorStatusChange!', 'type Operator', '@key(fields: "aeoId")',
      'grantAeo(', 'updateAeo(', 'suspendAeo(', 'reinstateAeo(', 'revokeAeo(', 'proposeMra(', 'approveMra(', 'retireFromMra(']) {
      expect(sdl).toContain(name);
    }
  });
});

describe('schema: country nodes compose into a Federation 2 supergraph', () => {
  it('MX and CR nodes compose with MIT composition when the home node alone serves subscriptions', async () => {
    const { composeServices } = await import('@theguild/federation-composition');
    const { parse, visit } = await import('graphql');
    const sdl = await nodeSubgraphSdl();
    // Root subscription fields cannot be shared between subgraphs: a gateway takes them from the
    // caller's home node and composes partners' nodes without them.
    const partner = visit(parse(sdl), { ObjectTypeDefinition: (node) => (node.name.value === 'Subscription' ? null : undefined) });
    const result = composeServices([
      { name: 'mx', typeDefs: parse(sdl), url: 'http://127.0.0.1:4001/graphql' },
      { name: 'cr', typeDefs: partner, url: 'http://127.0.0.1:4002/graphql' },
    ]) as { errors?: readonly Error[]; supergraphSdl?: string };
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toMatch(/type Operator @join__type\(graph: CR, key: "aeoId"\) @join__type\(graph: MX, key: "aeoId"\)/);
  });
});
