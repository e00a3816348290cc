import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compiled } from '../support/compiled.js';
import { load, post, startBenchProcess } from './bench-process.js';
import { BENCH_QUERY, composeBenchSupergraph, serveBenchSubgraphs } from './federation/index.js';
import { fmt, printTable } from './stats.js';

interface Measured { name: string; rps: number; cpuMsPerRequest: number; p99: number }

const GATEWAYS = [
  ['mra-hub gateway', 'mra-hub'],
  ['bare Hive Gateway, Rust planner', 'hive'],
  ['@apollo/gateway 2.14', 'apollo'],
] as const;

/**
 * The four subgraphs of the public gateway benchmarks (accounts, products, inventory, reviews)
 * behind each gateway in its own process, measured in this run with the same query; all must
 * give identical answers. Returns false when a target of issue 9 is missed (≥ 3× Apollo's
 * requests/s; ≤ 1.2× the CPU per request of the bare Hive Gateway).
 */
export async function benchFederation(options: { seconds: number; connections: number }): Promise<boolean> {
  const body = JSON.stringify({ query: BENCH_QUERY });
  const served = await serveBenchSubgraphs();
  const file = join(tmpdir(), `mra-hub-bench-supergraph-${process.pid}.graphql`);
  writeFileSync(file, composeBenchSupergraph(served.subgraphs));
  const results: Measured[] = [];
  let reference: unknown;
  try {
    for (const [name, kind] of GATEWAYS) {
      const gateway = await startBenchProcess<string>(compiled('test/bench/gateway-process.ts'), [kind, file]);
      try {
        const answer = await post(gateway.ready, body);
        if (answer.errors || !answer.data) throw new Error(`${name} answered with errors: ${JSON.stringify(answer.errors)}`);
        reference ??= answer.data;
        if (!isDeepStrictEqual(answer.data, reference)) throw new Error(`${name} answered differently from the first gateway`);
        await load(gateway.ready, body, { connections: options.connections, seconds: Math.max(2, options.seconds / 2) });
        const before = await gateway.cpuMs();
        const run = await load(gateway.ready, body, options);
        const cpuMs = await gateway.cpuMs() - before;
        if (run.failures > 0) throw new Error(`${name}: ${run.failures} failed requests`);
        results.push({ name, rps: run.rps, cpuMsPerRequest: cpuMs / run.requests, p99: run.p99 });
      } finally {
        gateway.stop();
      }
    }
  } finally {
    await served.close();
  }
  const [ours, hive, apollo] = results as [Measured, Measured, Measured];
  printTable([
    ['gateway', 'requests/s', 'CPU ms/request', 'p99 ms', '× Apollo req/s', '× bare Hive CPU/request'],
    ...results.map((r) => [r.name, fmt(r.rps), fmt(r.cpuMsPerRequest, 3), fmt(r.p99), fmt(r.rps / apollo.rps, 2), fmt(r.cpuMsPerRequest / hive.cpuMsPerRequest, 2)]),
  ]);
  console.log(`targets: mra-hub ≥ 3× Apollo's requests/s (${fmt(ours.rps / apollo.rps, 2)}×), ≤ 1.2× bare Hive's CPU per request (${fmt(ours.cpuMsPerRequest / hive.cpuMsPerRequest, 2)}×)`);
  return ours.rps >= 3 * apollo.rps && ours.cpuMsPerRequest <= 1.2 * hive.cpuMsPerRequest;
}
