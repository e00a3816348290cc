/** Jurisdiction routing: shared fields from the home replica, private ones from their owner. */
export { jurisdictionExecutor, type JurisdictionExecutor, type JurisdictionOptions, type JurisdictionRequest } from './jurisdiction-executor.js';
export { localNodeClient } from './local-node-client.js';
export { nodeClient, type NodeClient, type NodeRequest } from './node-client.js';
export { ID_KEY, OWNER_KEY, TERMS_KEY } from './operator-selections.js';
export { useJurisdiction } from './plugin.js';
