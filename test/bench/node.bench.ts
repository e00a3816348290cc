/*
 * npm run bench:node — operator lookups per second through a country node (Apollo Server and
 * mercurius, over HTTP on loopback) against the same lookup on the replica without GraphQL
 * (state lookup + the same access rule), all measured in this run.
 */
import autocannon from 'autocannon';
import { CountryNode, mayView, mintToken, serveWithApollo, serveWithMercurius } from '../../subgraphs/node/index.js';
import type { SigningKey } from '../../subgraphs/ledger/index.js';
import { grant, proposeMra, testNetwork } from '../support/network.js';
import { fmt, opsPerSecond, printTable } from './stats.js';

const OPERATORS = 1000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const net = testNetwork(['MX', 'CR']);
const [mx, cr] = [net.replica('MX'), net.replica('CR')];
cr.ingest(mx.submit(proposeMra('cadena', ['MX', 'CR'])));
mx.ingest(cr.submit({ kind: 'approveMra', mraId: 'cadena' }));
for (let i = 1; i <= OPERATORS; i++) cr.submit(grant('CR', i));
const node = new CountryNode({ country: 'CR', replica: cr, now: () => new Date() });
const caller = { country: 'MX', role: 'officer' as const, subject: 'bench' };
const token = await mintToken(net.keys.MX as SigningKey, caller, new Date());
const ids = Array.from({ length: OPERATORS }, (_, i) => `CR-AEO-${String(i + 1).padStart(6, '0')}`);
const FIELDS = ['aeoId', 'status', 'legalName'] as const;

// Baseline: the same lookup and access decision, straight on the replica.
let sink = 0;
const LOOPS = 200_000;
const direct = opsPerSecond(LOOPS, () => {
  for (let i = 0; i < LOOPS; i++) {
    const op = cr.state.operators.get(ids[i % OPERATORS] as string);
    if (op && FIELDS.every((f) => mayView(cr.state, caller, op.country, f))) sink += op.legalName.length;
  }
});

const body = JSON.stringify({ query: 'query($id: String!) { operator(aeoId: $id) { aeoId status legalName } }', variables: { id: 'CR-AEO-000500' } });
const rows: string[][] = [['path', 'lookups/s', 'p99 ms', 'ratio to direct']];
for (const serve of [serveWithApollo, serveWithMercurius]) {
  const server = await serve(node, { port: 0 });
  const result = await autocannon({
    url: server.url, method: 'POST', connections: 16, duration: DURATION, body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${server.stack}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  rows.push([`GraphQL via ${server.stack}`, fmt(result.requests.average), fmt(result.latency.p99, 1), fmt(result.requests.average / direct, 5)]);
  await server.close();
}
rows.push(['replica lookup + access rule (baseline)', fmt(direct), '-', '1']);
console.log(`node benchmark: ${OPERATORS} operators, MX officer reading a CR operator, 16 connections, ${DURATION}s each (checksum ${sink % 7})\n`);
printTable(rows);
node.close();
