/*
 * npm run bench:gateway — this gateway (Hive Gateway runtime with the mra-hub plugins) against
 * @apollo/gateway, both measured in this run on the same four Federation 2 subgraphs (accounts,
 * products, inventory, reviews: the shape of the public gateway benchmarks) with the same query.
 * Each gateway runs in its own process; its CPU time is read from that process alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_QUERY, composeBenchSupergraph, serveBenchSubgraphs } from './federation/index.js';
import { fmt, printTable } from './stats.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Math.max(2, Math.round(DURATION / 4));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const body = JSON.stringify({ query: BENCH_QUERY });

const served = await serveBenchSubgraphs();
const file = join(tmpdir(), `mra-hub-bench-supergraph-${process.pid}.graphql`);
writeFileSync(file, composeBenchSupergraph(served.subgraphs));

interface Measured { name: string; rps: number; cpuMsPerRequest: number; p99: number; failures: number }
const results: Measured[] = [];
let reference: unknown;
for (const [name, kind] of [['mra-hub (Hive Gateway runtime 1.x)', 'mra-hub'], ['@apollo/gateway 2.14', 'apollo']] as const) {
  const { child, url } = await startGatewayProcess(kind);
  try {
    const answer = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json() as { data?: unknown; errors?: unknown };
    if (answer.errors || !answer.data) throw new Error(`${name} answered with errors: ${JSON.stringify(answer.errors)}`);
    reference ??= answer.data;
    if (!isDeepStrictEqual(answer.data, reference)) throw new Error(`${name} answered differently from the first gateway`);
    await load(url, WARMUP);
    const before = await cpuOf(child);
    const result = await load(url, DURATION);
    const after = await cpuOf(child);
    const cpuMs = (after.user + after.system - before.user - before.system) / 1000;
    results.push({ name, rps: result.requests.total / DURATION, cpuMsPerRequest: cpuMs / result.requests.total, p99: result.latency.p99, failures: result.non2xx + result.errors });
  } finally {
    child.kill('SIGKILL'); // the runtime traps SIGTERM for a graceful drain; a bench child need not drain
  }
}
await served.close();

const [ours, apollo] = results as [Measured, Measured];
printTable([
  ['gateway', 'requests/s', 'gateway CPU ms/request', 'p99 ms', 'failures'],
  ...results.map((r) => [r.name, fmt(r.rps), fmt(r.cpuMsPerRequest, 3), fmt(r.p99), String(r.failures)]),
]);
console.log(`\nratio mra-hub / @apollo/gateway: throughput ${fmt(ours.rps / apollo.rps, 2)}×, CPU per request ${fmt(ours.cpuMsPerRequest / apollo.cpuMsPerRequest, 2)}×`);
console.log(`(${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up; both gateways gave identical answers; BENCH_SECONDS and BENCH_CONNECTIONS change the load)`);

function load(url: string, seconds: number) {
  return autocannon({ url, method: 'POST', connections: CONNECTIONS, duration: seconds, body, headers: { 'content-type': 'application/json' } });
}

function startGatewayProcess(kind: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [TSX, join(import.meta.dirname, 'gateway-process.ts'), kind, file], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} gateway exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const url = /^ready (\S+)/.exec(line)?.[1];
      if (url) resolve({ child, url });
    });
  });
}

function cpuOf(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child.once('message', (usage) => resolve(usage as NodeJS.CpuUsage));
    child.send('cpu');
  });
}
