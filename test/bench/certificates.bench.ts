/*
 * npm run bench:certificates — phytosanitary certificates issued and delivered per second between
 * two real `mra-hub node` processes (CR exporter, MX importer) replicating over Redis, against the
 * IPPC ePhyto Hub's stated capacity of 100,000 certificates a day (Miller Magazine, Jul 2021).
 *
 * issued:     CR officers call issueCertificate (ePhyto XML) at CR's node: parse, validate, digest,
 *             sign the entry, fsync the ledger and the document.
 * delivered:  MX's node, once the entry has arrived over Redis, fetches each document from CR's
 *             node with MX's own token, checks its digest, signs and fsyncs CERT_RECEIVED.
 * end to end: both at once; a certificate counts when MX has recorded its receipt.
 * Baseline measured in this run: grantAeo at the same node (a signed, fsynced ledger write
 * through the same GraphQL server, without a document).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSigningKey, writeGenesis, writeKeyPair } from '../../subgraphs/cli/index.js';
import { generateSigningKey, networkId, openRedisLog } from '../../subgraphs/ledger/index.js';
import { mintToken } from '../../subgraphs/node/index.js';
import { gql } from '../support/graphql-client.js';
import { freePort, startCli, stop } from '../support/node-process.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { fmt, percentile, printTable } from './stats.js';

const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const HUB_PER_DAY = 100_000;
const HUB_PER_SECOND = HUB_PER_DAY / 86_400;

if (!(await redisAvailable())) throw new Error(`bench:certificates needs Redis at ${REDIS_URL}`);
// This file runs compiled, from dist/test/bench/.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'subgraphs/certificates/samples/CR-PC-2026-000123.xml'), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'mra-bench-cert-'));
const keys = join(dir, 'keys');
const members = (['MX', 'CR'] as const).map((country) => {
  const key = generateSigningKey();
  writeKeyPair(keys, { country, name: country }, key);
  return { country, name: country, publicKey: key.publicKey };
});
const genesisPath = join(dir, 'genesis.json');
const genesis = writeGenesis(genesisPath, `bench-cert-${Date.now()}`, members, new Date('2026-01-01T00:00:00Z'));
const ports = { MX: await freePort(), CR: await freePort() };
const url = (c: 'MX' | 'CR') => `http://127.0.0.1:${ports[c]}/graphql`;
/** The node processes started so far: stopped in the end, also when a later one fails to start. */
const children: ChildProcess[] = [];
/** Starts `country`'s node; MX fetches the certificates addressed to it from CR's node (a node is never its own peer). */
const startNode = async (country: 'MX' | 'CR') => {
  const { child } = await startCli(['node', '--country', country, '--data', join(dir, country), '--keys', keys, '--genesis', genesisPath,
    '--port', String(ports[country]), '--redis', REDIS_URL, ...(country === 'MX' ? ['--peer', `CR=${url('CR')}`] : [])], / node \(/);
  children.push(child);
};
const token = (country: 'MX' | 'CR', role: 'officer' | 'admin') => mintToken(readSigningKey(keys, country), { country, role, subject: 'bench' }, new Date());
const tokens = { CR: await token('CR', 'officer'), MX: await token('MX', 'officer'), admin: await token('CR', 'admin') };

async function ok(response: Promise<{ data?: Record<string, unknown> | null; errors?: readonly unknown[] }>): Promise<Record<string, unknown>> {
  const result = await response;
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Runs `work(i)` for i in [from, from + count) on `CONCURRENCY` workers; returns per-item ms and the wall time. */
async function run(from: number, count: number, work: (i: number) => Promise<void>): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = from;
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < from + count) {
      const i = next++;
      const t = performance.now();
      await work(i);
      latencies.push(performance.now() - t);
    }
  }));
  return { seconds: (performance.now() - start) / 1000, latencies };
}

const number = (i: number) => `CR-PC-2026-${String(i).padStart(6, '0')}`;
const issue = (i: number) => ok(gql(url('CR'), 'mutation($d: String!) { issueCertificate(document: $d) { status } }', { d: SAMPLE.replaceAll('CR-PC-2026-000123', number(i)) }, tokens.CR)).then(() => undefined);
const arrived = async (i: number) => {
  for (;;) {
    const data = await ok(gql(url('MX'), 'query($n: String!) { certificate(number: $n) { status } }', { n: number(i) }, tokens.MX));
    if (data.certificate) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const receive = (i: number) => ok(gql(url('MX'), 'mutation($n: String!) { receiveCertificate(number: $n) { status } }', { n: number(i) }, tokens.MX)).then(() => undefined);
const grantInput = (i: number) => ({
  aeoId: `CR-AEO-${String(i).padStart(6, '0')}`, legalName: `Exportadora ${i}`, tradeName: `E${i}`, roles: ['IMPORTER_EXPORTER'], validFrom: '2026-01-01', validUntil: '2026-12-31',
  address: { street: 'Calle 1', city: 'San José', country: 'CR' }, private: { taxId: `3-101-${i}`, contact: { name: 'A', email: 'a@example.cr', phone: '1' }, riskScore: 1, auditNotes: '-' },
});
const grant = (i: number) => ok(gql(url('CR'), 'mutation($i: GrantAeoInput!) { grantAeo(input: $i) { status } }', { i: grantInput(i) }, tokens.admin)).then(() => undefined);

try {
  await startNode('CR');
  await startNode('MX');
  await run(1, 20, async (i) => { await issue(100_000 + i); await grant(100_000 + i); }); // warm-up
  const baseline = await run(1, COUNT, grant);
  const issued = await run(1, COUNT, issue);
  // One query polled until MX's replica lists the whole batch: replication lag, not query time.
  const arrivalStart = performance.now();
  for (;;) {
    const data = await ok(gql(url('MX'), '{ certificates(direction: INBOUND, first: 0) { totalCount } }', {}, tokens.MX));
    if ((data.certificates as { totalCount: number }).totalCount >= COUNT) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const arrivalMs = performance.now() - arrivalStart;
  const delivered = await run(1, COUNT, receive);
  const endToEnd = await run(COUNT + 1, COUNT, async (i) => { await issue(i); await arrived(i); await receive(i); });
  const perSecond = (r: { seconds: number }) => COUNT / r.seconds;
  const rows = [['path', 'certificates/s', 'p50 ms', 'p99 ms', 'per day', 'x ePhyto Hub capacity']];
  const row = (name: string, r: { seconds: number; latencies: number[] }) =>
    rows.push([name, fmt(perSecond(r), 1), fmt(percentile(r.latencies, 50), 1), fmt(percentile(r.latencies, 99), 1), fmt(perSecond(r) * 86_400), fmt(perSecond(r) / HUB_PER_SECOND, 1)]);
  row('issued at CR (issueCertificate)', issued);
  row('delivered to MX (fetch from CR + CERT_RECEIVED)', delivered);
  row('end to end (issue, replicate over Redis, deliver)', endToEnd);
  row('baseline: grantAeo at CR (same run)', baseline);
  rows.push(['ePhyto Hub stated capacity', fmt(HUB_PER_SECOND, 2), '-', '-', fmt(HUB_PER_DAY), '1.0']);
  console.log(`certificates benchmark: ${COUNT} certificates per phase, ${CONCURRENCY} concurrent officers, two node processes over Redis ${REDIS_URL}; ` +
    `the last of the issued batch was in MX's replica ${fmt(arrivalMs)} ms after issuing ended\n`);
  printTable(rows);
  console.log(`\nissuing runs at ${fmt(baseline.seconds / issued.seconds, 2)}x the rate of the baseline grant (same node, same run)`);
} finally {
  for (const child of children) await stop(child);
  const log = await openRedisLog({ url: REDIS_URL, prefix: `mra:${networkId(genesis).slice(0, 16)}` });
  await log.forgetEverything();
  await log.close();
  rmSync(dir, { recursive: true, force: true });
}
