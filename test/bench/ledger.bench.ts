/*
 * npm run bench:ledger — ledger throughput and replication lag, each against a baseline measured
 * in the same run: verify throughput is reported as a ratio of raw crypto.verify throughput.
 */
import { verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bodyOf, canonicalBytes, FileStore, openRedisLog, publicKeyObject, Replicator, type Entry,
} from '../../subgraphs/ledger/index.js';
import { grant, testNetwork } from '../support/network.js';
import { REDIS_URL, redisAvailable, uniquePrefix } from '../support/redis.js';
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

if (await redisAvailable()) {
  const prefix = uniquePrefix('bench');
  const [writerLog, readerLog] = [await openRedisLog({ url: REDIS_URL, prefix }), await openRedisLog({ url: REDIS_URL, prefix })];
  const writer = net.replica('MX');
  const follower = net.replica('CR');
  const sent = new Map<number, number>();
  const lags: number[] = [];
  follower.subscribe((event) => {
    const start = event.kind === 'applied' ? sent.get(event.entry.sequence) : undefined;
    if (start !== undefined) lags.push(performance.now() - start);
  });
  const replicators = [
    new Replicator({ replica: writer, log: writerLog, name: 'MX', blockMs: 1000 }),
    new Replicator({ replica: follower, log: readerLog, name: 'CR', blockMs: 1000 }),
  ];
  for (const r of replicators) await r.start();
  // A steady stream below saturation (one entry every ~2 ms), so the figure is lag, not backlog.
  const M = Math.min(N, 2000);
  const streamStart = performance.now();
  for (let i = 1; i <= M; i++) {
    sent.set(i, performance.now());
    writer.submit(grant('MX', i));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const rate = M / ((performance.now() - streamStart) / 1000);
  const deadline = Date.now() + 30_000;
  while (lags.length < M && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  console.log(`\nreplication over Redis Streams (${REDIS_URL}): ${fmt(lags.length)} of ${fmt(M)} entries at ${fmt(rate)}/s;`);
  console.log('lag from submit at MX to verified and applied at CR\'s replica:');
  printTable([
    ['p50 ms', 'p99 ms', 'max ms'],
    [fmt(percentile(lags, 50), 2), fmt(percentile(lags, 99), 2), fmt(Math.max(...lags), 2)],
  ]);
  for (const r of replicators) await r.stop();
  await writerLog.forgetEverything();
  await Promise.all([writerLog.close(), readerLog.close()]);
} else {
  console.log(`\nreplication lag: skipped, no Redis at ${REDIS_URL}`);
}
