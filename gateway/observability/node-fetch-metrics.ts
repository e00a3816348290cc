import { Histogram, type Registry } from 'prom-client';
import type { NodeClient } from '../jurisdiction/index.js';

/**
 * Times every request the jurisdiction executor sends a country node (`mra_node_fetch_duration_seconds`,
 * labelled with the node and the kind of operation; `outcome` is `ok`, `errors` when the node answered
 * with errors, or `unavailable`). These are the gateway's subgraph fetches for the nodes, whether or not
 * the planner made them.
 */
export function timedNodeClients(clients: ReadonlyMap<string, NodeClient>, registry: Registry): Map<string, NodeClient> {
  const histogram = new Histogram({
    name: 'mra_node_fetch_duration_seconds',
    help: 'Time of each request the gateway sends a country node, by node and outcome',
    labelNames: ['node', 'outcome'],
    registers: [registry],
  });
  const timed = (client: NodeClient): NodeClient => ({
    ...client,
    async query(request, authorization) {
      const end = histogram.startTimer({ node: client.country.toLowerCase() });
      const result = await client.query(request, authorization);
      const unavailable = result.errors?.some((e) => e.extensions?.code === 'NODE_UNAVAILABLE') ?? false;
      end({ outcome: unavailable ? 'unavailable' : result.errors?.length ? 'errors' : 'ok' });
      return result;
    },
  });
  return new Map([...clients].map(([country, client]) => [country, timed(client)]));
}
