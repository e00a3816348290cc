/** `mra-hub node`: a country node with its logs (one per authority), peers and recovery. */
export { startNode, type NodeOptions } from './start-node.js';
export { startReplication, type Replication } from './replication.js';
export { parseTopology, type Topology } from './topology.js';
export { checkSigningKey, keyStanding, type KeyStanding } from './check-signing-key.js';
