/*
 * npm run bench:gateway — every figure of issue 9 against a baseline measured in this same run:
 *  1. four federated subgraphs: this gateway against @apollo/gateway (requests/s) and a bare
 *     Hive Gateway with the Rust planner (CPU per request), each in its own process, the
 *     subgraphs in another;
 *  2. the MRA path: an operator lookup through MX's gateway against the same lookup sent
 *     straight to the node that answers it, p50 latency at 1 and 10 connections. A private field
 *     comes from its owner's node (CR's), which in a real MRA is another authority's machine: it is
 *     measured both with CR's node as deployed, `mra-hub node` in a process of its own, and as
 *     `npm start` runs it, in the gateway's process; both are held to the target.
 * BENCH_SECONDS and BENCH_CONNECTIONS change the load; BENCH_ONLY=federation or mra runs one part. Exits 1 when a target is missed.
 */
import { benchFederation } from './gateway-federation.js';
import { benchMraPath } from './gateway-mra-path.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const ONLY = process.env.BENCH_ONLY; // "federation" or "mra" runs one part alone

let federation = true;
if (ONLY !== 'mra') {
  console.log(`\n1. Four federated subgraphs (${CONNECTIONS} connections; each gateway loaded for ${Math.max(2, SECONDS / 2)} s in each of three rounds after a warm-up; medians)\n`);
  federation = await benchFederation({ seconds: SECONDS, connections: CONNECTIONS });
}
let mraPath = true;
if (ONLY !== 'federation') {
  console.log(`\n2. The MRA path: MX's gateway vs the node itself (p50 per request, ${SECONDS} s each in three alternating rounds after a warm-up; the median round)\n`);
  mraPath = await benchMraPath({ seconds: SECONDS, connections: [1, CONNECTIONS] });
}
console.log(`\n${federation && mraPath ? 'every target met' : 'a target was missed (see above)'}; Node ${process.version}, APOLLO_TELEMETRY_DISABLED=1`);
process.exit(federation && mraPath ? 0 : 1);
