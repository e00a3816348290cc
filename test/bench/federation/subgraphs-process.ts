/*
 * The four benchmark subgraphs in a process of their own, for bench:gateway: apart from the
 * load generator, so that neither's work delays the other's on one event loop.
 *   node dist/test/bench/federation/subgraphs-process.js
 * Prints "ready <json [{ name, url }]>"; answers "cpu" messages (IPC) with process.cpuUsage().
 */
import { serveBenchSubgraphs } from './serve-subgraphs.js';

const served = await serveBenchSubgraphs();
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
console.log(`ready ${JSON.stringify(served.subgraphs)}`);
