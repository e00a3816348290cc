/*
 * npm run bench:cli — how long `mra-hub --help` takes to start, against a bare `node -e 0`, both
 * measured in this run with the same Node (the median of RUNS starts each). Target: ≤ 10×.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../subgraphs/config/package-root.js';
import { fmt, percentile, printTable } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BIN = join(packageRoot(import.meta.dirname), 'subgraphs', 'cli', 'mra-hub.mjs');

/** Median wall time (ms) of starting `node args` to its exit; fails loudly if it fails. */
function medianStart(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return percentile(times, 50);
}

medianStart(['-e', '0']); // warm the file cache for both
const bare = medianStart(['-e', '0']);
const help = medianStart([BIN, '--help']);
const command = medianStart([BIN, 'node', '--help']);
printTable([
  ['start', 'median ms', `× node -e 0`],
  ['node -e 0', fmt(bare, 1), '1.0'],
  ['mra-hub --help', fmt(help, 1), fmt(help / bare, 1)],
  ['mra-hub node --help', fmt(command, 1), fmt(command / bare, 1)],
]);
console.log(`\nmra-hub --help starts in ${fmt(help / bare, 1)}× the time of node -e 0 (target ≤ 10×; Node ${process.version}, ${RUNS} runs each)`);
