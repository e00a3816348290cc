import { isDeepStrictEqual } from 'node:util';
import { compiled } from '../support/compiled.js';
import { post, startBenchProcess, timedLoad, type Load } from './bench-process.js';
import { fmt, printTable } from './stats.js';

interface Ready { gateway: string; mx: string; cr: string; officer: string; analyst: string }

/** One lookup, sent through MX's gateway and straight to the node that can answer it alone. */
interface Lookup {
  readonly name: string;
  readonly query: string;
  readonly caller: 'officer' | 'analyst';
  /** The node the same query goes to directly: the home replica, or the owner's node for private fields. */
  readonly direct: 'mx' | 'cr';
  /** Target ratio of gateway p50 to direct p50 (issue 9), or none (reported only). */
  readonly target?: number;
}

const LOOKUPS: readonly Lookup[] = [
  { name: 'public fields', query: '{ operator(aeoId: "CR-AEO-000002") { aeoId country status } }', caller: 'officer', direct: 'mx', target: 1.5 },
  { name: 'shared fields (terms)', query: '{ operator(aeoId: "CR-AEO-000002") { aeoId status legalName validUntil } }', caller: 'officer', direct: 'mx' },
  { name: 'private field (owner CR)', query: '{ operator(aeoId: "CR-AEO-000002") { aeoId status riskScore } }', caller: 'analyst', direct: 'cr', target: 2.5 },
];

/** Rounds of the same pair of runs: a neighbour's burst on a shared machine lands in one of them, not in the median. */
const ROUNDS = 3;

/**
 * The MRA path: MX's gateway (beside MX's node, as in `npm start`) against the node that answers
 * the same lookup alone, at 1 and at `connections` connections, p50 latency measured per request.
 * Both answers must be identical. The two are measured in alternating runs (node then gateway,
 * then gateway then node, ...), `seconds` split over three rounds; each round gives a ratio
 * and the table shows the median round. Returns false when a target ratio is missed.
 */
export async function benchMraPath(options: { seconds: number; connections: readonly number[] }): Promise<boolean> {
  const network = await startBenchProcess<Ready>(compiled('test/bench/mra-network-process.ts'));
  const rows: string[][] = [['lookup', 'connections', 'direct p50 ms', 'gateway p50 ms', 'ratio', 'target', 'direct req/s', 'gateway req/s']];
  let met = true;
  try {
    const { ready } = network;
    for (const lookup of LOOKUPS) {
      const body = JSON.stringify({ query: lookup.query });
      const headers = { authorization: `Bearer ${ready[lookup.caller]}` };
      const direct = ready[lookup.direct];
      const [viaNode, viaGateway] = [await post(direct, body, headers), await post(ready.gateway, body, headers)];
      if (viaNode.errors || !isDeepStrictEqual(viaNode, viaGateway)) {
        throw new Error(`${lookup.name}: the gateway and the node answer differently:\n${JSON.stringify(viaNode)}\n${JSON.stringify(viaGateway)}`);
      }
      for (const connections of options.connections) {
        const run = (url: string): Promise<Load> => timedLoad(url, body, { connections, seconds: options.seconds / ROUNDS, headers });
        await run(ready.gateway); // warm-up: plans, caches and connections
        const rounds: { node: Load; gateway: Load; ratio: number }[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const [first, second] = round % 2 === 0 ? [direct, ready.gateway] : [ready.gateway, direct];
          const [a, b] = [await run(first), await run(second)];
          const [node, gateway] = first === direct ? [a, b] : [b, a];
          if (node.failures + gateway.failures > 0) throw new Error(`${lookup.name}: ${node.failures + gateway.failures} failed requests`);
          rounds.push({ node, gateway, ratio: gateway.p50 / node.p50 });
        }
        const { node, gateway, ratio } = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(ROUNDS / 2)] as (typeof rounds)[number];
        if (lookup.target !== undefined && ratio > lookup.target) met = false;
        rows.push([lookup.name, String(connections), fmt(node.p50, 2), fmt(gateway.p50, 2), `${fmt(ratio, 2)}×`,
          lookup.target === undefined ? '' : `≤ ${lookup.target}×`, fmt(node.rps), fmt(gateway.rps)]);
      }
    }
  } finally {
    network.stop();
  }
  printTable(rows);
  return met;
}
