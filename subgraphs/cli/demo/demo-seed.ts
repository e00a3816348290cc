import { parse } from 'graphql';
import { nodeClient } from '../../../gateway/index.js';
import { CADENA_TERMS, DEMO_OPERATORS, grantInput } from './demo-data.js';
import { mraActive, type DemoCountry, type DemoNetwork } from './demo-network.js';

/** Runs a mutation on `country`'s own node as its admin; the demo stops on any error. */
async function mutateAt(net: DemoNetwork, country: DemoCountry, query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const client = nodeClient(country, net.nodes[country].server.url);
  const result = await client.query({ document: parse(query), variables }, `Bearer ${await net.token(country, 'admin')}`);
  if (result.errors?.length) throw new Error(`demo: a mutation at ${country} failed: ${result.errors.map((e) => e.message).join('; ')}`);
}

/** Seeds the demo through the nodes' real mutations, each by its own authority's admin. */
export async function seedDemo(net: DemoNetwork, say: (text: string) => void): Promise<void> {
  const mutate = (country: DemoCountry, query: string, variables?: Record<string, unknown>) => mutateAt(net, country, query, variables);
  await mutate('MX', 'mutation($i: ProposeMraInput!) { proposeMra(input: $i) { status } }', {
    i: { mraId: 'cadena', name: 'CADENA MX–CR', parties: ['MX', 'CR'], terms: CADENA_TERMS },
  });
  await net.until('CR', (r) => r.state.mras.cadena !== undefined, 'the proposal reaching CR');
  await mutate('CR', 'mutation { approveMra(mraId: "cadena") { status } }');
  await net.until('MX', (r) => mraActive(r, 'cadena'), 'CADENA becoming active at MX');
  say('CADENA MX–CR proposed by MX and signed by CR: ACTIVE on both ledgers');
  for (const op of DEMO_OPERATORS) {
    await mutate(op.aeoId.slice(0, 2) as DemoCountry, 'mutation($i: GrantAeoInput!) { grantAeo(input: $i) { aeoId } }', { i: grantInput(op) });
  }
  for (const country of ['MX', 'CR'] as const) {
    await net.until(country, (r) => r.state.operators.size === DEMO_OPERATORS.length, `the grants replicating to ${country}`);
  }
  say(`${DEMO_OPERATORS.length} AEOs granted by their own authorities; private data stays home, its digest is on the ledger`);
}

/** CR suspends an AEO through its own node. */
export function suspendAtCr(net: DemoNetwork, aeoId: string, reason: string): Promise<void> {
  return mutateAt(net, 'CR', 'mutation($id: String!, $r: String!) { suspendAeo(aeoId: $id, reason: $r) { status } }', { id: aeoId, r: reason });
}
