/*
 * npm run bench:ledger — ledger throughput and replication lag, each against a baseline measured
 * in the same run: verify throughput is reported as a ratio of raw crypto.verify throughput.
 */
import { verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bodyOf, canonicalBytes, FileStore, publicKeyObject, type Entry,
} from '../../subgraphs/ledger/index.js';
import { grant, testNetwork } from '../support/network.js';
import { redisServerAvailable, startRedisServer } from '../support/redis-server.js';
import { measureLag, type LogPlan } from './replication-lag.js';
import { fmt, opsPerSecond, percentile, printTable } from './stats.js';

const N = Number(process.env.BENCH_ENTRIES ?? 5000);
const net = testNetwork(['MX', 'CR']);

const memoryWriter = net.replica('MX');
let entries: Entry[] = [];
const appendMemory = opsPerSecond(N, () => {
  entries = Array.from({ length: N }, (_, i) => memoryWriter.submit(grant('MX', i + 1)));
});
const dir = mkdtempSync(join(tmpdir(), 'mra-bench-'));
const fileWriter = net.replica('MX', new FileStore(dir));
const appendFile = opsPerSecond(N, () => {
  for (let i = 1; i <= N; i++) fileWriter.submit(grant('MX', i));
});
fileWriter.close();
rmSync(dir, { recursive: true, force: true });

const reader = net.replica('CR');
const verifyLedger = opsPerSecond(N, () => entries.forEach((e) => reader.ingest(e)));
const key = publicKeyObject(net.keys.MX?.publicKey ?? '');
const signed = entries.map((e) => ({ bytes: canonicalBytes(bodyOf(e)), signature: Buffer.from(e.signature, 'base64url') }));
const verifyRaw = opsPerSecond(N, () => signed.forEach((s) => verify(null, s.bytes, key, s.signature)));

console.log(`ledger benchmark: ${fmt(N)} entries, node ${process.version}\n`);
printTable([
  ['measure', 'entries/s', 'note'],
  ['append+sign (memory)', fmt(appendMemory), 'decide, sign, verify own entry, fold'],
  ['append+sign (file, fsync)', fmt(appendFile), 'plus one fdatasync per entry'],
  ['verify+apply (replica)', fmt(verifyLedger), 'parse-free ingest: key, hash, signature, link, rules, fold'],
  ['raw crypto.verify (baseline)', fmt(verifyRaw), 'Ed25519 verify of the same bytes only'],
  ['ratio replica / raw verify', fmt(verifyLedger / verifyRaw, 2), 'share of raw verify throughput kept'],
]);

// Replication lag, hub against no hub, in the same run: three fresh redis-servers, one shared by
// every authority (the hub) and the same three each carrying one authority's chain (no hub).
if (await redisServerAvailable()) {
  const servers = [await startRedisServer(), await startRedisServer(), await startRedisServer()];
  // `npm run bench:ledger` execs this process, so npm's SIGTERM (a supervisor's) lands here, as
  // Ctrl-C does: stop the servers this run started instead of leaving them behind.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      for (const server of servers) void server.stop();
      process.exit(128 + constants.signals[signal]);
    });
  }
  const lagNet = testNetwork(['MX', 'CR', 'PE']);
  const M = Math.min(Math.floor(N / 3), 600);
  const plans: [string, LogPlan][] = [
    ['shared Redis (one hub for all)', { kind: 'shared', url: servers[0]?.url as string }],
    ['hubless (one Redis per authority)', { kind: 'per-authority', urls: { MX: servers[0]?.url as string, CR: servers[1]?.url as string, PE: servers[2]?.url as string } }],
  ];
  const rows: string[][] = [['topology', 'delivered', 'entries/s', 'p50 ms', 'p99 ms', 'max ms']];
  const p50s: number[] = [];
  for (const [name, plan] of plans) {
    const { lags, expected, rate } = await measureLag(lagNet, plan, M);
    p50s.push(percentile(lags, 50));
    rows.push([name, `${fmt(lags.length)}/${fmt(expected)}`, fmt(rate), fmt(percentile(lags, 50), 2), fmt(percentile(lags, 99), 2), fmt(Math.max(...lags), 2)]);
  }
  for (const server of servers) await server.stop();
  console.log(`\nreplication lag: MX, CR and PE each write ${fmt(M)} entries, steady pace; lag = submit at the writer → verified and applied at each other replica`);
  printTable(rows);
  console.log(`ratio hubless / shared p50: ${fmt((p50s[1] ?? Number.NaN) / (p50s[0] ?? Number.NaN), 2)}`);
} else {
  console.log('\nreplication lag: skipped, redis-server is not installed');
}
