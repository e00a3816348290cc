/** The gateway: one federated GraphQL endpoint across the MRA, routed by jurisdiction. */
export { composeSupergraph, fetchSubgraphSdl, loadSupergraph, withoutSubscriptions } from './compose/index.js';
export { DEFAULT_LIMITS, DEFAULT_RATE_LIMIT, gatewayConfig, gatewayConfigSchema, loadGatewayConfig, type GatewayConfig, type GatewayConfigInput } from './config/index.js';
export { GatewayConfigError, gatewayError, type GatewayErrorCode } from './errors.js';
export { jurisdictionExecutor, nodeClient, type NodeClient } from './jurisdiction/index.js';
export { jsonLogger, type Logger } from './observability/index.js';
export { CSRF_HEADERS, startGateway, type GraphiQLPreset, type RunningGateway, type StartGatewayOptions } from './server/index.js';
