/** Jurisdiction routing: shared fields from the home replica, private ones from their owner. */
export { jurisdictionExecutor, type JurisdictionExecutor, type JurisdictionOptions, type JurisdictionRequest } from './jurisdiction-executor.js';
export { localNodeClient } from './local-node-client.js';
export { nodeClient, unanswered, type NodeClient, type NodeRequest } from './node-client.js';
export { DEFAULT_KEYS, internalKeysFor, type InternalKeys } from './internal-keys.js';
export { directExecution, useJurisdiction, type JurisdictionPluginOptions } from './plugin.js';
