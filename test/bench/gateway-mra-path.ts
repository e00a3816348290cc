import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compiled } from '../support/compiled.js';
import { cpuMsOfPid, post, startBenchProcess, timedLoad, type BenchProcess, type Load } from './bench-process.js';
import { fmt, printTable } from './stats.js';

/** What mra-network-process.ts prints once the network is up. */
interface Ready {
  /** MX's gateway, asking the demo's CR node, which runs in the gateway's own process (as `npm start` runs it). */
  gateway: string;
  /** MX's gateway, asking CR's node in an OS process of its own (`mra-hub node`, as deployed). */
  deployedGateway: string;
  mx: string;
  cr: string;
  crProcess: string;
  crProcessPid: number;
  officer: string;
  analyst: string;
}

/** One lookup, sent through MX's gateway and straight to the node that can answer it alone. */
interface Lookup {
  readonly name: string;
  readonly query: string;
  readonly caller: 'officer' | 'analyst';
  /** Which of MX's gateways: where the owner's node runs is what it tells apart for private fields. */
  readonly gateway: 'gateway' | 'deployedGateway';
  /** The node the same query goes to directly: the home replica, or the owner's node for private fields. */
  readonly direct: 'mx' | 'cr' | 'crProcess';
  /** Target ratio of gateway p50 to direct p50 (issue 9), or none (reported only). */
  readonly target?: number;
}

const PRIVATE = '{ operator(aeoId: "CR-AEO-000002") { aeoId status riskScore } }';

const LOOKUPS: readonly Lookup[] = [
  { name: 'public fields', query: '{ operator(aeoId: "CR-AEO-000002") { aeoId country status } }', caller: 'officer', gateway: 'gateway', direct: 'mx', target: 1.5 },
  { name: 'shared fields (terms)', query: '{ operator(aeoId: "CR-AEO-000002") { aeoId status legalName validUntil } }', caller: 'officer', gateway: 'gateway', direct: 'mx' },
  // As deployed: CR's node is on CR's machine, so through the gateway CR's work only adds waiting.
  { name: "private field (owner CR), owner's node in its own process (as deployed)", query: PRIVATE, caller: 'analyst', gateway: 'deployedGateway', direct: 'crProcess', target: 2.5 },
  // As `npm start` runs it: through the gateway, one process does the gateway's work and CR's; direct, only CR's.
  // Held to the same target: the bench does not choose the topology that suits a figure.
  { name: "private field (owner CR), owner's node in the gateway's process (as npm start runs it)", query: PRIVATE, caller: 'analyst', gateway: 'gateway', direct: 'cr', target: 2.5 },
];

/** Rounds of the same pair of runs: a neighbour's burst on a shared machine lands in one of them, not in the median. */
const ROUNDS = 3;

/**
 * The MRA path: MX's gateway (beside MX's node, as in `npm start`) against the node that answers
 * the same lookup alone, at 1 and at `connections` connections, p50 latency measured per request.
 * Private fields come from their owner's node, measured twice: in an OS process of its own, as
 * deployed (in a real MRA it is another authority's machine), and in the gateway's process, as
 * `npm start` runs it (held to the same target). Both answers must be identical. The two are measured
 * in alternating runs (node then gateway, then gateway then node, ...), `seconds` split over three
 * rounds; each round gives a ratio and the table shows the median round. Returns false when a
 * target ratio is missed.
 */
export async function benchMraPath(options: { seconds: number; connections: readonly number[] }): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'mra-hub-bench-'));
  let network: BenchProcess<Ready> | undefined;
  const rows: string[][] = [['lookup', 'connections', 'direct p50 ms', 'gateway p50 ms', 'ratio', 'target', 'direct req/s', 'gateway req/s']];
  const cpu: string[][] = [['lookup', 'connections', 'direct: the node', "via the gateway: the gateway's process", "via the gateway: CR's own process"]];
  let met = true;
  try {
    network = await startBenchProcess<Ready>(compiled('test/bench/mra-network-process.ts'), [dir]);
    const processes = { network, ownerPid: network.ready.crProcessPid };
    for (const lookup of LOOKUPS) {
      const body = JSON.stringify({ query: lookup.query });
      const headers = { authorization: `Bearer ${network.ready[lookup.caller]}` };
      const [direct, viaGateway] = [network.ready[lookup.direct], network.ready[lookup.gateway]];
      const [nodeAnswer, gatewayAnswer] = [await post(direct, body, headers), await post(viaGateway, body, headers)];
      if (nodeAnswer.errors || !isDeepStrictEqual(nodeAnswer, gatewayAnswer)) {
        throw new Error(`${lookup.name}: the gateway and the node answer differently:\n${JSON.stringify(nodeAnswer)}\n${JSON.stringify(gatewayAnswer)}`);
      }
      for (const connections of options.connections) {
        const run = (url: string) => measuredRun(processes, url, body, { connections, seconds: options.seconds / ROUNDS, headers });
        const { node, gateway, ratio } = await medianRound(lookup.name, direct, viaGateway, run);
        if (lookup.target !== undefined && ratio > lookup.target) met = false;
        rows.push([lookup.name, String(connections), fmt(node.p50, 2), fmt(gateway.p50, 2), `${fmt(ratio, 2)}×`,
          lookup.target === undefined ? '' : `≤ ${lookup.target}×`, fmt(node.rps), fmt(gateway.rps)]);
        const deployed = lookup.gateway === 'deployedGateway';
        cpu.push([lookup.name, String(connections), fmt(lookup.direct === 'crProcess' ? node.ownerCpu : node.networkCpu, 3),
          fmt(gateway.networkCpu, 3), deployed ? fmt(gateway.ownerCpu, 3) : '']);
      }
    }
  } finally {
    // CR's node process is the network process's child; SIGKILL leaves the network process no time to stop it.
    if (network) killByPid(network.ready.crProcessPid);
    network?.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
  printTable(rows);
  console.log(`\nCPU ms per lookup in the same median round (the gateway's process also holds MX's node, and CR's as npm start runs it)\n`);
  printTable(cpu);
  return met;
}

/** A load run with the CPU time each process under test spent on it, per request. */
interface Measured extends Load {
  /** The network process: MX's gateways and nodes (and the demo's own CR node). */
  readonly networkCpu: number;
  /** CR's node in its own process. */
  readonly ownerCpu: number;
}

async function measuredRun(
  processes: { network: BenchProcess<Ready>; ownerPid: number }, url: string, body: string, options: Parameters<typeof timedLoad>[2],
): Promise<Measured> {
  const [network, owner] = [await processes.network.cpuMs(), cpuMsOfPid(processes.ownerPid)];
  const load = await timedLoad(url, body, options);
  return { ...load, networkCpu: (await processes.network.cpuMs() - network) / load.requests, ownerCpu: (cpuMsOfPid(processes.ownerPid) - owner) / load.requests };
}

/** A warm-up, then ROUNDS rounds of node and gateway runs in alternating order; the round with the median ratio. */
async function medianRound(name: string, direct: string, viaGateway: string, run: (url: string) => Promise<Measured>) {
  await run(viaGateway); // warm-up: plans, caches and connections
  const rounds: { node: Measured; gateway: Measured; ratio: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [first, second] = round % 2 === 0 ? [direct, viaGateway] : [viaGateway, direct];
    const [a, b] = [await run(first), await run(second)];
    const [node, gateway] = first === direct ? [a, b] : [b, a];
    if (node.failures + gateway.failures > 0) throw new Error(`${name}: ${node.failures + gateway.failures} failed requests`);
    rounds.push({ node, gateway, ratio: gateway.p50 / node.p50 });
  }
  return [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(ROUNDS / 2)] as (typeof rounds)[number];
}

/** SIGKILL to a process the bench started through another; gone already is fine. */
function killByPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
