/*
 * The demo's MRA network in its own process, for bench:gateway: MX (mercurius), CR and PE (Apollo)
 * nodes on the in-process bus, CADENA signed, six AEOs, and MX's gateway beside MX's node, as
 * `npm start` runs them. There CR's node shares the gateway's process, so a private-field lookup
 * costs that process CR's work too. In a real MRA CR's node is another authority's, on CR's own
 * machine: so CR's node also runs as it is deployed, `mra-hub node` in an OS process of its own
 * (started here, once the demo is seeded), and a second MX gateway, also beside MX's node, asks that one.
 *
 * Usage: mra-network-process.js <data dir>; the bench creates the directory and removes it.
 * Prints "ready <json>" with the URLs, the pid of CR's node process (the bench stops it too, as
 * this process is stopped with SIGKILL) and the tokens the bench sends.
 */
import { rmSync } from 'node:fs';
import { seedDemo, startDemoGateway, startDemoNetwork } from '../../subgraphs/cli/demo/index.js';
import { startOwnerNodeProcess, type OwnerNodeProcess } from './owner-node-process.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: mra-network-process.js <data dir>');

// One bench client sends thousands of requests a second: far above the per-caller rate limit,
// which stays switched on (its check is part of what is measured) with a ceiling out of reach.
const limits = { rateLimit: { enabled: true, perSecond: 1_000_000_000, burst: 1_000_000_000 } };

const net = await startDemoNetwork(dir, { MX: 0, CR: 0 });
let started: OwnerNodeProcess | undefined; // stopped if the start fails: the one thing that would outlive this process
try {
  await seedDemo(net, () => undefined);
  const crProcess = await startOwnerNodeProcess(net, dir, 'CR');
  started = crProcess;
  const gateway = await startDemoGateway(net, 0, undefined, limits);
  const nodes = [{ country: 'MX', url: net.nodes.MX.server.url }, { country: 'CR', url: crProcess.url }];
  const deployedGateway = await startDemoGateway(net, 0, undefined, { ...limits, nodes });
  const ready = {
    gateway: gateway.url,
    deployedGateway: deployedGateway.url,
    mx: net.nodes.MX.server.url,
    cr: net.nodes.CR.server.url,
    crProcess: crProcess.url,
    crProcessPid: crProcess.pid,
    officer: await net.token('MX', 'officer'),
    analyst: await net.token('MX', 'analyst'),
  };
  // Runs only when the bench went away without stopping this process (it stops it with SIGKILL).
  const stop = async () => {
    crProcess.stop();
    await deployedGateway.close();
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
} catch (error) {
  started?.stop();
  throw error;
}
