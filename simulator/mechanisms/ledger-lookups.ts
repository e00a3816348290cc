import { execute, parse } from 'graphql';
import { buildNodeSchema, CountryNode, type NodeContext } from '../../subgraphs/node/index.js';
import type { Replica } from '../../subgraphs/ledger/index.js';
import { Rng } from '../random.js';
import type { World } from '../world.js';

const STATUS_QUERY = parse('query($id: String!) { operator(aeoId: $id) { status } }');

/**
 * Once a day a partner officer looks an AEO up through that partner's real GraphQL node; the
 * answer must match what replication delivered there (`expected`), else it is a mismatch.
 */
export async function nodeLookups(world: World, replicas: ReadonlyMap<string, Replica>, mode: string) {
  const schema = await buildNodeSchema();
  const nodes = new Map([...replicas].map(([country, replica]) => [country, new CountryNode({ country, replica, now: () => new Date(0) })]));
  const foreignOf = new Map([...nodes.keys()].map((partner) => [partner, world.operators.filter((op) => op.country !== partner)]));
  const rng = new Rng(world.seed, 'node-queries', mode);
  const counts = { queries: 0, mismatches: 0 };
  return {
    counts,
    /** One lookup per partner; `expected(partner, aeoId)` is the status replication delivered. */
    async lookUp(expected: (partner: string, aeoId: string) => string): Promise<void> {
      for (const [partner, node] of nodes) {
        const foreign = foreignOf.get(partner) ?? [];
        if (foreign.length === 0) continue;
        const op = rng.pick(foreign);
        const context: NodeContext = { node, caller: { country: partner, role: 'officer', subject: 'sim' }, authError: null };
        const result = await execute({ schema, document: STATUS_QUERY, variableValues: { id: op.aeoId }, contextValue: context });
        counts.queries += 1;
        if ((result.data?.operator as { status?: string } | null)?.status !== expected(partner, op.aeoId)) counts.mismatches += 1;
      }
    },
    close: () => nodes.forEach((node) => node.close()),
  };
}
