/*
 * The demo's MRA network in its own process, for bench:gateway: MX (mercurius), CR and PE (Apollo)
 * nodes on the in-process bus, CADENA signed, six AEOs, and MX's gateway beside MX's node.
 * Prints "ready <json>" with the URLs and the tokens the bench sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo, startDemoGateway, startDemoNetwork } from '../../subgraphs/cli/demo/index.js';

const dir = mkdtempSync(join(tmpdir(), 'mra-hub-bench-'));
const net = await startDemoNetwork(dir, { MX: 0, CR: 0 });
await seedDemo(net, () => undefined);
// One bench client sends thousands of requests a second: far above the per-caller rate limit,
// which stays switched on (its check is part of what is measured) with a ceiling out of reach.
const gateway = await startDemoGateway(net, 0, undefined, { rateLimit: { enabled: true, perSecond: 1_000_000_000, burst: 1_000_000_000 } });
const ready = {
  gateway: gateway.url,
  mx: net.nodes.MX.server.url,
  cr: net.nodes.CR.server.url,
  officer: await net.token('MX', 'officer'),
  analyst: await net.token('MX', 'analyst'),
};
const stop = async () => {
  await gateway.close();
  await net.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('disconnect', () => void stop());
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
console.log(`ready ${JSON.stringify(ready)}`);
